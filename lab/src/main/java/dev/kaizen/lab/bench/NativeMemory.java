package dev.kaizen.lab.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Where this JVM's memory goes, by area (heap, classes, threads, code, GC...), as its Native Memory Tracking counts
 * the committed memory: what a resident set is made of. Needs {@code -XX:NativeMemoryTracking=summary}; empty
 * without it.
 */
final class NativeMemory {
  private static final Pattern AREA = Pattern.compile(
      "^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);

  private NativeMemory() {}

  /** Committed KiB per area, as `jcmd PID VM.native_memory summary` prints it, largest first. */
  static Map<String, Long> committedKib() {
    try {
      Object summary = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
          new Object[] {new String[] {"summary", "scale=KB"}}, new String[] {String[].class.getName()});
      return parse(String.valueOf(summary));
    } catch (Exception e) {
      return Map.of();
    }
  }

  static Map<String, Long> parse(String summary) {
    Map<String, Long> areas = new LinkedHashMap<>();
    Matcher area = AREA.matcher(summary);
    while (area.find()) {
      areas.put(area.group(1).trim(), Long.parseLong(area.group(2)));
    }
    Map<String, Long> largestFirst = new LinkedHashMap<>();
    areas.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
    return largestFirst;
  }
}
