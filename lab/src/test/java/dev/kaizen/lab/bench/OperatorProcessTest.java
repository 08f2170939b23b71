package dev.kaizen.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OperatorProcessTest {
  /** The module's tests run in lab/; the deployment and the image's entry point are beside it. */
  private static final Path ROOT = Path.of("..");

  @Test
  void theOperatorProcessGetsTheHeapCeilingOfTheDeploymentsContainer() throws Exception {
    String deployment = Files.readString(ROOT.resolve("deploy/base/deployment.yaml"));
    Matcher limit = Pattern.compile("limits:\\s*\\n\\s*memory: (\\d+)Mi").matcher(deployment);
    assertThat(limit.find()).as("a memory limit in deploy/base/deployment.yaml").isTrue();
    String pom = Files.readString(ROOT.resolve("operator/pom.xml"));
    Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(pom);
    assertThat(percentage.find()).as("the image's MaxRAMPercentage in operator/pom.xml").isTrue();

    assertThat(OperatorProcess.DEPLOYMENT_JVM_FLAGS).contains("-XX:MaxRAM=" + limit.group(1) + "m",
        "-XX:MaxRAMPercentage=" + percentage.group(1));
  }

  @Test
  void theOperatorProcessRunsEveryJvmFlagOfTheImagesEntryPoint() throws Exception {
    String pom = Files.readString(ROOT.resolve("operator/pom.xml"));
    Matcher entrypoint = Pattern.compile("<entrypoint>([^<]+)</entrypoint>").matcher(pom);
    assertThat(entrypoint.find()).as("the image's entry point in operator/pom.xml").isTrue();
    java.util.List<String> flags = java.util.Arrays.stream(entrypoint.group(1).split(","))
        .filter(arg -> arg.startsWith("-XX:") || arg.startsWith("-Xss") || arg.startsWith("-Xm")
            || arg.startsWith("-Djava.util.concurrent.") || arg.startsWith("-Dsun.reflect.")).toList();
    assertThat(flags).contains("-XX:TieredStopAtLevel=1", "-XX:MaxHeapFreeRatio=20", "-Xmn10m",
        "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-Dsun.reflect.inflationThreshold=2147483647");
    assertThat(OperatorProcess.DEPLOYMENT_JVM_FLAGS).containsAll(flags);
  }

  @Test
  void theOperatorProcessGetsTheImagesMallocArenas() throws Exception {
    String pom = Files.readString(ROOT.resolve("operator/pom.xml"));
    Matcher arenas = Pattern.compile("<MALLOC_ARENA_MAX>(\\d+)</MALLOC_ARENA_MAX>").matcher(pom);
    assertThat(arenas.find()).as("MALLOC_ARENA_MAX in the image's environment (operator/pom.xml)").isTrue();

    assertThat(OperatorProcess.DEPLOYMENT_ENVIRONMENT).containsEntry("MALLOC_ARENA_MAX", arenas.group(1));
  }

  @Test
  void nativeMemoryAreasAreReadFromTheSummaryLargestFirst() {
    String summary = """
        Native Memory Tracking:

        Total: reserved=1684214KB, committed=277566KB
        -                 Java Heap (reserved=358400KB, committed=96768KB)
                                    (mmap: reserved=358400KB, committed=96768KB)

        -                     Class (reserved=1052342KB, committed=52406KB)
                                    (classes #9000)
        -                    Thread (reserved=60711KB, committed=4243KB)
        -                      Code (reserved=250000KB, committed=30000KB)
        """;

    assertThat(NativeMemory.parse(summary)).containsExactly(
        java.util.Map.entry("Java Heap", 96768L), java.util.Map.entry("Class", 52406L),
        java.util.Map.entry("Code", 30000L), java.util.Map.entry("Thread", 4243L));
  }
}
