package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.metrics.KaizenMetrics;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.BehaviorOnMxFailure;
import software.amazon.awssdk.services.sesv2.model.TlsPolicy;

/**
 * MailRoutes at rest: a light recheck of a verified identity reads the account's shared ListEmailIdentities snapshot
 * (one page for every route, at most once per freshness window: a quarter of the resync) instead of a GetEmailIdentity
 * per route. An identity gone, failed or not sending is read at once; the settings only the Get reads show (the MAIL
 * FROM domain, DKIM signing, a set's options) are read, and their drift corrected, within six resyncs and at the full
 * observe.
 */
class MailRouteAtRestOperatorTest {
  private static final String NS = "shop";
  private static final List<String> DOMAINS = List.of("a.example.com", "b.example.com", "c.example.com");

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSesV2 ses = harness.ses();
  private final FakeRoute53 route53 = harness.route53();

  @AfterEach
  void stop() {
    harness.close();
  }

  /**
   * Creates one route per domain (each in its own zone, with its configuration set {@code set-<i>}) and waits until
   * SES verified all and each is Ready.
   */
  private void convergeVerified(List<String> domains) {
    harness.dns().txt("_spf.google.com", "v=spf1 ip4:198.51.100.0/24 ~all");
    for (int i = 0; i < domains.size(); i++) {
      String zone = route53.createZone(domains.get(i), false);
      MailRoute route = MailRoutes.full(NS, "mail-" + i, domains.get(i), zone);
      ConfigurationSetSpec set = new ConfigurationSetSpec();
      set.setName("set-" + i);
      set.setTlsPolicy(ConfigurationSetSpec.TlsPolicy.REQUIRE);
      route.getSpec().setConfigurationSet(set);
      harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
    }
    for (int i = 0; i < domains.size(); i++) {
      awaitCondition(harness, NS, "mail-" + i, Conditions.RECONCILING, "True", "DkimPending");
      ses.verifyDkim(domains.get(i));
      ses.verifyMailFrom(domains.get(i));
    }
    for (int i = 0; i < domains.size(); i++) {
      awaitCondition(harness, NS, "mail-" + i, Conditions.READY, "True", "InSync");
    }
  }

  /** Someone changes, by hand, what only the Get reads show: the MAIL FROM domain and set-0's TLS and sending. */
  private void changeSettingsByHand(String domain) {
    FakeAwsService.asSomeoneElse(() -> ses.putEmailIdentityMailFromAttributes(r -> r.emailIdentity(domain)
        .mailFromDomain("other." + domain).behaviorOnMxFailure(BehaviorOnMxFailure.REJECT_MESSAGE)));
    ses.editConfigurationSetDirectly("set-0", TlsPolicy.OPTIONAL, false);
  }

  /** Whether the operator put back what {@link #changeSettingsByHand} changed. */
  private boolean settingsPutBack(String domain) {
    return ses.peek(domain).map(found -> ("bounce." + domain).equals(found.mailFromAttributes().mailFromDomain()))
        .orElse(false)
        && ses.peekConfigurationSet("set-0").map(set -> set.deliveryOptions().tlsPolicy() == TlsPolicy.REQUIRE
            && set.sendingOptions().sendingEnabled()).orElse(false);
  }

  /** Reads SES answered since then (a call AWS throttled read nothing: right after a restart the first may be). */
  private long callsSince(String operation, Instant since) {
    return ses.calls(operation).stream().filter(call -> !call.at().isBefore(since) && call.succeeded()).count();
  }

  /** MailRoute reconciles that found AWS as the spec wants it: the rechecks at rest. */
  private long inSyncRechecks() {
    return Search.in(harness.operator().metrics().registry()).name(KaizenMetrics.RECONCILE_DURATION)
        .tag("kind", MailRoute.KIND).tag("outcome", KaizenMetrics.Outcome.IN_SYNC.tag()).timers().stream()
        .mapToLong(Timer::count).sum();
  }

  /**
   * A kaizen.dev annotation change asks every route for a (light) recheck now; waits until each was rechecked (two
   * touches of one route before its reconcile would make one recheck, so rounds are awaited one by one).
   */
  private void touchAll(int round) {
    long before = inSyncRechecks();
    for (int i = 0; i < DOMAINS.size(); i++) {
      OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail-" + i),
          route -> {
            route.getMetadata().setAnnotations(new HashMap<>(java.util.Map.of("kaizen.dev/touch", "" + round)));
            return route;
          });
    }
    await().atMost(OperatorHarness.WAIT).until(() -> inSyncRechecks() - before >= DOMAINS.size());
  }

  /**
   * Two rounds of rechecks of three verified routes within one freshness window (40 s resync: 10 s) spend no
   * GetEmailIdentity and one ListEmailIdentities page between them (two if the rounds straddle a window); after a
   * restart each route reads its identity once (nothing is kept across a restart), then shares the listing again.
   */
  @Test
  void verifiedRoutesAtRestShareOneListingPageInsteadOfAGetEmailIdentityEach() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(40)));
    convergeVerified(DOMAINS);

    Instant rest = Instant.now();
    touchAll(1);
    touchAll(2);
    long windows = Duration.between(rest, Instant.now()).toSeconds() / 10;
    // at most one page per freshness window for the six rechecks (none when a recheck between Ready and now read
    // one already), and it is read at all
    assertThat(callsSince("ListEmailIdentities", rest)).isLessThanOrEqualTo(1 + windows);
    assertThat(callsSince("ListEmailIdentities", Instant.EPOCH)).isPositive();
    assertThat(callsSince("GetEmailIdentity", rest)).as("GetEmailIdentity at rest").isZero();
    // (the sets' listing may still be the one their rechecks read while DKIM was pending: fresh for 10 s)
    assertThat(callsSince("ListConfigurationSets", rest)).isLessThanOrEqualTo(1 + windows);
    assertThat(callsSince("GetConfigurationSet", rest)).as("GetConfigurationSet at rest").isZero();

    Instant restart = Instant.now();
    long beforeRestart = inSyncRechecks();
    harness.restart();
    // each route's first reconcile after the restart (nothing kept: it reads its identity), then two rounds
    await().atMost(OperatorHarness.WAIT).until(() -> inSyncRechecks() - beforeRestart >= DOMAINS.size());
    touchAll(3);
    touchAll(4);
    windows = Duration.between(restart, Instant.now()).toSeconds() / 10;
    assertThat(callsSince("GetEmailIdentity", restart)).as("one GetEmailIdentity per route after the restart")
        .isEqualTo(DOMAINS.size());
    assertThat(callsSince("ListEmailIdentities", restart)).isBetween(1L, 1 + windows);
    assertThat(callsSince("GetConfigurationSet", restart)).as("one GetConfigurationSet per route after the restart")
        .isEqualTo(DOMAINS.size());
    assertThat(callsSince("ListConfigurationSets", restart)).isLessThanOrEqualTo(1 + windows);
    DOMAINS.forEach(domain -> assertThat(ses.peek(domain)).isPresent());
  }

  /**
   * Drift by hand on a verified route at rest, in one run (one convergence: SES paces it). An identity deleted by
   * hand leaves the shared listing: the next recheck reads it (absent) and creates it again, and SES verifying it
   * once more brings the route back to Ready; likewise a configuration set deleted by hand. MAIL FROM changed by hand
   * does not show in ListEmailIdentities, nor a set's settings in ListConfigurationSets: they are put back at the
   * route's full observe (here every 6 s, spread by up to half of it), before and after a restart. Last, SES giving
   * up on DKIM shows as FAILED in the listing: the route reads its identity and says so.
   */
  @Test
  void driftByHandIsSeenAtTheNextRecheckOrPutBackAtTheFullObserveAlsoAfterARestart() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)).withFullObserve(Duration.ofSeconds(6)));
    convergeVerified(DOMAINS.subList(0, 1));
    String domain = DOMAINS.get(0);
    List<String> tokensBefore = ses.tokens(domain);

    FakeAwsService.asSomeoneElse(() -> ses.deleteEmailIdentity(r -> r.emailIdentity(domain)));
    Instant deleted = Instant.now();
    await().atMost(OperatorHarness.WAIT).until(() -> callsSince("CreateEmailIdentity", deleted) == 1);
    awaitCondition(harness, NS, "mail-0", Conditions.RECONCILING, "True", "DkimPending");
    assertThat(ses.tokens(domain)).isNotEqualTo(tokensBefore);
    ses.verifyDkim(domain);
    ses.verifyMailFrom(domain);
    awaitCondition(harness, NS, "mail-0", Conditions.READY, "True", "InSync");

    Instant setDeleted = Instant.now();
    FakeAwsService.asSomeoneElse(() -> ses.deleteConfigurationSet(r -> r.configurationSetName("set-0")));
    await().atMost(OperatorHarness.WAIT).until(() -> callsSince("CreateConfigurationSet", setDeleted) == 1
        && ses.peekConfigurationSet("set-0").isPresent());
    awaitCondition(harness, NS, "mail-0", Conditions.READY, "True", "InSync");

    for (int round = 0; round < 2; round++) {
      Instant drift = Instant.now();
      changeSettingsByHand(domain);
      await().atMost(Duration.ofSeconds(45)).until(() -> settingsPutBack(domain));
      assertThat(callsSince("PutEmailIdentityMailFromAttributes", drift)).isGreaterThanOrEqualTo(1);
      ses.verifyMailFrom(domain);
      awaitCondition(harness, NS, "mail-0", Conditions.READY, "True", "InSync");
      if (round == 0) {
        harness.restart();
      }
    }

    ses.failDkim(domain);
    awaitCondition(harness, NS, "mail-0", Conditions.READY, "False", null);
    assertThat(MailRoutes.get(harness, NS, "mail-0").getStatus().getConditions())
        .anySatisfy(c -> {
          assertThat(c.getType()).isEqualTo(MailRouteKind.DKIM_VERIFIED);
          assertThat(c.getStatus()).isEqualTo("False");
        });
  }

  /**
   * What the listings cannot show is still read again within six resyncs without waiting for the full observe (an
   * hour at the default; here 4 s resync: 24 s, the full observe an hour away): a configuration set's sending
   * disabled and its TLS policy loosened by hand are put back, and so is a MAIL FROM domain changed by hand.
   */
  @Test
  void settingsTheListingsCannotShowAreReadAgainWithinSixResyncsWithoutAFullObserve() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)).withFullObserve(Duration.ofHours(1)));
    convergeVerified(DOMAINS.subList(0, 1));
    String domain = DOMAINS.get(0);

    Instant drift = Instant.now();
    changeSettingsByHand(domain);
    // Put back by a light recheck's re-read (at least 24 s after the last reads), long before the full observe.
    await().atMost(Duration.ofSeconds(90)).until(() -> settingsPutBack(domain));
    assertThat(callsSince("GetConfigurationSet", drift)).isPositive();
  }
}
