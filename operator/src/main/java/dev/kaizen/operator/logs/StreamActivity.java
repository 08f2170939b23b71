package dev.kaizen.operator.logs;

import java.time.Instant;
import java.util.Optional;

/** A log stream and when CloudWatch Logs last ingested an event into it (empty: never). */
public record StreamActivity(String streamName, Optional<Instant> lastIngestion) {}
