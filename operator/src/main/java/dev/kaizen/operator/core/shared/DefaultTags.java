package dev.kaizen.operator.core.shared;

import java.util.Map;
import java.util.TreeMap;

/**
 * An account's default tags (AwsAccount {@code spec.defaultTags}) on the objects a resource owns, created or already
 * there: pure, so every kind plans them the same way. The tags that win over the defaults are the kaizen.dev
 * ownership tags and the kind's own tags for the object (a spec's {@code tags}); a default never replaces them.
 *
 * <p>On an object that already exists the defaults are only added or brought back to their value: a tag is never
 * removed, so a key dropped from the account's defaults stays on the objects that carry it (someone may still rely
 * on it, for cost allocation say), and any tag others put on the object is left alone.
 */
public final class DefaultTags {
  private DefaultTags() {}

  /**
   * The tags an object is created with: the defaults, then the kind's own tags over them, then the ownership tags
   * over both.
   */
  public static Map<String, String> onCreate(Map<String, String> defaults, Map<String, String> own,
      Map<String, String> ownership) {
    Map<String, String> tags = new TreeMap<>(defaults);
    tags.putAll(own);
    tags.putAll(ownership);
    return tags;
  }

  /**
   * The tags to add or update on an existing object so that it carries the account's defaults (a TagResource-style
   * write: keys not named are kept). Empty when nothing needs writing, so an object already right costs no write.
   *
   * @param current the object's tags as read
   * @param defaults the account's default tags
   * @param winning the tags that win over the defaults (ownership tags, the kind's own tags): their keys are
   *     never set from the defaults
   */
  public static Map<String, String> toApply(Map<String, String> current, Map<String, String> defaults,
      Map<String, String> winning) {
    Map<String, String> toApply = new TreeMap<>();
    defaults.forEach((key, value) -> {
      if (!winning.containsKey(key) && !value.equals(current.get(key))) {
        toApply.put(key, value);
      }
    });
    return toApply;
  }
}
