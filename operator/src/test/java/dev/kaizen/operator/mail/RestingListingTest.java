package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kaizen.operator.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared SES listing of MailRoutes at rest: shared while fresh, resumed where a refused read stopped. */
class RestingListingTest {
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final RestingListing<String> listing = new RestingListing<>(clock, Duration.ofSeconds(150));
  /** The tokens each page was asked with (empty: the first page). */
  private final List<Optional<String>> asked = new ArrayList<>();

  /** Three pages: a, b, c; {@code refuseAt} the token of a page refused once (as our limiter or AWS would). */
  private RestingListing.Page<String> page(Optional<String> token, String refuseAt, boolean[] refused) {
    asked.add(token);
    if (token.filter(refuseAt::equals).isPresent() && !refused[0]) {
      refused[0] = true;
      throw new IllegalStateException("throttled");
    }
    return switch (token.orElse("")) {
      case "" -> new RestingListing.Page<>(Map.of("A.example.com", "SUCCESS"), Optional.of("t2"));
      case "t2" -> new RestingListing.Page<>(Map.of("b.example.com", "PENDING"), Optional.of("t3"));
      default -> new RestingListing.Page<>(Map.of("c.example.com", "FAILED"), Optional.empty());
    };
  }

  @Test
  void oneListingIsSharedWhileFreshThenReadAgain() {
    boolean[] refused = {true};
    RestingListing.Snapshot<String> first = listing.read(token -> page(token, "", refused));
    assertThat(asked).hasSize(3);
    assertThat(first.find("a.example.com")).contains("SUCCESS"); // names compared lowercased
    assertThat(first.find("c.example.com")).contains("FAILED");
    assertThat(first.find("d.example.com")).isEmpty();

    clock.advance(Duration.ofSeconds(150));
    assertThat(listing.read(token -> page(token, "", refused))).isSameAs(first);
    assertThat(asked).hasSize(3);

    clock.advance(Duration.ofMillis(1));
    RestingListing.Snapshot<String> second = listing.read(token -> page(token, "", refused));
    assertThat(asked).hasSize(6);
    assertThat(second.at()).isEqualTo(Instant.parse("2026-01-01T00:02:30.001Z"));
  }

  @Test
  void aReadRefusedPartWayGoesOnFromThePageRefusedAndIsDatedFromItsFirstPage() {
    boolean[] refused = {false};
    assertThat(catchThrowable(() -> listing.read(token -> page(token, "t3", refused))))
        .hasMessage("throttled");
    assertThat(asked).containsExactly(Optional.empty(), Optional.of("t2"), Optional.of("t3"));

    clock.advance(Duration.ofSeconds(10));
    RestingListing.Snapshot<String> snapshot = listing.read(token -> page(token, "t3", refused));
    // only the refused page again, not the two already read
    assertThat(asked).containsExactly(Optional.empty(), Optional.of("t2"), Optional.of("t3"), Optional.of("t3"));
    assertThat(snapshot.entries()).containsOnlyKeys("a.example.com", "b.example.com", "c.example.com");
    assertThat(snapshot.at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void pagesOfARefusedReadOlderThanTheFreshnessAreDropped() {
    boolean[] refused = {false};
    catchThrowable(() -> listing.read(token -> page(token, "t2", refused)));
    clock.advance(Duration.ofSeconds(151));
    RestingListing.Snapshot<String> snapshot = listing.read(token -> page(token, "t2", refused));
    assertThat(asked).containsExactly(Optional.empty(), Optional.of("t2"), Optional.empty(), Optional.of("t2"),
        Optional.of("t3"));
    assertThat(snapshot.at()).isEqualTo(Instant.parse("2026-01-01T00:02:31Z"));
  }
}
