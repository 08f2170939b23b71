package dev.kaizen.operator.logs.fluentbit;

import java.util.regex.Pattern;

/** Kubernetes label key and value syntax, as the API server enforces it. */
final class Labels {
  private static final Pattern NAME =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Labels() {}

  static void requireValidKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("label key must not be empty");
    }
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        throw new IllegalArgumentException("invalid label key prefix: " + key);
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid label key: " + key);
    }
  }

  static void requireValidValue(String key, String value) {
    if (value == null) {
      throw new IllegalArgumentException("label " + key + " has no value");
    }
    if (value.length() > 63 || !(value.isEmpty() || NAME.matcher(value).matches())) {
      throw new IllegalArgumentException("invalid value for label " + key + ": " + value);
    }
  }

  static boolean isDnsLabel(String s) {
    return s != null && s.length() <= 63 && DNS_LABEL.matcher(s).matches();
  }

  static boolean isDnsSubdomain(String s) {
    return s != null && s.length() <= 253 && DNS_SUBDOMAIN.matcher(s).matches();
  }
}
