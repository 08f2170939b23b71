package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sesv2.model.Tag;

/** Tags as SES v2's create and TagResource calls take them. */
final class SesTags {
  private SesTags() {}

  /** As a map (SES keeps one value per key; the first wins should a response ever repeat one). */
  static Map<String, String> asMap(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a));
  }

  static List<Tag> of(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
