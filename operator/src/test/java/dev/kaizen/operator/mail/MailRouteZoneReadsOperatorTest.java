package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ResourceRecord;

/**
 * A MailRoute in a zone where others keep thousands of records reads only its own names: no read from the zone's
 * start, a page or two per name cluster, and drift on every record it manages is still seen and corrected.
 */
class MailRouteZoneReadsOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final int OTHERS = 3000;

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeRoute53 route53 = harness.route53();
  private final FakeSesV2 ses = harness.ses();
  private String zone;

  @BeforeEach
  void zone() {
    zone = route53.createZone(DOMAIN, false);
    for (int i = 0; i < OTHERS / 3; i++) {
      route53.seed(zone, "1host" + i + "." + DOMAIN, "A", 300, "192.0.2.1");
      route53.seed(zone, "svc" + i + "." + DOMAIN, "A", 300, "192.0.2.2");
      route53.seed(zone, "a-svc" + i + "." + DOMAIN, "TXT", 300, "\"heritage=external-dns,external-dns/owner=x\"");
    }
    route53.seed(zone, DOMAIN, "TXT", 300, "\"google-site-verification=abc123\"");
    harness.dns().txt("_spf.google.com", "v=spf1 ip4:198.51.100.0/24 ~all");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private List<String> values(String name, String type) {
    return route53.record(zone, name, type).map(r -> r.resourceRecords().stream().map(ResourceRecord::value).toList())
        .orElse(List.of());
  }

  private List<ListResourceRecordSetsRequest> listingsSince(Instant since) {
    return route53.calls("ListResourceRecordSets").stream().filter(call -> !call.at().isBefore(since))
        .map(call -> call.request(ListResourceRecordSetsRequest.class)).toList();
  }

  @Test
  void readsOnlyItsOwnNamesAndStillCorrectsDriftOnEachRecord() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(MailRoutes.full(NS, "mail", DOMAIN, zone))
        .create();
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    ses.verifyDkim(DOMAIN);
    ses.verifyMailFrom(DOMAIN);
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    List<String> tokens = ses.tokens(DOMAIN);
    Set<String> ours = new HashSet<>();
    for (String name : List.of(DOMAIN, "_dmarc." + DOMAIN, "bounce." + DOMAIN, tokens.get(0) + "._domainkey." + DOMAIN,
        tokens.get(1) + "._domainkey." + DOMAIN, tokens.get(2) + "._domainkey." + DOMAIN)) {
      ours.add(name + ".");
      ours.add("_kaizen-owner." + name + ".");
    }

    // At rest, over several listing passes (a quarter of the 4 s resync each) and rechecks: never the whole zone.
    Instant rest = Instant.now();
    await().pollDelay(Duration.ofSeconds(6)).atMost(OperatorHarness.WAIT).until(() -> true);
    List<ListResourceRecordSetsRequest> atRest = listingsSince(rest);
    int zonePages = route53.records(zone).size() / FakeRoute53.MAX_PAGE + 1;
    assertThat(zonePages).isGreaterThan(10);
    assertThat(atRest).isNotEmpty(); // the positive control: the listing does run
    assertThat(atRest).allSatisfy(request -> assertThat(ours).contains(request.startRecordName()));
    // A pass is three pages (the apex; the underscore names; the MAIL FROM domain), at most one pass a second.
    assertThat(atRest.size()).isLessThanOrEqualTo(3 * 8);

    // Drift on every record it manages, by hand, at once: each is seen from those pages and put back.
    String dkim = tokens.get(1) + "._domainkey." + DOMAIN;
    route53.seed(zone, DOMAIN, "TXT", 300, "\"google-site-verification=abc123\"");
    route53.removeDirectly(zone, "_dmarc." + DOMAIN, "TXT");
    route53.removeDirectly(zone, "bounce." + DOMAIN, "MX");
    route53.removeDirectly(zone, dkim, "CNAME");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(values(DOMAIN, "TXT")).containsExactly("\"google-site-verification=abc123\"",
          "\"v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all\"");
      assertThat(values("_dmarc." + DOMAIN, "TXT")).hasSize(1);
      assertThat(values("bounce." + DOMAIN, "MX")).containsExactly("10 feedback-smtp.eu-west-1.amazonses.com");
      assertThat(values(dkim, "CNAME")).containsExactly(tokens.get(1) + ".dkim.amazonses.com");
    });
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");

    // After a restart, the same: only our names are read.
    harness.restart();
    Instant restarted = Instant.now();
    await().pollDelay(Duration.ofSeconds(5)).atMost(OperatorHarness.WAIT).until(() -> true);
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    assertThat(listingsSince(restarted)).isNotEmpty()
        .allSatisfy(request -> assertThat(ours).contains(request.startRecordName()));
  }
}
