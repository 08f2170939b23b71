package dev.kaizen.lab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.lab.embedded.AwsCall;
import dev.kaizen.lab.embedded.EmbeddedAws;
import dev.kaizen.lab.embedded.EmbeddedSolr;
import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.KindDependencies;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.cli.RunCommand;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeDnsResolver;
import dev.kaizen.operator.mail.MailRouteSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * The child JVM of {@link OperatorProcess}: the operator as `kaizen run` builds it, and the embedded AWS it talks to
 * (AWS's fakes are in-process objects; reaching them from another JVM would take an HTTP front for every service).
 * The benchmark drives it over standard input and output, one JSON object a line: the parent's commands in, the
 * replies and every AWS call out. Its memory is measured here, the fakes' share apart: see {@link #stop}.
 */
public final class OperatorHost {
  private final ObjectMapper json = new ObjectMapper();
  private final PrintStream out;
  private final Path kubeconfig;
  private final Duration resync;
  private final Duration fullObserve;
  private final EmbeddedAws aws;
  private final KubernetesClient kube;
  private final List<BooleanSupplier> driftChecks = new ArrayList<>();
  private final long heapBeforeFakes;
  /**
   * The fakes keep every request they answered, for the tests' assertions, and the embedded AWS every call; nothing
   * here reads them (the benchmark counts calls as they come), and kept they would fill the heap the operator shares
   * with them (at N = 1,000, some 45,000 calls converging).
   */
  private final ScheduledExecutorService forgetFakesCallLogs = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "forget-fakes-call-logs");
    thread.setDaemon(true);
    return thread;
  });
  private KaizenOperator operator;

  private OperatorHost(PrintStream out, Path kubeconfig, Duration latency, Duration resync, Duration fullObserve)
      throws java.io.IOException {
    this.out = out;
    this.kubeconfig = kubeconfig;
    this.resync = resync;
    this.fullObserve = fullObserve;
    this.kube = client();
    this.heapBeforeFakes = ProcessMemory.heapAfterGc();
    this.aws = new EmbeddedAws(BenchRun.REGION, latency);
    aws.onCall(this::report);
    forgetFakesCallLogs.scheduleWithFixedDelay(
        () -> {
          aws.all(FakeAwsService.class).forEach(FakeAwsService::clearCalls);
          aws.forgetCalls();
        }, 10, 10, TimeUnit.SECONDS);
  }

  /** Arguments: kubeconfig, latency, resync, full observe (ISO-8601 durations). */
  public static void main(String[] args) {
    // Standard output carries the protocol: anything else printed goes to standard error.
    PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err);
    try {
      OperatorHost host = new OperatorHost(protocol, Path.of(args[0]), Duration.parse(args[1]),
          Duration.parse(args[2]), Duration.parse(args[3]));
      host.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
    // The operator's and the fakes' threads are not all daemons.
    System.exit(0);
  }

  private void serve(BufferedReader commands) throws Exception {
    String line;
    while ((line = commands.readLine()) != null) {
      Map<?, ?> command = json.readValue(line, Map.class);
      Map<String, Object> reply = switch (String.valueOf(command.get("op"))) {
        case "prepare" -> prepare(kind(command), ((Number) command.get("count")).intValue(),
            Boolean.TRUE.equals(command.get("seedForeign")));
        case "start" -> start();
        case "drift" -> drift(kind(command), String.valueOf(command.get("resource")));
        case "corrected" -> Map.of("corrected", driftChecks.get(((Number) command.get("id")).intValue())
            .getAsBoolean());
        case "stop" -> stop();
        default -> throw new IllegalArgumentException("unknown command " + line);
      };
      send(OperatorProcess.REPLY, reply);
    }
  }

  private static BenchKind kind(Map<?, ?> command) {
    String name = String.valueOf(command.get("kind"));
    return BenchKinds.ALL.stream().filter(k -> k.kind().equals(name)).findFirst().orElseThrow();
  }

  private Map<String, Object> prepare(BenchKind kind, int count, boolean seedForeign) {
    kind.prepare(aws, BenchRun.REGION, count);
    int foreign = seedForeign && count > 0 ? kind.seedForeign(aws, BenchRun.REGION, count) : 0;
    return Map.of("foreign", foreign);
  }

  /** The operator `kaizen run` runs, with its intervals divided by the time scale. */
  private Map<String, Object> start() throws java.io.IOException {
    long seededFakes = ProcessMemory.heapAfterGc() - heapBeforeFakes;
    ProcessMemory.resetPeaks();
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs("--cluster-id", "kaizen-bench", "--region", BenchRun.REGION.id(),
        "--resync", resync.toString(), "--full-observe", fullObserve.toString(), "--leader-election", "false");
    OperatorSettings settings = run.settings(new ClusterIdentity("kaizen-bench"), new SimpleMeterRegistry());
    var dependencies = new KindDependencies(new MailRouteSettings(new FakeDnsResolver(), Duration.ofSeconds(1),
        Duration.ofSeconds(2)), new EmbeddedSolr(aws));
    operator = new KaizenOperator(client(), aws, settings, dependencies);
    operator.start();
    return Map.of("seededFakesHeap", seededFakes);
  }

  private Map<String, Object> drift(BenchKind kind, String resourceJson) {
    GenericKubernetesResource resource = Serialization.unmarshal(resourceJson, GenericKubernetesResource.class);
    return kind.injectDrift(aws, kube, resource).map(check -> {
      driftChecks.add(check);
      return Map.<String, Object>of("id", driftChecks.size() - 1);
    }).orElse(Map.of("id", -1));
  }

  /**
   * Memory with the operator at work, then the live heap again once it is closed: what is left is the fakes' (all AWS
   * holds by then, the objects the operator created included) and whatever the operator's libraries keep in static
   * state (interned strings, serializer caches) — so the operator's live heap is at least the difference.
   */
  private Map<String, Object> stop() {
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("peakHeap", ProcessMemory.peakHeap());
    memory.put("peakRss", ProcessMemory.peakResidentBytes());
    memory.put("rss", ProcessMemory.residentBytes(ProcessHandle.current().pid(), "VmRSS:"));
    long live = ProcessMemory.heapAfterGc();
    memory.put("liveHeap", live);
    memory.put("maxHeap", Runtime.getRuntime().maxMemory());
    memory.put("committedKibByArea", NativeMemory.committedKib());
    memory.put("loadedClasses", java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
    memory.put("cpuNanos", ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
    KaizenOperator closing = operator;
    operator = null; // what the closed operator held is garbage, not left over
    closing.close();
    memory.put("heapLeftOnceClosed", ProcessMemory.heapAfterGc() - heapBeforeFakes);
    return memory;
  }

  private void report(AwsCall call) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("at", call.at().toString());
    fields.put("account", call.account());
    fields.put("region", call.region());
    fields.put("service", call.service());
    fields.put("operation", call.operation());
    fields.put("errorCode", call.errorCode());
    send(OperatorProcess.CALL, fields);
  }

  private void send(String type, Map<String, Object> body) {
    Map<String, Object> message = new LinkedHashMap<>(body);
    message.put("type", type);
    try {
      String line = json.writeValueAsString(message);
      synchronized (out) {
        out.println(line);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private KubernetesClient client() throws java.io.IOException {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
  }
}
