package dev.kaizen.operator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The operator's logging, set up in code: to standard error (or the file the {@code kaizen.log.file} property names:
 * the lab's operator logs beside its own display), INFO (or {@code KAIZEN_LOG_LEVEL}), its libraries at WARN. Not a
 * logback.xml: reading one loads logback's XML configuration machinery and the JDK's XML parser, ~600 classes
 * (measured) that stay in class metadata for the life of the process. A logback file given by
 * {@code -Dlogback.configurationFile} or on the classpath ({@code logback-test.xml} in tests, {@code logback.xml})
 * still wins: this configurator then steps aside for logback's own.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /** The file to log to instead of standard error. */
  public static final String FILE_PROPERTY = "kaizen.log.file";
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

  private final ClassLoader loader;

  /** As logback's service loader makes it: looks for logback files where the operator's classes are. */
  public LogConfigurator() {
    this(LogConfigurator.class.getClassLoader());
  }

  LogConfigurator(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = appender();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    String level = System.getProperty("KAIZEN_LOG_LEVEL", System.getenv("KAIZEN_LOG_LEVEL"));
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(appender);
    for (String library : new String[] {"io.javaoperatorsdk", "io.fabric8", "software.amazon.awssdk"}) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static OutputStreamAppender<ILoggingEvent> appender() {
    String file = System.getProperty(FILE_PROPERTY);
    if (file != null) {
      FileAppender<ILoggingEvent> toFile = new FileAppender<>();
      toFile.setName("FILE");
      toFile.setFile(file);
      return toFile;
    }
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    return stderr;
  }
}
