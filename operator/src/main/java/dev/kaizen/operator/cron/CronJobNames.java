package dev.kaizen.operator.cron;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of a job's CronJob: {@code <set>-<job>}, deterministic, within the 52 characters Kubernetes allows a
 * CronJob name (its controller appends 11 characters to name the Jobs). Longer names keep a readable prefix and end
 * in 8 hex digits of a SHA-256 of set and job, so two long names sharing a prefix stay distinct.
 */
public final class CronJobNames {
  public static final int MAX_LENGTH = 52;
  private static final int HASH_LENGTH = 8;

  private CronJobNames() {}

  public static String of(String set, String job) {
    String name = set + "-" + job;
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String prefix = name.substring(0, MAX_LENGTH - HASH_LENGTH - 1).replaceAll("[-.]+$", "");
    return prefix + "-" + sha256(set + "/" + job).substring(0, HASH_LENGTH);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
