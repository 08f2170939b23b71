package dev.kaizen.lab.bench;

import dev.kaizen.lab.embedded.EmbeddedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark's Kubernetes API server — the fabric8 mock server in CRUD mode with the project's CRDs — in a
 * process of its own, so the operator's memory is measured without it. It lives as long as its parent: it exits when
 * its standard input closes.
 */
final class ApiServerProcess implements AutoCloseable {
  private final Process process;
  private final Path kubeconfig;

  private ApiServerProcess(Process process, Path kubeconfig) {
    this.process = process;
    this.kubeconfig = kubeconfig;
  }

  /** Starts the server with this JVM's classpath and waits for its kubeconfig. */
  static ApiServerProcess start(Path workDir) throws IOException, InterruptedException {
    Path kubeconfig = workDir.resolve("kubeconfig");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ApiServerProcess.class.getName(), kubeconfig.toString()))
        .redirectOutput(workDir.resolve("api-server.log").toFile())
        .redirectErrorStream(true)
        .start();
    // Minutes, not seconds: a JVM starting on a busy 2-core machine is slow.
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!Files.exists(kubeconfig)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String what = process.isAlive() ? "was not ready within 3 minutes" : "exited with " + process.exitValue();
        process.destroyForcibly();
        throw new IOException("the API server process " + what + ": see " + workDir.resolve("api-server.log"));
      }
      Thread.sleep(100);
    }
    return new ApiServerProcess(process, kubeconfig);
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** The server process's resident memory now, in bytes (0 where /proc is not there). */
  long residentBytes() {
    return ProcessMemory.residentBytes(process.pid(), "VmRSS:");
  }

  @Override
  public void close() {
    process.destroy();
  }

  /** The child's entry point: serve, write the kubeconfig (atomically), wait for the parent to go. */
  public static void main(String[] args) throws Exception {
    // The mock server's threads are not daemons: without an exit a failed start would hang here.
    try {
      serve(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void serve(String[] args) throws Exception {
    try (EmbeddedCluster cluster = new EmbeddedCluster()) {
      Path target = Path.of(args[0]);
      Path partial = target.resolveSibling(target.getFileName() + ".partial");
      cluster.writeKubeconfig(partial);
      Files.move(partial, target);
      while (System.in.read() >= 0) {
        // the parent never writes; end of input means it is gone
      }
    }
  }
}
