package dev.kaizen.lab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and resident memory as the JVM and Linux report them (zero where /proc is not there). */
final class ProcessMemory {
  private ProcessMemory() {}

  /** Heap in use after a full collection: what is really retained. */
  static long heapAfterGc() {
    System.gc();
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Clears the heap pools' peaks, so {@link #peakHeap} covers only what follows. */
  static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since {@link #resetPeaks} (garbage not yet collected included). */
  static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  /** This process's peak resident set (VmHWM). */
  static long peakResidentBytes() {
    return residentBytes(ProcessHandle.current().pid(), "VmHWM:");
  }

  static long residentBytes(long pid, String field) {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    try {
      return Files.readAllLines(status).stream().filter(line -> line.startsWith(field))
          .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
          .mapToLong(kib -> Long.parseLong(kib) * 1024).findFirst().orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
