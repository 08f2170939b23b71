package dev.kaizen.operator.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The resilience suite's published figures (resources, faults injected by kind, restarts, duplicates, orphans,
 * untouched foreign objects, bad inputs rejected, mutating calls on bad input). Tests record them here; when the
 * test run of this JVM ends, they are merged (by key: a rerun replaces its own figures) into
 * target/resilience-figures.txt, shared by the suite's JVMs, and the whole block is printed.
 *
 * <p>Register with {@code @ExtendWith(Figures.class)}: the block is written once, at the end of the JVM's run.
 */
public final class Figures implements BeforeAllCallback {
  private static final Path FILE = Path.of("target", "resilience-figures.txt");
  private static final Map<String, AtomicLong> FIGURES = new ConcurrentHashMap<>();

  /** Adds to a figure of this JVM's run. */
  static void add(String key, long amount) {
    FIGURES.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(amount);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // A value of the root store is closed when the whole run of this JVM ends: that is when to publish.
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Figures.class.getName(), k -> (AutoCloseable) Figures::publish);
  }

  private static synchronized void publish() {
    if (FIGURES.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(FILE.getParent());
      try (FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
        // The file holds the block last printed: one "key = value" line per figure.
        Map<String, String> merged = new TreeMap<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
          int at = line.lastIndexOf(" = ");
          if (at > 0) {
            merged.put(line.substring(0, at), line.substring(at + 3));
          }
        }
        FIGURES.forEach((key, value) -> merged.put(key, Long.toString(value.get())));
        StringBuilder block = new StringBuilder("==== resilience figures ====\n");
        merged.forEach((key, value) -> block.append(key).append(" = ").append(value).append('\n'));
        block.append("============================\n");
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(block.toString().getBytes(StandardCharsets.UTF_8)), 0);
        System.out.print(block);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
