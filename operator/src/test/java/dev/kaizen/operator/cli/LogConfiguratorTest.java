package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import dev.kaizen.operator.testing.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogConfiguratorTest {
  /** No logback file anywhere, as in the operator's jar. */
  private static final ClassLoader WITHOUT_LOGBACK_FILES = new ClassLoader(null) {};

  @Test
  void logsToStandardErrorAtInfoWithTheLibrariesAtWarn() {
    LoggerContext context = new LoggerContext();
    assertThat(new LogConfigurator(WITHOUT_LOGBACK_FILES).configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
        appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
    assertThat(context.getLogger("io.fabric8.kubernetes.client").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.kaizen.operator.mail").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void logsToTheFileItIsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("operator.log");
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as logback's provider sets it
    System.setProperty(LogConfigurator.FILE_PROPERTY, file.toString());
    try {
      new LogConfigurator(WITHOUT_LOGBACK_FILES).configure(context);
    } finally {
      System.clearProperty(LogConfigurator.FILE_PROPERTY);
    }
    context.getLogger("dev.kaizen.operator.mail").info("to the file");
    context.stop();

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    assertThat(Files.readString(file)).contains("INFO  [main] d.k.operator.mail - to the file");
  }

  @Test
  void aLogbackFileOnTheClasspathWins() {
    LoggerContext context = new LoggerContext();
    // The test classpath holds logback-test.xml.
    assertThat(new LogConfigurator(LogConfiguratorTest.class.getClassLoader()).configure(context))
        .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
  }

  @Test
  void logbackFindsItAndNeverLoadsItsXmlConfiguration(@TempDir Path dir) throws Exception {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
        .contains(LogConfigurator.class.getName());

    // A JVM with the operator's classpath and no test resources, as the operator runs, and the one class it runs.
    Path child = dir.resolve("child");
    String runs = LogSomething.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(child.resolve(runs).getParent());
    try (var in = LogConfiguratorTest.class.getClassLoader().getResourceAsStream(runs)) {
      Files.copy(in, child.resolve(runs));
    }
    String classpath = Arrays.stream(ChildJvm.testClasspath().split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator))
        + File.pathSeparator + child;
    ChildJvm run = ChildJvm.run(LogSomething.class, classpath, dir);

    assertThat(run.output())
        .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main] d\\.k\\.o\\.c\\.LogConfiguratorTest - hello")
        .doesNotContain("the client says");
    assertThat(run.classesLoaded()).contains("dev.kaizen.operator.cli.LogConfigurator")
        .doesNotContain("ch.qos.logback.classic.joran.JoranConfigurator", "com.sun.org.apache.xerces");
  }

  /** The child JVM: logs once as the operator, once as a library below WARN. */
  static final class LogSomething {
    public static void main(String[] args) {
      org.slf4j.LoggerFactory.getLogger("dev.kaizen.operator.cli.LogConfiguratorTest").info("hello");
      org.slf4j.LoggerFactory.getLogger("io.fabric8.kubernetes.client").info("the client says");
    }
  }
}
