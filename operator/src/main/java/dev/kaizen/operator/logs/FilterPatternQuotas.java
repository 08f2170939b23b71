package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch Logs' quotas on regular expressions in filter patterns, checked before any call so that a spec AWS would
 * refuse stalls with a sentence instead of a failed PutMetricFilter. From the User Guide, "Supported regular
 * expressions (regex) syntax": "There is a maximum of 5 filter patterns containing regex for each log group when
 * creating metric filters or subscription filters. There is a limit of 2 regex for each filter pattern". Whether
 * metric and subscription filters share the 5 is not said: they are counted together here, the stricter reading.
 */
final class FilterPatternQuotas {
  static final int MAX_REGEX_PER_PATTERN = 2;
  static final int MAX_REGEX_PATTERNS_PER_GROUP = 5;

  private FilterPatternQuotas() {}

  /** Throws {@link InvalidSpecException} naming the first quota the pipeline's filters would exceed. */
  static void check(List<MetricFilterDefinition> filters, Optional<SubscriptionDefinition> subscription) {
    List<String> withRegex = new ArrayList<>();
    for (MetricFilterDefinition filter : filters) {
      count("metric filter " + filter.filterName(), filter.pattern(), withRegex);
    }
    subscription.ifPresent(s -> count("subscription filter " + s.filterName(), s.pattern(), withRegex));
    if (withRegex.size() > MAX_REGEX_PATTERNS_PER_GROUP) {
      throw new InvalidSpecException(withRegex.size() + " filter patterns contain regular expressions ("
          + String.join(", ", withRegex) + "): CloudWatch Logs allows at most " + MAX_REGEX_PATTERNS_PER_GROUP
          + " per log group.");
    }
  }

  private static void count(String what, String pattern, List<String> withRegex) {
    int terms = regexTerms(pattern);
    if (terms > MAX_REGEX_PER_PATTERN) {
      throw new InvalidSpecException("The pattern of " + what + " holds " + terms + " regular expressions (%...%):"
          + " CloudWatch Logs allows at most " + MAX_REGEX_PER_PATTERN + " in one filter pattern.");
    }
    if (terms > 0) {
      withRegex.add(what);
    }
  }

  /** The %regex% terms of a pattern, outside "quoted terms" (where % is a plain character). */
  static int regexTerms(String pattern) {
    int count = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '"' || c == '%') {
        int end = i + 1;
        while (end < pattern.length() && pattern.charAt(end) != c) {
          end += pattern.charAt(end) == '\\' ? 2 : 1;
        }
        count += c == '%' ? 1 : 0;
        i = end;
      }
    }
    return count;
  }
}
