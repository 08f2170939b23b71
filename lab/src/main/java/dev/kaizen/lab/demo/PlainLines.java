package dev.kaizen.lab.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The display when output is not a terminal (CI logs, a pipe): one line per moment, with seconds since the start. */
final class PlainLines implements Demo.Output {
  private final PrintStream out;
  private volatile Duration elapsed = Duration.ZERO;

  PlainLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void activity(String line) {
    out.printf(java.util.Locale.ROOT, "%6.1fs  %s%n", elapsed.toMillis() / 1000.0, line);
  }

  @Override
  public void snapshot(List<ResourceState> states, Map<String, Long> callsByService, Duration elapsed) {
    this.elapsed = elapsed;
  }

  void println(String line) {
    out.println(line);
  }
}
