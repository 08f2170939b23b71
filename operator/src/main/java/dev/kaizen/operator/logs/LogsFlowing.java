package dev.kaizen.operator.logs;

import dev.kaizen.operator.core.reconcile.DetailCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code LogsFlowing} condition: whether the group received events recently, from the last ingestion time of
 * its most recently written stream, read on each full observe (one DescribeLogStreams per shipping pipeline, hours
 * apart; never on the light observes of a resync). Between full observes the last reading stands.
 *
 * <p>What it can tell: that something wrote to the group within {@link #RECENT} before the reading, or that nothing
 * did. What it cannot: that the events came from the selected pods (anyone allowed PutLogEvents may write), that
 * every selected pod ships (one busy pod makes it True), or whether quiet pods are simply quiet; a reading is as
 * old as the last full observe. AWS orders streams by an event time it updates within about an hour, so a stream
 * that started writing in the last hour may be missed for that long.
 */
final class LogsFlowing {
  static final String TYPE = "LogsFlowing";
  static final String EVENTS_ARRIVING = "EventsArriving";
  static final String NO_RECENT_EVENTS = "NoRecentEvents";
  static final String NOT_SHIPPING = "NotShipping";
  static final String NOT_READ_YET = "NotReadYet";
  /** Events older than this do not count as flowing. */
  static final Duration RECENT = Duration.ofHours(1);

  private LogsFlowing() {}

  /**
   * @param latestStream the reading of this reconcile, if it made one (inner empty: the group has no stream)
   * @param previous the condition as status holds it, kept until the next reading
   */
  static DetailCondition condition(boolean ships, Optional<Optional<StreamActivity>> latestStream,
      Optional<DetailCondition> previous, Instant now, String configMap, String group) {
    if (!ships) {
      return DetailCondition.unknown(TYPE, NOT_SHIPPING, "spec.pods is not set: the operator ships no logs to "
          + group + ".");
    }
    if (latestStream.isEmpty()) {
      return previous.filter(p -> !NOT_SHIPPING.equals(p.reason())).orElse(DetailCondition.unknown(TYPE,
          NOT_READ_YET, "The group's log streams are read on the next full observe."));
    }
    Optional<StreamActivity> stream = latestStream.get();
    Optional<Instant> last = stream.flatMap(StreamActivity::lastIngestion);
    if (last.isPresent() && !last.get().isBefore(now.minus(RECENT))) {
      return DetailCondition.of(TYPE, true, EVENTS_ARRIVING, "The group " + group + " received events at "
          + last.get() + " (stream " + stream.get().streamName() + ").");
    }
    String seen = last.map(at -> "its last events arrived at " + at + " (stream " + stream.get().streamName() + ")")
        .orElse("it has no events at all");
    return DetailCondition.of(TYPE, false, NO_RECENT_EVENTS, "The group " + group + " received no events in the"
        + " hour before " + now + ": " + seen + ". Check that the Fluent Bit DaemonSet was restarted (or reloaded)"
        + " since its file in " + configMap + " was written, that its configuration includes the operator's"
        + " files, that Fluent Bit's IAM role may logs:CreateLogStream and logs:PutLogEvents on " + group
        + ", and that the selected pods write logs at all.");
  }
}
