package dev.kaizen.lab.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;

/**
 * One benchmark run: seed, create, converge, rest, drift, and the figures. Phases are measured apart (each has its
 * own {@link CallLedger}), so the calls spent converging never count as calls at rest.
 */
final class BenchRun {
  static final Region REGION = Region.EU_WEST_1;
  static final String NAMESPACE = "bench";
  private static final Duration POLL = Duration.ofMillis(500);
  /** ACK re-reads each resource every 10 hours; Crossplane polls each managed resource every 10 minutes. */
  private static final double ACK_RESYNC_HOURS = 10;
  private static final double CROSSPLANE_POLL_HOURS = 10.0 / 60;

  record Options(int resources, Map<BenchKind, Integer> mix, Duration latency, int timeScale, double steadyHours,
      int drifts, boolean seedForeign, Duration convergeTimeout, List<String> operatorJvmOptions, Path workDir) {
    Duration resync() {
      return Duration.ofMinutes(10).dividedBy(timeScale);
    }

    Duration fullObserve() {
      return Duration.ofHours(6).dividedBy(timeScale);
    }
  }

  private final Options options;
  private final PrintStream progress;
  private volatile CallLedger ledger = new CallLedger();
  private final Map<String, String> throttlingInStatus = new ConcurrentHashMap<>();

  BenchRun(Options options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("resources", options.resources());
    Map<String, Integer> mix = new LinkedHashMap<>();
    options.mix().forEach((kind, n) -> mix.put(kind.kind(), n));
    figures.put("mix", mix);
    figures.put("latency_ms", options.latency().toMillis());
    figures.put("time_scale", options.timeScale());
    figures.put("resync_seconds_unscaled", options.resync().multipliedBy(options.timeScale()).toSeconds());

    try (ApiServerProcess apiServer = ApiServerProcess.start(options.workDir());
        KubernetesClient kube = client(apiServer.kubeconfig());
        OperatorProcess host = OperatorProcess.start(options.workDir(), apiServer.kubeconfig(), options,
            call -> ledger.record(call))) {
      int foreign = 0;
      for (var entry : options.mix().entrySet()) {
        Map<?, ?> prepared = host.command(Map.of("op", "prepare", "kind", entry.getKey().kind(),
            "count", entry.getValue(), "seedForeign", options.seedForeign()));
        foreign += ((Number) prepared.get("foreign")).intValue();
      }
      figures.put("foreign_objects_seeded", foreign);
      progress.printf("bench: %d objects of others seeded; creating %d resources%n", foreign, options.resources());

      createResources(kube);
      long start = System.nanoTime();
      Map<?, ?> started = host.command(Map.of("op", "start"));
      Converged converged = awaitReady(kube, start);
      double convergeSeconds = converged.seconds();
      CallLedger converging = ledger;
      figures.put("all_ready", converged.allReady());
      figures.put("startup_to_first_reconcile_seconds", round(converged.firstStatusSeconds()));
      figures.put("converge_seconds", round(convergeSeconds));
      CallLedger.QuotaBound bound = converging.quotaBound();
      figures.put("quota_bound_seconds", round(bound.seconds()));
      figures.put("quota_bound_by", bound.quota());
      figures.put("converge_ratio", bound.seconds() > 0 ? round(convergeSeconds / bound.seconds()) : null);
      figures.put("converge_calls_per_resource", perResource(converging.total()));
      figures.put("converge_reads_per_resource", perResource(converging.reads()));
      figures.put("converge_writes_per_resource", perResource(converging.writes()));
      figures.put("converge_calls_by_operation", converging.perOperation());
      long throttledConverging = converging.throttled();

      // At rest: nothing changes; every call is what watching for drift costs.
      ledger = new CallLedger();
      Duration rest = Duration.ofMillis(Math.round(options.steadyHours() * 3_600_000 / options.timeScale()));
      progress.printf("bench: all Ready after %.1f s; %s at rest (%s hour(s) scaled)%n", convergeSeconds,
          rest, options.steadyHours());
      watchStatuses(kube, rest);
      CallLedger resting = ledger;
      double resourceHours = options.resources() * options.steadyHours();
      figures.put("steady_calls_per_resource_hour", round(resting.total() / resourceHours));
      figures.put("steady_writes_per_resource_hour", round(resting.writes() / resourceHours));
      figures.put("steady_calls_by_operation", resting.perOperation());
      figures.put("steady_busiest_quota_average_use", restingQuotaUse(resting, rest));

      // Drift: changed behind the operator's back, timed until put right.
      ledger = new CallLedger();
      figures.put("drift_detect_seconds", drift(host, kube));
      CallLedger drifting = ledger;
      figures.put("throttling_errors_seen", throttledConverging + resting.throttled() + drifting.throttled());
      Map<String, Long> throttledOperations = new java.util.TreeMap<>();
      for (CallLedger phase : List.of(converging, resting, drifting)) {
        phase.throttledOperations().forEach((operation, n) -> throttledOperations.merge(operation, n, Long::sum));
      }
      figures.put("throttling_errors_by_operation", throttledOperations);
      figures.put("throttling_errors_in_status", throttlingInStatus.size());
      figures.put("throttling_in_status_of", new java.util.TreeMap<>(throttlingInStatus));
      figures.put("modelled_anchors", anchors(options));
      figures.put("memory", memory(options, host.command(Map.of("op", "stop")), started));
      figures.put("api_server_process_rss_mib", mib(apiServer.residentBytes()));
      figures.put("note", "The API server runs in a process of its own, the operator and the embedded AWS in "
          + "another (see memory.note). Drift times are the measured times multiplied by the time scale (an upper "
          + "bound: only the waits are scaled, not the work).");
    }
    return figures;
  }

  /**
   * The operator process's memory. It holds the embedded AWS too, so the operator's own share is bounded from both
   * sides: the fakes hold at least what they held once seeded (before the operator started) and at most the heap
   * still live once the operator is closed at the end (which also counts what the operator's libraries keep in
   * static state). The RSS without the fakes subtracts the smaller: an upper bound of the operator's.
   */
  private static Map<String, Object> memory(Options options, Map<?, ?> measured, Map<?, ?> started) {
    long rss = ((Number) measured.get("rss")).longValue();
    long liveHeap = ((Number) measured.get("liveHeap")).longValue();
    long fakesAtLeast = Math.max(0, ((Number) started.get("seededFakesHeap")).longValue());
    long fakesAtMost = Math.max(fakesAtLeast, ((Number) measured.get("heapLeftOnceClosed")).longValue());
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("jvm_flags", String.join(" ", OperatorProcess.flags(options)));
    memory.put("environment", new java.util.TreeMap<>(OperatorProcess.DEPLOYMENT_ENVIRONMENT));
    memory.put("max_heap_mib", mib(((Number) measured.get("maxHeap")).longValue()));
    memory.put("process_rss_mib", mib(rss));
    memory.put("process_peak_rss_mib", mib(((Number) measured.get("peakRss")).longValue()));
    memory.put("process_peak_heap_mib", mib(((Number) measured.get("peakHeap")).longValue()));
    memory.put("process_live_heap_after_gc_mib", mib(liveHeap));
    memory.put("aws_fakes_heap_as_seeded_mib", mib(fakesAtLeast));
    memory.put("heap_left_once_operator_closed_mib", mib(fakesAtMost));
    Map<String, Double> operatorLiveHeap = new LinkedHashMap<>();
    operatorLiveHeap.put("at_least", mib(Math.max(0, liveHeap - fakesAtMost)));
    operatorLiveHeap.put("at_most", mib(Math.max(0, liveHeap - fakesAtLeast)));
    memory.put("operator_live_heap_after_gc_mib", operatorLiveHeap);
    Map<?, ?> committedKib = (Map<?, ?>) measured.get("committedKibByArea");
    long tracking = committedKib.get("Native Memory Tracking") instanceof Number kib ? kib.longValue() * 1024 : 0;
    memory.put("operator_rss_at_most_mib", mib(Math.max(0, rss - fakesAtLeast - tracking)));
    Map<String, Double> byArea = new LinkedHashMap<>();
    committedKib.forEach((area, kib) -> {
      if (((Number) kib).longValue() >= 1024) {
        byArea.put(String.valueOf(area), mib(((Number) kib).longValue() * 1024));
      }
    });
    memory.put("process_committed_mib_by_area", byArea);
    memory.put("loaded_classes", measured.get("loadedClasses"));
    memory.put("process_cpu_seconds", round(((Number) measured.get("cpuNanos")).longValue() / 1e9));
    memory.put("note", "The operator runs in a JVM of its own with the deployment's heap ceiling and collector, "
        + "beside the embedded AWS (in-process fakes), whose share is bounded: at least their live heap once seeded, "
        + "at most the live heap left once the operator is closed at the end (the objects the operator created in "
        + "AWS, and static state of the operator's libraries, included); operator_* subtract those (and the RSS figure "
        + "Native Memory Tracking's own, which the deployment does not run). "
        + "process_peak_* are the whole process's, from the operator's start (peak heap counts garbage not yet "
        + "collected). process_cpu_seconds: the CPU time the process used, from its start to the end of the run "
        + "(the fakes' and the bench's bookkeeping included). process_committed_mib_by_area: Native Memory "
        + "Tracking's committed memory per area, at rest (what the RSS is made of, areas of 1 MiB or more).");
    return memory;
  }

  private KubernetesClient client(Path kubeconfig) throws java.io.IOException {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
  }

  private void createResources(KubernetesClient kube) {
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    for (var entry : options.mix().entrySet()) {
      if (entry.getValue() > 0) {
        for (String manifest : entry.getKey().clusterObjects(NAMESPACE)) {
          kube.resource(Serialization.<io.fabric8.kubernetes.api.model.HasMetadata>unmarshal(manifest)).create();
        }
      }
      for (int i = 0; i < entry.getValue(); i++) {
        GenericKubernetesResource resource = Serialization.unmarshal(
            entry.getKey().manifest(NAMESPACE, i, REGION), GenericKubernetesResource.class);
        kube.resource(resource).create();
      }
    }
  }

  private record Converged(boolean allReady, double seconds, double firstStatusSeconds) {}

  private Converged awaitReady(KubernetesClient kube, long start) throws InterruptedException {
    long deadline = start + options.convergeTimeout().toNanos();
    double firstStatus = -1;
    int lastReported = -1;
    while (System.nanoTime() < deadline) {
      List<GenericKubernetesResource> all = listAll(kube);
      long ready = all.stream().filter(r -> ResourceConditions.isReady(r)).count();
      all.forEach(this::noteThrottling);
      if (firstStatus < 0 && all.stream().anyMatch(r -> r.getAdditionalProperties().get("status") != null)) {
        firstStatus = seconds(start);
      }
      if (ready == options.resources()) {
        return new Converged(true, seconds(start), firstStatus);
      }
      if (ready / Math.max(1, options.resources() / 10) != lastReported) {
        lastReported = (int) (ready / Math.max(1, options.resources() / 10));
        progress.printf("bench: %d of %d Ready after %.0f s%n", ready, options.resources(), seconds(start));
      }
      Thread.sleep(POLL.toMillis());
    }
    return new Converged(false, seconds(start), firstStatus);
  }

  private void watchStatuses(KubernetesClient kube, Duration period) throws InterruptedException {
    long end = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < end) {
      listAll(kube).forEach(this::noteThrottling);
      Thread.sleep(Math.min(POLL.toMillis() * 4, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
  }

  /** Keeps, per resource, the first condition that reported AWS throttling. */
  private void noteThrottling(GenericKubernetesResource resource) {
    ResourceConditions.throttling(resource).ifPresent(said -> throttlingInStatus.putIfAbsent(
        resource.getKind() + " " + resource.getMetadata().getName(), said));
  }

  private List<GenericKubernetesResource> listAll(KubernetesClient kube) {
    List<GenericKubernetesResource> all = new ArrayList<>();
    for (BenchKind kind : options.mix().keySet()) {
      all.addAll(kube.genericKubernetesResources("kaizen.dev/v1alpha1", kind.kind()).inNamespace(NAMESPACE).list()
          .getItems());
    }
    return all;
  }

  /** Injects drift into a sample of resources, spread over the kinds, and times each until it is put right. */
  private Map<String, Object> drift(OperatorProcess host, KubernetesClient kube) throws Exception {
    List<GenericKubernetesResource> candidates = new ArrayList<>(listAll(kube));
    Collections.shuffle(candidates, new Random(42));
    record Pending(String what, long injectedAt, int id) {}
    List<Pending> pending = new ArrayList<>();
    for (GenericKubernetesResource resource : candidates) {
      if (pending.size() >= options.drifts()) {
        break;
      }
      int id = ((Number) host.command(Map.of("op", "drift", "kind", resource.getKind(),
          "resource", Serialization.asJson(resource))).get("id")).intValue();
      if (id >= 0) {
        pending.add(new Pending(resource.getKind() + " " + resource.getMetadata().getName(), System.nanoTime(), id));
      }
    }
    List<Double> detected = new ArrayList<>();
    Map<String, Double> byResource = new java.util.TreeMap<>();
    long deadline = System.nanoTime() + options.resync().multipliedBy(3).plusSeconds(30).toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      for (var it = pending.iterator(); it.hasNext(); ) {
        Pending drift = it.next();
        if (Boolean.TRUE.equals(host.command(Map.of("op", "corrected", "id", drift.id())).get("corrected"))) {
          double unscaled = (System.nanoTime() - drift.injectedAt()) / 1e9 * options.timeScale();
          detected.add(unscaled);
          byResource.put(drift.what(), round(unscaled));
          it.remove();
        }
      }
      Thread.sleep(100);
    }
    Collections.sort(detected);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("injected", detected.size() + pending.size());
    result.put("corrected", detected.size());
    result.put("median", detected.isEmpty() ? null : round(detected.get(detected.size() / 2)));
    result.put("worst", detected.isEmpty() ? null : round(detected.get(detected.size() - 1)));
    result.put("not_corrected", pending.stream().map(Pending::what).toList());
    result.put("seconds_by_resource", byResource);
    return result;
  }

  /** The busiest quota's use at rest, as a fraction of AWS's whole quota (the operator allows itself half). */
  private static Map<String, Object> restingQuotaUse(CallLedger resting, Duration rest) {
    CallLedger.QuotaBound busiest = resting.quotaBound();
    Map<String, Object> use = new LinkedHashMap<>();
    use.put("quota", busiest.quota());
    // quotaBound is in seconds at the operator's share: over the rest period, that is the share used.
    use.put("fraction_of_aws_quota", round(busiest.seconds() / rest.toSeconds()
        * dev.kaizen.operator.aws.QuotaTable.SHARE));
    return use;
  }

  /** ACK and Crossplane on the same resources, modelled from their documented defaults, not measured. */
  private static Map<String, Object> anchors(Options options) {
    double objects = 0;
    int awsResources = 0;
    for (var entry : options.mix().entrySet()) {
      objects += (double) entry.getKey().awsObjectsEach() * entry.getValue();
      awsResources += entry.getKey().awsObjectsEach() > 0 ? entry.getValue() : 0;
    }
    double perResource = objects / options.resources();
    Map<String, Object> anchors = new LinkedHashMap<>();
    anchors.put("basis", "modelled from documented defaults, not measured: ACK re-reads each of its resources once "
        + "per 10-hour resync; Crossplane observes each managed resource once per 10-minute poll (one call each); "
        + "AWS objects per resource of the mix as each kind counts them (kinds without AWS objects count zero)");
    anchors.put("aws_objects_per_resource", round(perResource));
    anchors.put("ack_steady_calls_per_resource_hour", round(perResource / ACK_RESYNC_HOURS));
    anchors.put("ack_worst_drift_detect_seconds", awsResources > 0 ? ACK_RESYNC_HOURS * 3600 : null);
    anchors.put("crossplane_steady_calls_per_resource_hour", round(perResource / CROSSPLANE_POLL_HOURS));
    anchors.put("crossplane_worst_drift_detect_seconds", awsResources > 0 ? CROSSPLANE_POLL_HOURS * 3600 : null);
    return anchors;
  }

  private double perResource(long calls) {
    return round((double) calls / options.resources());
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double mib(long bytes) {
    return round(bytes / 1048576.0);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
