package dev.kaizen.operator.core.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one Route 53 TXT value and its stored form: one or more character-strings in double quotes,
 * separated by a space ({@code "v=spf1 ..." "...rest"}). Route 53's "TXT record type" page: a string holds at most
 * 255 characters, a longer value is split into several strings, {@code "} and {@code \} are escaped with a
 * backslash, characters 000-040 and 177-377 octal are written as a backslash and three octal digits; the
 * {@code ResourceRecord} {@code Value} holds at most 4,000 characters. Octets, not Java chars: text beyond ASCII is
 * its UTF-8 bytes, each escaped.
 */
public final class TxtStrings {
  /** Octets per character-string (RFC 1035 3.3; Route 53's TXT format). */
  public static final int MAX_STRING_OCTETS = 255;
  /** Characters per stored value ({@code ResourceRecord.Value}, Route 53 API reference). */
  public static final int MAX_VALUE_CHARACTERS = 4000;

  private TxtStrings() {}

  /** The stored form of {@code text}, split into strings of at most 255 octets. */
  public static String encode(String text) {
    byte[] octets = text.getBytes(StandardCharsets.UTF_8);
    List<String> strings = new ArrayList<>();
    for (int start = 0; start < octets.length || strings.isEmpty(); start += MAX_STRING_OCTETS) {
      strings.add(quote(octets, start, Math.min(octets.length, start + MAX_STRING_OCTETS)));
    }
    String stored = String.join(" ", strings);
    if (stored.length() > MAX_VALUE_CHARACTERS) {
      throw new SharedObjectTooLargeException("the TXT value would take " + stored.length()
          + " characters as Route 53 stores it, over its limit of " + MAX_VALUE_CHARACTERS + ".");
    }
    return stored;
  }

  /**
   * The text a stored value stands for: its character-strings unescaped and joined without a separator (as SPF,
   * RFC 7208 3.3, and DKIM read them). A value without quotes is read as one string.
   */
  public static String decode(String stored) {
    ByteArrayOutputStream octets = new ByteArrayOutputStream();
    String s = stored.strip();
    if (!s.startsWith("\"")) {
      return s;
    }
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '"') {
        i++; // whitespace between strings
        continue;
      }
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        char d = s.charAt(i);
        if (d == '\\' && i + 1 < s.length()) {
          if (i + 3 < s.length() && isOctal(s.charAt(i + 1)) && isOctal(s.charAt(i + 2)) && isOctal(s.charAt(i + 3))) {
            octets.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
            i += 4;
          } else {
            octets.writeBytes(String.valueOf(s.charAt(i + 1)).getBytes(StandardCharsets.UTF_8));
            i += 2;
          }
        } else {
          octets.writeBytes(String.valueOf(d).getBytes(StandardCharsets.UTF_8));
          i++;
        }
      }
      i++; // closing quote
    }
    return octets.toString(StandardCharsets.UTF_8);
  }

  private static String quote(byte[] octets, int from, int to) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = from; i < to; i++) {
      int b = octets[i] & 0xFF;
      if (b == '"' || b == '\\') {
        out.append('\\').append((char) b);
      } else if (b < 0x20 || b >= 0x7F) {
        // Route 53 lists 000-040 octal for escaping, yet takes (and returns) a space as is, as every SPF value has.
        out.append('\\').append(String.format("%03o", b));
      } else {
        out.append((char) b);
      }
    }
    return out.append('"').toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
