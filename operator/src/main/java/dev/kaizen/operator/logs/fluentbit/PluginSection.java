package dev.kaizen.operator.logs.fluentbit;

import java.util.List;
import java.util.Map;

/**
 * One filter or output as the renderer builds it, before it is written in a format: its kind ({@code FILTER} or
 * {@code OUTPUT}) and its properties in order.
 */
record PluginSection(String kind, List<Map.Entry<String, String>> properties) {
  PluginSection {
    properties = List.copyOf(properties);
  }

  static Map.Entry<String, String> property(String key, String value) {
    return Map.entry(key, value);
  }
}
