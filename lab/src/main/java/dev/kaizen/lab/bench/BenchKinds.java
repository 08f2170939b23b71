package dev.kaizen.lab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The kinds the benchmark knows, by the name `--mix` gives them. A new kind: one line here. */
final class BenchKinds {
  static final List<BenchKind> ALL = List.of(new LogPipelineBench(), new CronJobSetBench(), new MailRouteBench(),
      new SolrClusterBench());

  private BenchKinds() {}

  /**
   * Parses a mix such as {@code logpipeline=7,cronjobset=3} (weights) into how many of {@code total} resources each
   * kind gets, largest remainders last so the counts add up to the total.
   */
  static Map<BenchKind, Integer> split(String mix, int total) {
    Map<BenchKind, Double> weights = new LinkedHashMap<>();
    for (String part : mix.split(",")) {
      String[] pair = part.trim().split("=");
      String name = pair[0].trim().toLowerCase(Locale.ROOT);
      BenchKind kind = ALL.stream().filter(k -> k.kind().toLowerCase(Locale.ROOT).equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no kind " + pair[0] + " in the benchmark; it knows "
              + ALL.stream().map(k -> k.kind().toLowerCase(Locale.ROOT)).toList()));
      weights.merge(kind, pair.length > 1 ? Double.parseDouble(pair[1]) : 1.0, Double::sum);
    }
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<BenchKind, Integer> counts = new LinkedHashMap<>();
    int given = 0;
    for (var entry : weights.entrySet()) {
      int n = (int) Math.floor(total * entry.getValue() / sum);
      counts.put(entry.getKey(), n);
      given += n;
    }
    for (BenchKind kind : counts.keySet()) {
      if (given >= total) {
        break;
      }
      counts.merge(kind, 1, Integer::sum);
      given++;
    }
    return counts;
  }
}
