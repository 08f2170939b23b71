package dev.kaizen.operator.logs.fluentbit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A parsed classic-format Fluent Bit configuration: its sections, commands and problems. */
public record FluentBitConfig(
    List<Section> sections, List<Command> commands, List<Problem> problems) {

  public FluentBitConfig {
    sections = List.copyOf(sections);
    commands = List.copyOf(commands);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** A problem found, with its 1-based line number (0 when it concerns the whole text). */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /** {@code @INCLUDE path} or {@code @SET KEY=VALUE}. */
  public record Command(int line, String name, String argument) {}

  /** One key/value entry; the key as written (Fluent Bit compares keys case-insensitively). */
  public record Entry(int line, String key, String value) {}

  /** A {@code [NAME]} section and its entries in order. */
  public record Section(int line, String name, List<Entry> entries) {
    public Section {
      entries = List.copyOf(entries);
    }

    /** Values of every entry with that key (case-insensitive), in order. */
    public List<String> values(String key) {
      return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
    }

    public Optional<String> value(String key) {
      return values(key).stream().findFirst();
    }

    /** The plugin name ({@code Name} key), lower-case, or empty. */
    public String plugin() {
      return value("Name").map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
    }
  }
}
