package dev.kaizen.operator.api.v1alpha1.logs;

/** CloudWatch's StandardUnit values. */
public enum MetricUnit {
  Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits,
  Gigabits, Terabits, Percent, Count, None
}
