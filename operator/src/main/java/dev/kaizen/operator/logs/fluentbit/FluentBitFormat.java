package dev.kaizen.operator.logs.fluentbit;

import java.util.Locale;

/**
 * The configuration formats the operator writes. YAML is Fluent Bit's standard format since v3.2; the classic format
 * is deprecated at the end of 2026 and written only on request ({@code --fluent-bit-format classic}).
 */
public enum FluentBitFormat {
  YAML("yaml"),
  CLASSIC("conf");

  private final String extension;

  FluentBitFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension of the ConfigMap keys, so the DaemonSet's include pattern picks one format only. */
  public String extension() {
    return extension;
  }

  /** {@code yaml} or {@code classic}, as the command line spells it. */
  public static FluentBitFormat parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "yaml" -> YAML;
      case "classic" -> CLASSIC;
      default -> throw new IllegalArgumentException("Fluent Bit format must be yaml or classic: " + text);
    };
  }
}
