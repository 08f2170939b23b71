package dev.kaizen.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class's {@code main} run in a JVM of its own, where nothing else has loaded classes yet: what it printed, and
 * every class it loaded (for tests that what the operator does at start does not load what it never needs).
 *
 * @param output its standard output and error
 * @param classesLoaded its {@code -Xlog:class+load} log
 */
public record ChildJvm(String output, String classesLoaded) {
  /** The test JVM's own classpath. */
  public static String testClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Runs {@code main} on {@code classpath}, files in {@code dir}; fails the test unless it exits 0 within a minute. */
  public static ChildJvm run(Class<?> main, String classpath, Path dir) throws IOException, InterruptedException {
    Path classes = dir.resolve("classes.log");
    Path out = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:file=" + classes, "-cp", classpath,
        main.getName())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends within a minute").isTrue();
    String output = Files.readString(out);
    assertThat(child.exitValue()).as(output).isZero();
    return new ChildJvm(output, Files.readString(classes));
  }
}
