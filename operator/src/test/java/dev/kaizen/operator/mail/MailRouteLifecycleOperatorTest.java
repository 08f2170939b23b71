package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.mail.DmarcSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.SpfSpec;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.model.ResourceRecord;

/** What happens to a MailRoute over time: restarts mid-change, drift, SES giving up, spec changes, deletion. */
class MailRouteLifecycleOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final Region KEPT_REGION = Region.US_EAST_1;
  private static final String SITE_VERIFICATION = "\"google-site-verification=abc123\"";

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeRoute53 route53 = harness.route53();
  private final FakeSesV2 ses = harness.ses();
  private String zone;

  @BeforeEach
  void zone() {
    zone = route53.createZone(DOMAIN, false);
    route53.seed(zone, DOMAIN, "TXT", 300, SITE_VERIFICATION);
    harness.dns().txt("_spf.google.com", "v=spf1 ip4:198.51.100.0/24 ~all");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private MailRoute create(MailRoute route) {
    return harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
  }

  private long changeBatches() {
    return route53.calls("ChangeResourceRecordSets").stream().filter(c -> c.succeeded()).count();
  }

  private List<String> values(String name, String type) {
    return route53.record(zone, name, type).map(r -> r.resourceRecords().stream().map(ResourceRecord::value).toList())
        .orElse(List.of());
  }

  @Test
  void aRestartWhileTheRoute53ChangeIsPendingWaitsForItInsteadOfResubmitting() {
    route53.holdPending(true);
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    create(MailRoutes.full(NS, "mail", DOMAIN, zone));
    MailRoute waiting = awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DnsChangePending");
    assertThat(waiting.getStatus().getPending()).hasSize(1);
    assertThat(waiting.getStatus().getPending().get(0).getHandle()).startsWith("route53:/change/C");

    harness.restart();
    // Positive control: the restarted operator is running and polling the change it found in status.
    int polls = route53.callCount("GetChange");
    await().atMost(OperatorHarness.WAIT).until(() -> route53.callCount("GetChange") > polls + 2);
    assertThat(changeBatches()).isEqualTo(1);

    route53.releasePending();
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    assertThat(get(harness, NS, "mail").getStatus().getPending()).isEmpty();
    assertThat(changeBatches()).isEqualTo(1);
  }

  @Test
  void aDkimRecordDeletedByHandIsPutBackAndADmarcChangeIsOneMinimalBatch() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(MailRoutes.full(NS, "mail", DOMAIN, zone));
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    ses.verifyDkim(DOMAIN);
    ses.verifyMailFrom(DOMAIN);
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    String dkim = ses.tokens(DOMAIN).get(0) + "._domainkey." + DOMAIN;

    route53.removeDirectly(zone, dkim, "CNAME");
    await().atMost(OperatorHarness.WAIT).until(() -> !values(dkim, "CNAME").isEmpty());
    var repair = route53.calls("ChangeResourceRecordSets").get(route53.callCount("ChangeResourceRecordSets") - 1)
        .request(software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest.class);
    assertThat(repair.changeBatch().changes()).hasSize(1);
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");

    // edit: read afresh and patch, as the operator writes status meanwhile (a stale PUT would conflict)
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().setDmarc(MailRoutes.dmarc(DmarcSpec.Policy.reject, "dmarc@" + DOMAIN));
      return route;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> values("_dmarc." + DOMAIN, "TXT")
        .equals(List.of("\"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"")));
    var dmarc = route53.calls("ChangeResourceRecordSets").get(route53.callCount("ChangeResourceRecordSets") - 1)
        .request(software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest.class);
    assertThat(dmarc.changeBatch().changes()).extracting(c -> c.actionAsString() + " " + c.resourceRecordSet().name())
        .containsExactly("DELETE _dmarc.example.com.", "CREATE _dmarc.example.com.");
    assertThat(values(DOMAIN, "TXT")).startsWith(SITE_VERIFICATION);
  }

  @Test
  void anApexSpfOverItsLookupBudgetStallsBeforeAnyAwsCall() {
    for (int i = 0; i < 11; i++) {
      harness.dns().txt("v" + i + ".example", "v=spf1 ip4:192.0.2." + i + " ~all");
    }
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    MailRoute route = MailRoutes.full(NS, "mail", DOMAIN, zone);
    route.getSpec().getSpf().setInclude(java.util.stream.IntStream.range(0, 11).mapToObj(i -> "v" + i + ".example")
        .toList());
    create(route);
    MailRoute stalled = awaitCondition(harness, NS, "mail", Conditions.STALLED, "True", MailRouteStalled.SPF_LOOKUP_LIMIT);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("11 DNS lookups", "include:v0.example (1 lookup)");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), MailRouteKind.SPF_WITHIN_LIMITS).orElseThrow()
        .getStatus()).isEqualTo("False");
    assertThat(ses.calls()).isEmpty();
    assertThat(route53.calls()).isEmpty();
  }

  @Test
  void manualDnsListsTheRecordsAPersonMustCreate() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    MailRoute route = MailRoutes.route(NS, "manual", DOMAIN, null);
    route.getSpec().setDmarc(MailRoutes.dmarc(DmarcSpec.Policy.none, "dmarc@" + DOMAIN));
    create(route);
    MailRoute waiting = awaitCondition(harness, NS, "manual", Conditions.RECONCILING, "True", "DkimPending");
    assertThat(Conditions.find(waiting.getStatus().getConditions(), Conditions.RECONCILING).orElseThrow().getMessage())
        .contains("status.dnsRecords");
    List<String> tokens = ses.tokens(DOMAIN);
    assertThat(waiting.getStatus().getDnsRecords()).extracting(r -> r.getName() + " " + r.getType() + " " + r.getValue())
        .containsExactly(tokens.get(0) + "._domainkey.example.com CNAME " + tokens.get(0) + ".dkim.amazonses.com",
            tokens.get(1) + "._domainkey.example.com CNAME " + tokens.get(1) + ".dkim.amazonses.com",
            tokens.get(2) + "._domainkey.example.com CNAME " + tokens.get(2) + ".dkim.amazonses.com",
            "_dmarc.example.com TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\"");
    assertThat(route53.calls()).isEmpty();
    ses.verifyDkim(DOMAIN);
    awaitCondition(harness, NS, "manual", Conditions.READY, "True", "InSync");
  }

  @Test
  void dkimGivenUpByStallsWithTheRecordsAndTheAnnotationRestartsVerification() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(MailRoutes.route(NS, "mail", DOMAIN, zone));
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    List<String> firstTokens = ses.tokens(DOMAIN);
    ses.failDkim(DOMAIN);
    MailRoute stalled = awaitCondition(harness, NS, "mail", Conditions.STALLED, "True",
        MailRouteStalled.DKIM_VERIFICATION_FAILED);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains(firstTokens.get(0) + "._domainkey.example.com CNAME " + firstTokens.get(0) + ".dkim.amazonses.com",
            "kaizen.dev/retry-verification");
    assertThat(ses.callCount("PutEmailIdentityDkimSigningAttributes")).isZero();

    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getMetadata().setAnnotations(Map.of("kaizen.dev/retry-verification", "2026-11-30T12:00:00Z"));
      return route;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> !ses.tokens(DOMAIN).equals(firstTokens)
        && !values(ses.tokens(DOMAIN).get(0) + "._domainkey." + DOMAIN, "CNAME").isEmpty());
    List<String> newTokens = ses.tokens(DOMAIN);
    // The old tokens' CNAMEs (and their markers) go; the new ones are written.
    await().atMost(OperatorHarness.WAIT).until(() -> firstTokens.stream()
        .allMatch(token -> values(token + "._domainkey." + DOMAIN, "CNAME").isEmpty()
            && values("_kaizen-owner." + token + "._domainkey." + DOMAIN, "TXT").isEmpty()));
    MailRoute acknowledged = awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    assertThat(acknowledged.getStatus().getRequests()).containsEntry("retry-verification", "2026-11-30T12:00:00Z");
    // A recheck after the acknowledgment (awaited, not hoped for after a fixed wait) does not restart it again.
    long reads = ses.calls("GetEmailIdentity").stream().filter(call -> call.succeeded()).count();
    await().atMost(OperatorHarness.WAIT).until(() -> ses.calls("GetEmailIdentity").stream()
        .filter(call -> call.succeeded()).count() > reads);
    assertThat(ses.callCount("PutEmailIdentityDkimSigningAttributes")).isEqualTo(1); // once per annotation value
    assertThat(ses.tokens(DOMAIN)).isEqualTo(newTokens);
  }

  @Test
  void deletionWithPolicyDeleteRemovesOnlyOursAndRetainKeepsEverything() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    create(MailRoutes.full(NS, "mail", DOMAIN, zone));
    // The retained route's identity lives in another region: SES's one-request-per-second buckets count per account
    // and region, so the two routes do not take turns at them (their records share the zone all the same).
    MailRoute retained = MailRoutes.route(NS, "kept", "kept.example.com", zone);
    retained.getSpec().setRegion(KEPT_REGION.id());
    create(retained);
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    awaitCondition(harness, NS, "kept", Conditions.RECONCILING, "True", "DkimPending");
    int keptRecords = (int) route53.records(zone).stream().filter(r -> r.name().contains("kept.example.com")).count();
    assertThat(keptRecords).isEqualTo(6); // three CNAMEs and their markers

    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    harness.client().resources(MailRoute.class).inNamespace(NS).withName("kept").delete();
    await().atMost(Duration.ofSeconds(45)).until(() -> get(harness, NS, "mail") == null && get(harness, NS, "kept") == null);

    assertThat(ses.peek(DOMAIN)).isEmpty();
    assertThat(values(DOMAIN, "TXT")).containsExactly(SITE_VERIFICATION);
    assertThat(route53.records(zone)).extracting(r -> r.name())
        .noneMatch(name -> name.endsWith("._domainkey.example.com.") && !name.contains("kept"))
        .doesNotContain("bounce.example.com.", "_dmarc.example.com.", "_kaizen-owner.example.com.");
    // Retain (the default): the other route's identity and records stay.
    assertThat(harness.ses(KEPT_REGION).peek("kept.example.com")).isPresent();
    assertThat(route53.records(zone).stream().filter(r -> r.name().contains("kept.example.com")).count())
        .isEqualTo(keptRecords);
  }
}
