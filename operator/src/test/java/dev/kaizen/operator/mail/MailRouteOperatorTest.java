package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.mail.DmarcSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.shared.TxtStrings;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class MailRouteOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final String SITE_VERIFICATION = "\"google-site-verification=abc123\"";

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeRoute53 route53 = harness.route53();
  private final FakeSesV2 ses = harness.ses();
  private String zone;
  private List<ResourceRecordSet> foreign;

  @BeforeEach
  void zone() {
    zone = route53.createZone(DOMAIN, false);
    // A zone external-dns also manages: its records and its TXT registry records, hundreds of them.
    for (int i = 0; i < 400; i++) {
      route53.seed(zone, "svc" + i + "." + DOMAIN, "A", 300, "192.0.2." + (i % 250));
      route53.seed(zone, "a-svc" + i + "." + DOMAIN, "TXT", 300,
          "\"heritage=external-dns,external-dns/owner=default,external-dns/resource=service/shop/svc" + i + "\"");
    }
    route53.seed(zone, DOMAIN, "TXT", 300, SITE_VERIFICATION);
    route53.seed(zone, DOMAIN, "MX", 300, "10 mx.mailprovider.example");
    foreign = route53.records(zone);
    harness.dns().txt("_spf.google.com", "v=spf1 include:_netblocks.google.com ~all")
        .txt("_netblocks.google.com", "v=spf1 ip4:198.51.100.0/24 ~all");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private MailRoute create(MailRoute route) {
    return harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
  }

  private Map<String, ResourceRecordSet> records() {
    return route53.records(zone).stream().collect(Collectors.toMap(r -> r.name() + " " + r.typeAsString(), r -> r));
  }

  private static List<String> values(ResourceRecordSet set) {
    return set.resourceRecords().stream().map(ResourceRecord::value).toList();
  }

  private long changeBatches() {
    return route53.calls("ChangeResourceRecordSets").stream().filter(c -> c.succeeded()).count();
  }

  @Test
  void createIsReconcilingUntilSesVerifiesThenReadyWithExactlyTheRecordsExpected() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(4)));
    create(MailRoutes.full(NS, "mail", DOMAIN, zone));

    MailRoute pending = awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    assertThat(pending.getStatus().getIdentity().getDkimStatus()).isEqualTo("PENDING");
    List<String> tokens = ses.tokens(DOMAIN);
    Map<String, ResourceRecordSet> records = records();
    for (String token : tokens) {
      assertThat(values(records.get(token + "._domainkey.example.com. CNAME")))
          .containsExactly(token + ".dkim.amazonses.com");
      assertThat(records).containsKey("_kaizen-owner." + token + "._domainkey.example.com. TXT");
    }
    assertThat(values(records.get("bounce.example.com. MX")))
        .containsExactly("10 feedback-smtp.eu-west-1.amazonses.com");
    assertThat(values(records.get("bounce.example.com. TXT")))
        .containsExactly("\"v=spf1 include:amazonses.com ~all\"");
    assertThat(values(records.get("_dmarc.example.com. TXT")))
        .containsExactly("\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"");
    // The site verification beside the SPF value is kept byte-for-byte, first, as it was.
    assertThat(values(records.get("example.com. TXT")))
        .containsExactly(SITE_VERIFICATION, "\"v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all\"");
    // Ownership markers beside every name we manage, never at the apex itself (its TXT values are managed).
    assertThat(records).containsKeys("_kaizen-owner.bounce.example.com. TXT", "_kaizen-owner._dmarc.example.com. TXT",
        "_kaizen-owner.example.com. TXT");
    assertThat(values(records.get("_kaizen-owner.bounce.example.com. TXT"))).hasSize(2); // MX and TXT/spf
    // Everything else in the zone untouched: external-dns's records and registry, the apex MX.
    for (ResourceRecordSet before : foreign) {
      if (!before.name().equals("example.com.") || !before.typeAsString().equals("TXT")) {
        assertThat(records.get(before.name() + " " + before.typeAsString())).isEqualTo(before);
      }
    }
    assertThat(records).hasSize(foreign.size() + 3 * 2 + 2 + 1 + 2 + 1); // CNAMEs+markers, MX+TXT, marker, DMARC+marker, apex marker
    assertThat(pending.getStatus().getApexSpf().getLookups()).isEqualTo(2);
    assertThat(pending.getStatus().getSandbox()).isTrue();

    ses.verifyDkim(DOMAIN);
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "MailFromPending");
    ses.verifyMailFrom(DOMAIN);
    MailRoute ready = awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    assertThat(Conditions.find(ready.getStatus().getConditions(), MailRouteKind.DKIM_VERIFIED).orElseThrow()
        .getStatus()).isEqualTo("True");
    assertThat(Conditions.find(ready.getStatus().getConditions(), MailRouteKind.DMARC_PUBLISHED).orElseThrow()
        .getStatus()).isEqualTo("True");
    assertThat(changeBatches()).isEqualTo(1); // every record of the zone in one batch

    // Several rechecks and a restart later: still Ready, nothing written again.
    await().pollDelay(Duration.ofSeconds(3)).atMost(OperatorHarness.WAIT).until(() -> true);
    harness.restart();
    await().pollDelay(Duration.ofSeconds(3)).atMost(OperatorHarness.WAIT).until(() -> true);
    assertThat(Conditions.find(get(harness, NS, "mail").getStatus().getConditions(), Conditions.READY).orElseThrow()
        .getStatus()).isEqualTo("True");
    assertThat(changeBatches()).isEqualTo(1);
    assertThat(ses.callCount("CreateEmailIdentity")).isEqualTo(1);
  }
}
