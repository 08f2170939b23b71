package dev.kaizen.lab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kaizen bench}: N resources of a mix of kinds against an API server in another process and the embedded AWS
 * with its per-account quotas enforced and a latency per call; prints one JSON object (see README, "Benchmark").
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures convergence, AWS calls at rest, drift detection and memory; prints one JSON object.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--resources", defaultValue = "100", description = "How many resources (default: ${DEFAULT-VALUE}).")
  int resources;

  @Option(names = "--mix", defaultValue = "logpipeline=6,cronjobset=3,mailroute=1,solrcluster=1",
      description = "Kinds and their weights (default: ${DEFAULT-VALUE}).")
  String mix;

  @Option(names = "--latency", defaultValue = "PT0.02S",
      description = "Added to every AWS call, ISO-8601 (default: ${DEFAULT-VALUE}, 20 ms).")
  Duration latency;

  @Option(names = "--time-scale", defaultValue = "60",
      description = "The operator's intervals divided by this, so an hour at rest takes an hour / scale "
          + "(default: ${DEFAULT-VALUE}). AWS's quotas are not scaled.")
  int timeScale;

  @Option(names = "--steady-hours", defaultValue = "1",
      description = "Scaled hours at rest over which calls are counted (default: ${DEFAULT-VALUE}).")
  double steadyHours;

  @Option(names = "--drifts", defaultValue = "10", description = "Drifts injected at rest (default: ${DEFAULT-VALUE}).")
  int drifts;

  @Option(names = "--seed-foreign", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "Seed the account with objects nobody here owns, so listings are long (default: on).")
  boolean seedForeign;

  @Option(names = "--converge-timeout", defaultValue = "PT10M",
      description = "Give up waiting for all resources Ready after this (default: ${DEFAULT-VALUE}).")
  Duration convergeTimeout;

  @Option(names = "--operator-jvm-option", paramLabel = "FLAG",
      description = "A JVM flag added, after the deployment's, to the operator's process (repeatable): to measure "
          + "what other memory settings would give, e.g. --operator-jvm-option=-XX:TieredStopAtLevel=1.")
  List<String> operatorJvmOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("kaizen-bench");
    BenchRun.Options options = new BenchRun.Options(resources, BenchKinds.split(mix, resources), latency, timeScale,
        steadyHours, drifts, seedForeign, convergeTimeout, operatorJvmOptions, work);
    Map<String, Object> figures = new BenchRun(options, System.err).run();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(json.writeValueAsString(figures));
    return Boolean.TRUE.equals(figures.get("all_ready")) ? 0 : 1;
  }
}
