package dev.kaizen.operator.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One account-and-region SES listing the MailRoutes at rest read instead of a Get call each: ListEmailIdentities
 * (each identity's VerificationStatus and SendingEnabled) or ListConfigurationSets (names only), up to 1,000 a page.
 * Read by the first reconcile that finds the snapshot older than {@code freshFor} (a quarter of the resync, as the
 * shared listings), through that reconcile's gateway so the calls queue with its own; then shared. SES allows one
 * List call a second, as one Get: at the default resync that is four pages an hour per 1,000 objects, whatever the
 * number of routes, where each route used to spend six Get calls an hour.
 *
 * <p>A read refused part-way (our limiter or AWS) keeps the pages it has and the token of the next one: the next
 * reader goes on from there. The snapshot is dated from its first page, so nothing in it is older than it says.
 *
 * @param <V> what the listing says of each object, by lowercased name
 */
final class RestingListing<V> {
  /** One page: what it lists by name, and the token of the next page while more remain. */
  record Page<V>(Map<String, V> entries, Optional<String> nextToken) {}

  /** One complete listing. */
  record Snapshot<V>(Instant at, Map<String, V> entries) {

    Optional<V> find(String name) {
      return Optional.ofNullable(entries.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final Clock clock;
  private final Duration freshFor;
  private Snapshot<V> snapshot;
  /** A listing under way: the pages read so far and where to go on; dropped when older than {@code freshFor}. */
  private Refresh<V> refresh;

  RestingListing(Clock clock, Duration freshFor) {
    this.clock = clock;
    this.freshFor = freshFor;
  }

  /** The snapshot, listed again through {@code listPage} (the caller's gateway) when older than {@code freshFor}. */
  synchronized Snapshot<V> read(Function<Optional<String>, Page<V>> listPage) {
    Instant now = clock.instant();
    if (snapshot != null && !snapshot.at().plus(freshFor).isBefore(now)) {
      return snapshot;
    }
    if (refresh == null || refresh.startedAt.plus(freshFor).isBefore(now)) {
      refresh = new Refresh<>(now);
    }
    do {
      // a refusal here leaves refresh as it stands: the pages so far and the token of the one refused
      Page<V> page = listPage.apply(refresh.nextToken);
      page.entries().forEach((name, value) -> refresh.entries.put(name.toLowerCase(Locale.ROOT), value));
      refresh.nextToken = page.nextToken();
    } while (refresh.nextToken.isPresent());
    snapshot = new Snapshot<>(refresh.startedAt, Map.copyOf(refresh.entries));
    refresh = null;
    return snapshot;
  }

  private static final class Refresh<V> {
    final Instant startedAt;
    final Map<String, V> entries = new HashMap<>();
    Optional<String> nextToken = Optional.empty();

    Refresh(Instant startedAt) {
      this.startedAt = startedAt;
    }
  }
}
