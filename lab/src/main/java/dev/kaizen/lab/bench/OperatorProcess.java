package dev.kaizen.lab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.lab.embedded.AwsCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The operator and the embedded AWS in a JVM of their own ({@link OperatorHost}), started with the heap ceiling and
 * the collector the deployment's container gives it, so its memory is the operator's, not the benchmark's. Commands
 * go over the child's standard input, one JSON object a line; replies and AWS calls come back on its output.
 */
final class OperatorProcess implements AutoCloseable {
  static final String REPLY = "reply";
  static final String CALL = "call";
  /**
   * As deploy/base/deployment.yaml runs it: a 512 MiB memory limit and the image's flags (operator/pom.xml's entry
   * point: MaxRAMPercentage=70, a heap of up to ~358 MiB; C1 only, at ten times its default compile thresholds; the
   * heap given back above 20 % free; a 48 MiB code cache; 512 KiB stacks; a 10 MiB young generation; reflection
   * without generated accessor classes; and its environment's two malloc arenas); under that limit the JVM picks the
   * serial collector (it is not a "server class" machine), so the flag says it outright here, where the machine's
   * RAM would pick G1.
   */
  static final List<String> DEPLOYMENT_JVM_FLAGS = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=70",
      "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:Tier3InvocationThreshold=2000",
      "-XX:Tier3MinInvocationThreshold=1000", "-XX:Tier3CompileThreshold=20000", "-XX:Tier3BackEdgeThreshold=600000",
      "-XX:MaxHeapFreeRatio=20", "-XX:MinHeapFreeRatio=10", "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-Xmn10m",
      "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-Dsun.reflect.inflationThreshold=2147483647");
  /** The image's environment that shapes memory: glibc's malloc arenas (operator/pom.xml). */
  static final Map<String, String> DEPLOYMENT_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
  /** Not in the deployment: where the resident memory goes, by area (a few hundred KiB of its own). */
  static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";
  private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(5);

  private final ObjectMapper json = new ObjectMapper();
  private final Process process;
  private final Writer commands;
  private final BlockingQueue<Map<?, ?>> replies = new LinkedBlockingQueue<>();
  private final Path log;

  private OperatorProcess(Process process, Path log, Consumer<AwsCall> onCall) {
    this.process = process;
    this.log = log;
    this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> read(onCall), "operator-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the host; every AWS call it answers is handed to {@code onCall} (on a reader thread). */
  static OperatorProcess start(Path workDir, Path kubeconfig, BenchRun.Options options, Consumer<AwsCall> onCall)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = workDir.resolve("operator.log");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(flags(options));
    command.addAll(List.of("-D" + dev.kaizen.operator.cli.LogConfigurator.FILE_PROPERTY + "=" + log,
        "-cp", System.getProperty("java.class.path"), OperatorHost.class.getName(), kubeconfig.toString(),
        options.latency().toString(), options.resync().toString(), options.fullObserve().toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(workDir.resolve("operator-process.err").toFile());
    builder.environment().putAll(DEPLOYMENT_ENVIRONMENT);
    Process process = builder.start();
    return new OperatorProcess(process, log, onCall);
  }

  /** The deployment's flags, tracking, then the run's own (a later flag wins). */
  static List<String> flags(BenchRun.Options options) {
    List<String> flags = new ArrayList<>(DEPLOYMENT_JVM_FLAGS);
    flags.add(NATIVE_MEMORY_TRACKING);
    flags.addAll(options.operatorJvmOptions());
    return flags;
  }

  private void read(Consumer<AwsCall> onCall) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.startsWith("{")) {
          continue; // the JVM's own words on standard output (a flight recording starting, say)
        }
        Map<?, ?> message = json.readValue(line, Map.class);
        if (CALL.equals(message.get("type"))) {
          onCall.accept(new AwsCall(Instant.parse(String.valueOf(message.get("at"))),
              String.valueOf(message.get("account")), String.valueOf(message.get("region")),
              String.valueOf(message.get("service")), String.valueOf(message.get("operation")),
              String.valueOf(message.get("errorCode"))));
        } else {
          replies.add(message);
        }
      }
    } catch (IOException e) {
      // the child is gone: a command waiting for its reply says so
    }
  }

  /** Sends one command and waits for its reply. */
  Map<?, ?> command(Map<String, Object> command) throws IOException, InterruptedException {
    synchronized (commands) {
      commands.write(json.writeValueAsString(command) + "\n");
      commands.flush();
    }
    long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Map<?, ?> reply = replies.poll(1, TimeUnit.SECONDS);
      if (reply != null) {
        return reply;
      }
      if (!process.isAlive()) {
        throw new IOException("the operator process exited with " + process.exitValue() + " during "
            + command.get("op") + ": see " + log + " and " + log.resolveSibling("operator-process.err"));
      }
    }
    throw new IOException("the operator process did not answer " + command.get("op") + " within " + REPLY_TIMEOUT);
  }

  /** Its resident memory now, as Linux counts it (0 where /proc is not there). */
  long residentBytes() {
    return ProcessMemory.residentBytes(process.pid(), "VmRSS:");
  }

  @Override
  public void close() throws InterruptedException {
    try {
      commands.close(); // end of input: the host exits
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
