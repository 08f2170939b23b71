package dev.kaizen.operator.core.manifest;

import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Tells an API group that is almost ours ({@code kaizen.dv}, {@code Kaizen.dev}, {@code kaizen.dev.io}) from a
 * genuinely foreign one ({@code apps}, {@code argoproj.io}). The reader skips foreign documents; a near miss would
 * be skipped too and never reach the cluster as meant, so it is reported instead.
 */
final class ApiGroupTypo {
  // Two edits catch a dropped, doubled, swapped or wrong character; no real group is that close to kaizen.dev.
  private static final LevenshteinDistance WITHIN_TWO_EDITS = new LevenshteinDistance(2);

  private final String group;

  ApiGroupTypo(String group) {
    this.group = group;
  }

  /** Whether {@code apiVersion} names a group that is not ours but looks like a typo of it. */
  boolean isNearMiss(String apiVersion) {
    boolean hasVersion = apiVersion.indexOf('/') >= 0;
    if (hasVersion && groupOf(apiVersion).equals(group)) {
      return false; // exactly ours
    }
    String named = groupOf(apiVersion).toLowerCase(Locale.ROOT);
    return named.contains(group) || WITHIN_TWO_EDITS.apply(named, group) >= 0;
  }

  /** One sentence saying what is wrong and what was probably meant. */
  String explain(String apiVersion) {
    if (apiVersion.indexOf('/') < 0) {
      return "apiVersion \"" + apiVersion + "\" has no version: write " + group + "/<version>";
    }
    return "apiVersion \"" + apiVersion + "\" is not a known API group; did you mean " + group + "/"
        + apiVersion.substring(apiVersion.indexOf('/') + 1) + "? (documents of other API groups are skipped, so"
        + " this one would not be checked)";
  }

  // "kaizen.dev/v1alpha1" -> "kaizen.dev"; without a slash the whole value is read as a group, since
  // "kaizen.dev" alone is a near miss too (the version was forgotten), whereas "v1" is the core group.
  private static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(0, slash);
  }
}
