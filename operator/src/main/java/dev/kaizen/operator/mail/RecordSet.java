package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Route 53 record set as the operator reads and writes it: a fully qualified lower-case name (Route 53 names
 * are case-insensitive and end with a dot), a type, a TTL and its values in stored form (TXT values quoted).
 */
public record RecordSet(String name, String type, long ttl, List<String> values) {
  public RecordSet {
    name = fqdn(name);
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
  }

  /** {@code Example.com} -> {@code example.com.} */
  public static String fqdn(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  /** {@code example.com.} -> {@code example.com}, for people. */
  public static String display(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  public RecordSet withValues(List<String> newValues) {
    return new RecordSet(name, type, ttl, newValues);
  }
}
