package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class FakeRoute53Test {
  private final FakeRoute53 route53 = new FakeRoute53("111122223333");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private String zone;

  @BeforeEach
  void zone() {
    route53.setClock(clock);
    zone = route53.createZone("example.com", false);
  }

  private static Change change(ChangeAction action, String name, String type, long ttl, String... values) {
    return Change.builder().action(action).resourceRecordSet(ResourceRecordSet.builder().name(name).type(type).ttl(ttl)
        .resourceRecords(java.util.Arrays.stream(values).map(v -> ResourceRecord.builder().value(v).build()).toList())
        .build()).build();
  }

  private String submit(Change... changes) {
    clock.advance(Duration.ofSeconds(1)); // stay within the account's 5 requests per second
    return route53.changeResourceRecordSets(ChangeResourceRecordSetsRequest.builder().hostedZoneId(zone)
        .changeBatch(b -> b.changes(changes)).build()).changeInfo().id();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void aBatchIsAtomicAndADeleteMustMatchExactly() {
    submit(change(ChangeAction.CREATE, "example.com", "TXT", 300, "\"google-site-verification=abc\""));
    assertThatThrownBy(() -> submit(change(ChangeAction.CREATE, "_dmarc.example.com", "TXT", 300, "\"v=DMARC1; p=none\""),
        change(ChangeAction.DELETE, "example.com", "TXT", 60, "\"google-site-verification=abc\"")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidChangeBatch"))
        .hasMessageContaining("do not match the current values");
    assertThat(route53.record(zone, "_dmarc.example.com", "TXT")).isEmpty(); // nothing of the batch applied
    assertThatThrownBy(() -> submit(change(ChangeAction.CREATE, "example.com", "TXT", 300, "\"x\"")))
        .hasMessageContaining("already exists");
    // DELETE and CREATE of one record set in one batch is how a value is replaced atomically.
    submit(change(ChangeAction.DELETE, "example.com", "TXT", 300, "\"google-site-verification=abc\""),
        change(ChangeAction.CREATE, "example.com", "TXT", 300, "\"google-site-verification=abc\"", "\"v=spf1 -all\""));
    assertThat(route53.record(zone, "EXAMPLE.com.", "TXT").orElseThrow().resourceRecords()).hasSize(2);
  }

  @Test
  void txtStringsAreAtMost255CharactersAndCnamesStandAlone() {
    String long256 = "\"" + "a".repeat(256) + "\"";
    assertThatThrownBy(() -> submit(change(ChangeAction.CREATE, "example.com", "TXT", 300, long256)))
        .hasMessageContaining("TXTRDATATooLong");
    submit(change(ChangeAction.CREATE, "example.com", "TXT", 300, "\"" + "a".repeat(255) + "\" \"" + "b".repeat(10) + "\""));
    submit(change(ChangeAction.CREATE, "www.example.com", "A", 300, "192.0.2.1"));
    assertThatThrownBy(() -> submit(change(ChangeAction.CREATE, "www.example.com", "CNAME", 300, "x.example.net")))
        .hasMessageContaining("conflicts");
    assertThatThrownBy(() -> submit(change(ChangeAction.CREATE, "www.example.org", "A", 300, "192.0.2.1")))
        .hasMessageContaining("not permitted in zone");
  }

  @Test
  void changesArePendingThenInSyncAndAZoneIsBusyMeanwhile() {
    route53.setPropagation(Duration.ofSeconds(30));
    route53.setBusyAfterChange(Duration.ofSeconds(5));
    String id = submit(change(ChangeAction.CREATE, "a.example.com", "A", 300, "192.0.2.1"));
    assertThat(route53.getChange(r -> r.id(id)).changeInfo().status()).isEqualTo(ChangeStatus.PENDING);
    assertThatThrownBy(() -> submit(change(ChangeAction.CREATE, "b.example.com", "A", 300, "192.0.2.2")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("PriorRequestNotComplete"));
    clock.advance(Duration.ofSeconds(30));
    assertThat(route53.getChange(r -> r.id(id)).changeInfo().status()).isEqualTo(ChangeStatus.INSYNC);
  }

  @Test
  void listsInReversedLabelOrderPageByPage() {
    for (int i = 0; i < 650; i++) {
      route53.seed(zone, "host" + i + ".example.com", "A", 300, "192.0.2.1");
    }
    route53.seed(zone, "example.com", "TXT", 300, "\"v=spf1 -all\"");
    route53.setQuotasEnforced(false);
    List<ResourceRecordSet> all = new ArrayList<>();
    String name = null;
    String type = null;
    int pages = 0;
    do {
      String n = name;
      String t = type;
      ListResourceRecordSetsResponse page = route53.listResourceRecordSets(r -> r.hostedZoneId(zone)
          .startRecordName(n).startRecordType(t));
      all.addAll(page.resourceRecordSets());
      name = page.isTruncated() ? page.nextRecordName() : null;
      type = page.isTruncated() ? page.nextRecordTypeAsString() : null;
      pages++;
    } while (name != null);
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(651);
    assertThat(all.get(0).name()).isEqualTo("example.com.");
  }

  @Test
  void sortsAsciiWithTheTrailingDotAndStartsAtTheFirstNameAtOrAfterTheOneAsked() {
    route53.setQuotasEnforced(false);
    route53.seed(zone, "example.com", "TXT", 300, "\"v=spf1 -all\"");
    route53.seed(zone, "bounce.example.com", "MX", 300, "10 feedback-smtp.eu-west-1.amazonses.com");
    route53.seed(zone, "_dmarc.example.com", "TXT", 300, "\"v=DMARC1; p=none\"");
    route53.seed(zone, "a-b.example.com", "A", 300, "192.0.2.1");
    route53.seed(zone, "a.example.com", "A", 300, "192.0.2.2");
    route53.seed(zone, "x.a.example.com", "A", 300, "192.0.2.3");
    // com.example.a-b. < com.example.a. < com.example.a.x. ('-' sorts before '.'), digits < '_' < letters
    assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets().stream()
        .map(ResourceRecordSet::name).filter(n -> !n.equals("example.com."))).containsExactly("_dmarc.example.com.",
            "a-b.example.com.", "a.example.com.", "x.a.example.com.", "bounce.example.com.");
    // A name that does not exist: the first record set after it.
    ListResourceRecordSetsResponse page = route53.listResourceRecordSets(r -> r.hostedZoneId(zone)
        .startRecordName("_c.example.com").maxItems("2"));
    assertThat(page.resourceRecordSets()).extracting(ResourceRecordSet::name)
        .containsExactly("_dmarc.example.com.", "a-b.example.com.");
    assertThat(page.isTruncated()).isTrue();
    assertThat(page.nextRecordName()).isEqualTo("a.example.com.");
    assertThat(page.nextRecordTypeAsString()).isEqualTo("A");
    assertThatThrownBy(() -> route53.listResourceRecordSets(r -> r.hostedZoneId(zone).startRecordType("TXT")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidInput"));
  }

  @Test
  void countsEveryRequestOfTheAccountTogetherInATokenBucket() {
    // A bucket of 50 absorbs a burst after a quiet spell (more than a second's rate of 10)...
    for (int i = 0; i < FakeRoute53.ACCOUNT_BURST; i++) {
      route53.listResourceRecordSets(r -> r.hostedZoneId(zone));
    }
    assertThatThrownBy(() -> route53.getHostedZone(r -> r.id(zone)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("Throttling"));
    // ...then refills at 10 a second: one request every 100 ms.
    clock.advance(java.time.Duration.ofMillis(100));
    route53.getHostedZone(r -> r.id(zone));
    assertThatThrownBy(() -> route53.getHostedZone(r -> r.id(zone)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("Throttling"));
    clock.advance(java.time.Duration.ofSeconds(1));
    for (int i = 0; i < FakeRoute53.ACCOUNT_QUOTA; i++) {
      route53.getHostedZone(r -> r.id(zone));
    }
    assertThatThrownBy(() -> route53.listResourceRecordSets(r -> r.hostedZoneId(zone)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("Throttling"));
  }

  private static Change alias(ChangeAction action, String name, String type, String targetZone, String dns,
      boolean evaluate) {
    return Change.builder().action(action).resourceRecordSet(ResourceRecordSet.builder().name(name).type(type)
        .aliasTarget(a -> a.hostedZoneId(targetZone).dnsName(dns).evaluateTargetHealth(evaluate)).build()).build();
  }

  @Test
  void anAliasNeedsATargetRouteFiftyThreeKnowsAndNoTtlOrValuesAndIsDeletedOnlyAsStored() {
    FakeElbV2 elb = new FakeElbV2("eu-west-1", "111122223333");
    elb.setClock(clock);
    elb.createLoadBalancer(r -> r.name("solr").scheme("internal").subnets("subnet-1", "subnet-2"));
    String dns = elb.dnsName("solr").orElseThrow();
    route53.aliasTargets(elb::isAliasTarget);

    // Unknown target: both of Route 53's sentences, nothing written.
    assertThatThrownBy(() -> submit(alias(ChangeAction.CREATE, "solr.example.com", "A", "Z32O12XQLNTSW2",
        "gone.eu-west-1.elb.amazonaws.com", true)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidChangeBatch"))
        .hasMessageContaining("but the alias target name does not lie within the target zone")
        .hasMessageContaining("but that target was not found");
    // The load balancer's DNS name in another zone is not it either.
    assertThatThrownBy(() -> submit(alias(ChangeAction.CREATE, "solr.example.com", "A", "Z35SXDOTRQ7X7K", dns, true)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidChangeBatch"));
    // An alias with a TTL is refused as invalid input.
    Change withTtl = Change.builder().action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder()
        .name("solr.example.com").type("A").ttl(60L).aliasTarget(a -> a.hostedZoneId("Z32O12XQLNTSW2").dnsName(dns)
            .evaluateTargetHealth(true)).build()).build();
    assertThatThrownBy(() -> submit(withTtl)).satisfies(e -> assertThat(code(e)).isEqualTo("InvalidInput"));
    assertThat(route53.record(zone, "solr.example.com", "A")).isEmpty();

    submit(alias(ChangeAction.CREATE, "Solr.Example.com", "A", "Z32O12XQLNTSW2", dns.toUpperCase(), true));
    ResourceRecordSet stored = route53.record(zone, "solr.example.com", "A").orElseThrow();
    assertThat(stored.aliasTarget().dnsName()).isEqualTo(dns + ".");
    assertThat(stored.ttl()).isNull();
    // The dualstack. prefix names the same load balancer.
    submit(alias(ChangeAction.CREATE, "solr.example.com", "AAAA", "Z32O12XQLNTSW2", "dualstack." + dns, true));

    // A delete must name the alias as stored (EvaluateTargetHealth included).
    assertThatThrownBy(() -> submit(alias(ChangeAction.DELETE, "solr.example.com", "A", "Z32O12XQLNTSW2", dns,
        false))).hasMessageContaining("do not match");
    submit(alias(ChangeAction.DELETE, "solr.example.com", "A", "Z32O12XQLNTSW2", dns, true));
    assertThat(route53.record(zone, "solr.example.com", "A")).isEmpty();

    // An alias beside a CNAME is refused, as any record set is.
    submit(change(ChangeAction.CREATE, "www.example.com", "CNAME", 300, "example.org"));
    assertThatThrownBy(() -> submit(alias(ChangeAction.CREATE, "www.example.com", "A", "Z32O12XQLNTSW2", dns, true)))
        .hasMessageContaining("conflicting RRSet of type CNAME");
  }
}
