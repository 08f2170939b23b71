package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecord;

/** Ownership conflicts (kept after rechecks and a restart), adoption, and AWS throttling survived. */
class MailRouteConflictOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final String THEIR_SPF = "\"v=spf1 include:_spf.partner.example -all\"";

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeRoute53 route53 = harness.route53();
  private final FakeSesV2 ses = harness.ses();
  private String zone;

  @BeforeEach
  void zone() {
    zone = route53.createZone(DOMAIN, false);
    harness.dns().txt("_spf.google.com", "v=spf1 ip4:198.51.100.0/24 ~all");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private List<String> apexTxt() {
    return route53.record(zone, DOMAIN, "TXT").map(r -> r.resourceRecords().stream().map(ResourceRecord::value)
        .toList()).orElse(List.of());
  }

  @Test
  void anSpfValueWithoutOurMarkerIsAConflictUntilAdopted() {
    route53.seed(zone, DOMAIN, "TXT", 300, THEIR_SPF);
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    MailRoute route = MailRoutes.full(NS, "mail", DOMAIN, zone);
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();

    MailRoute stalled = awaitCondition(harness, NS, "mail", Conditions.STALLED, "True", "NameConflict");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("DNS TXT/spf record example.com", "adopt");
    // Several rechecks and a restart later: still a conflict, their value untouched.
    int observes = ses.callCount("GetEmailIdentity");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetEmailIdentity") > observes + 2);
    harness.restart();
    int afterRestart = ses.callCount("GetEmailIdentity");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetEmailIdentity") > afterRestart + 1);
    assertThat(Conditions.find(get(harness, NS, "mail").getStatus().getConditions(), Conditions.STALLED).orElseThrow()
        .getReason()).isEqualTo("NameConflict");
    assertThat(apexTxt()).containsExactly(THEIR_SPF);

    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), adopting -> {
      adopting.getSpec().setAdopt(true);
      return adopting;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> apexTxt()
        .equals(List.of("\"v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all\"")));
    assertThat(route53.record(zone, "_kaizen-owner." + DOMAIN, "TXT")).isPresent();
  }

  @Test
  void anIdentityOfAnotherOwnerIsNeverTakenOver() {
    ses.createDirectly(DOMAIN, Map.of("kaizen.dev/cluster", "other", "kaizen.dev/owner", "web/MailRoute/x",
        "kaizen.dev/uid", "u"));
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    MailRoute route = MailRoutes.route(NS, "mail", DOMAIN, zone);
    route.getSpec().setAdopt(true);
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
    awaitCondition(harness, NS, "mail", Conditions.STALLED, "True", "OwnedByAnother");
    assertThat(route53.calls("ChangeResourceRecordSets")).isEmpty();
    assertThat(ses.calls().stream().filter(c -> !c.operation().startsWith("Get"))).isEmpty();
  }

  @Test
  void throttlingOfRoute53AndSesIsSurvived() {
    ses.failNext("GetEmailIdentity", 1, Fault.THROTTLING);
    ses.failNext("CreateEmailIdentity", 1, Fault.THROTTLING);
    route53.failNext("ChangeResourceRecordSets", 1, Fault.THROTTLING);
    route53.failNext("ListResourceRecordSets", 1, Fault.SERVICE_UNAVAILABLE);
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(MailRoutes.route(NS, "mail", DOMAIN, zone))
        .create();
    // Each refusal backs off (doubling): slower than a clean run.
    MailRoute pending = awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    assertThat(pending.getStatus().getDnsRecords()).hasSize(3).allSatisfy(r -> assertThat(r.getInPlace()).isTrue());
    assertThat(route53.calls("ChangeResourceRecordSets").stream().filter(c -> c.succeeded()).count()).isEqualTo(1);
    assertThat(ses.calls("CreateEmailIdentity").stream().filter(c -> c.succeeded()).count()).isEqualTo(1);
  }
}
