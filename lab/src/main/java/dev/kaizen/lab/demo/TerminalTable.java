package dev.kaizen.lab.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;

/**
 * The display on a terminal: a compact table of the resources (state, reason) and the AWS calls by service, redrawn
 * in place with JLine's {@link Display}, over the latest moments (conditions, AWS calls, Events).
 */
final class TerminalTable implements Demo.Output, AutoCloseable {
  private static final int RECENT = 8;
  private final Terminal terminal;
  private final Display display;
  private final Deque<String> recent = new ArrayDeque<>();

  TerminalTable() throws IOException {
    terminal = TerminalBuilder.builder().system(true).build();
    display = new Display(terminal, false);
    display.resize(terminal.getHeight(), terminal.getWidth());
  }

  @Override
  public synchronized void activity(String line) {
    recent.addLast(line);
    while (recent.size() > RECENT) {
      recent.removeFirst();
    }
  }

  @Override
  public synchronized void snapshot(List<ResourceState> states, Map<String, Long> callsByService, Duration elapsed) {
    int width = Math.max(40, terminal.getWidth());
    List<AttributedString> lines = new ArrayList<>();
    lines.add(new AttributedStringBuilder().style(AttributedStyle.BOLD)
        .append(String.format(Locale.ROOT, "%-12s %-44s %s   (%.0f s)", "STATE", "RESOURCE", "REASON",
            elapsed.toMillis() / 1000.0)).toAttributedString());
    for (ResourceState s : states) {
      int colour = s.ready() ? AttributedStyle.GREEN : s.stalled() ? AttributedStyle.RED : AttributedStyle.YELLOW;
      lines.add(new AttributedStringBuilder().style(AttributedStyle.DEFAULT.foreground(colour))
          .append(String.format(Locale.ROOT, "%-12s", s.state())).style(AttributedStyle.DEFAULT)
          .append(String.format(Locale.ROOT, " %-44s %s", s.id(), s.reason())).toAttributedString()
          .columnSubSequence(0, width));
    }
    lines.add(new AttributedString(""));
    lines.add(new AttributedString(("AWS calls: " + callsByService.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none"))));
    lines.add(new AttributedString(""));
    recent.forEach(line -> lines.add(new AttributedString(line).columnSubSequence(0, width)));
    display.update(lines, -1);
  }

  /** Leaves the last table on screen and moves below it, so what is printed next follows it. */
  @Override
  public synchronized void close() throws IOException {
    terminal.writer().println();
    terminal.flush();
    terminal.close();
  }
}
