package dev.kaizen.operator.cron.eventbridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The schedule group of a set: {@code kaizen-<namespace>_<set>}. The '_' cannot appear in a namespace or a
 * resource name, so two sets never share a group (namespace {@code a-b} set {@code c} and namespace {@code a} set
 * {@code b-c} differ); the prefix lets IAM scope schedule calls by name, since schedules carry no tags. Past
 * Scheduler's 64 characters the name keeps a readable prefix and ends in 8 hex digits of a SHA-256.
 */
public final class ScheduleGroupNames {
  public static final String PREFIX = "kaizen-";
  public static final int MAX_LENGTH = 64;
  private static final int HASH_LENGTH = 8;

  private ScheduleGroupNames() {}

  public static String of(String namespace, String set) {
    String name = PREFIX + namespace + "_" + set;
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    return name.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "-" + sha256(namespace + "/" + set)
        .substring(0, HASH_LENGTH);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
