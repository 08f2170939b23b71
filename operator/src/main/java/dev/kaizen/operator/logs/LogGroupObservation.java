package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsTarget;
import java.util.Map;
import java.util.Optional;

/**
 * What one observe of a LogPipeline found.
 *
 * @param desired the group the spec asks for
 * @param group the group in AWS, if it exists
 * @param tags its tags when read (full observe only)
 */
public record LogGroupObservation(AwsTarget target, DesiredLogGroup desired, Optional<ObservedLogGroup> group,
    Optional<Map<String, String>> tags) {

  /** What an empty account shows: used by {@code kaizen plan} when no credentials are available. */
  public static LogGroupObservation emptyAccount(AwsTarget target, DesiredLogGroup desired) {
    return new LogGroupObservation(target, desired, Optional.empty(), Optional.of(Map.of()));
  }
}
