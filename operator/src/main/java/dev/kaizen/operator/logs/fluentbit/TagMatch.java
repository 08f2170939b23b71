package dev.kaizen.operator.logs.fluentbit;

/**
 * Fluent Bit's {@code Match} semantics: the pattern is compared to the whole tag, {@code *} matches
 * any run of characters (including none), everything else is literal.
 */
public final class TagMatch {
  private TagMatch() {}

  public static boolean matches(String pattern, String tag) {
    return matches(pattern, 0, tag, 0);
  }

  private static boolean matches(String p, int pi, String t, int ti) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = ti; k <= t.length(); k++) {
          if (matches(p, pi, t, k)) {
            return true;
          }
        }
        return false;
      }
      if (ti >= t.length() || t.charAt(ti) != c) {
        return false;
      }
      pi++;
      ti++;
    }
    return ti == t.length();
  }
}
