package dev.kaizen.operator.core.manifest;

import java.util.Optional;
import java.util.Set;

/**
 * How a declared property is named inside CEL, as in Kubernetes: CEL keywords become {@code __name__}, and
 * {@code __ . - /} are spelled {@code __underscores__ __dot__ __dash__ __slash__}; any other character (or a
 * leading digit) makes the property unreachable from rules. Map keys ({@code additionalProperties}) are not
 * escaped: rules read them with {@code self[key]}.
 */
final class CelNames {
  private static final Set<String> RESERVED = Set.of(
      "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
      "import", "let", "loop", "package", "namespace", "return", "var", "void", "while");

  private CelNames() {}

  static Optional<String> escape(String property) {
    if (property.isEmpty() || Character.isDigit(property.charAt(0))) {
      return Optional.empty();
    }
    if (RESERVED.contains(property)) {
      return Optional.of("__" + property + "__");
    }
    StringBuilder out = new StringBuilder(property.length());
    for (int i = 0; i < property.length(); i++) {
      char c = property.charAt(i);
      if (c == '_' && i + 1 < property.length() && property.charAt(i + 1) == '_') {
        out.append("__underscores__");
        i++;
      } else if (c == '.') {
        out.append("__dot__");
      } else if (c == '-') {
        out.append("__dash__");
      } else if (c == '/') {
        out.append("__slash__");
      } else if (c == '_' || c < 128 && Character.isLetterOrDigit(c)) {
        out.append(c);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out.toString());
  }
}
