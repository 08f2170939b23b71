package dev.kaizen.operator.core.manifest;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The known name a mistyped one most likely meant, for "did you mean" hints: a few edits away ({@code retentionDay},
 * {@code kmsKeyARN}), or the start of a longer name ({@code retention} for {@code retentionDays}). None when nothing
 * is close, so a hint is never a guess.
 */
final class NearestName {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
  /** A prefix shorter than this says too little ({@code n} is the start of many names). */
  private static final int MIN_PREFIX = 4;

  private NearestName() {}

  static Optional<String> among(Collection<String> known, String typed) {
    String lowerTyped = typed.toLowerCase(Locale.ROOT);
    return known.stream()
        .filter(name -> isClose(name.toLowerCase(Locale.ROOT), lowerTyped))
        .min(Comparator.comparingInt((String name) -> DISTANCE.apply(name.toLowerCase(Locale.ROOT), lowerTyped))
            .thenComparing(Comparator.naturalOrder()));
  }

  private static boolean isClose(String known, String typed) {
    // A third of the name may be wrong, at least two characters (a swap is two edits).
    int allowed = Math.max(2, typed.length() / 3);
    boolean prefix = Math.min(known.length(), typed.length()) >= MIN_PREFIX
        && (known.startsWith(typed) || typed.startsWith(known));
    return prefix || DISTANCE.apply(known, typed) <= allowed;
  }
}
