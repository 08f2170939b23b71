package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.solr.EndpointDnsSpec;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import dev.kaizen.operator.core.shared.TxtStrings;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** The live endpoint's Route 53 alias record (spec.dns): made, repaired, owned, moved, removed or kept. */
class SolrClusterEndpointRecordOperatorTest {
  private static final Duration RESYNC = Duration.ofSeconds(1);
  private static final String ZONE_NAME = "search.example.com";
  private static final String RECORD = "solr.search.example.com";

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  private String zone;

  @BeforeEach
  void zone() {
    zone = harness.route53().createZone(ZONE_NAME, false);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static EndpointDnsSpec dns(String recordName) {
    EndpointDnsSpec dns = new EndpointDnsSpec();
    dns.setHostedZoneName(ZONE_NAME);
    dns.setRecordName(recordName);
    return dns;
  }

  private FakeRoute53 route53() {
    return harness.route53();
  }

  private Optional<ResourceRecordSet> record(String name, String type) {
    return route53().record(zone, name, type);
  }

  private List<String> markerValues(String name) {
    return record(DnsOwnershipMarker.recordName(name), "TXT").map(set -> set.resourceRecords().stream()
        .map(ResourceRecord::value).map(TxtStrings::decode).toList()).orElse(List.of());
  }

  /** Whether the record is the alias to the cluster's load balancer, as the operator writes it. */
  private boolean pointsAtLoadBalancer(String cluster, String name, String type) {
    String lb = harness.elb().dnsName(names(cluster).loadBalancer()).orElseThrow();
    return record(name, type).map(ResourceRecordSet::aliasTarget)
        .filter(a -> a.dnsName().equals(lb + ".") && a.hostedZoneId().equals(harness.elb().canonicalHostedZoneId())
            && a.evaluateTargetHealth())
        .isPresent();
  }

  private long recordWrites() {
    return route53().succeededMutations().stream().filter("ChangeResourceRecordSets"::equals).count();
  }

  private void awaitRecord(String cluster, String name, String type) {
    await().atMost(SolrClusterFixture.WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      solr.settle();
      return pointsAtLoadBalancer(cluster, name, type);
    });
  }

  private SolrCluster awaitStalled(String name, String reason) {
    SolrCluster[] seen = new SolrCluster[1];
    try {
      await().atMost(SolrClusterFixture.WAIT).until(() -> {
        seen[0] = solr.resource(name).get();
        return SolrClusterFixture.hasCondition(seen[0], Conditions.STALLED, "True", reason, 1);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not Stalled " + reason + "; status: " + harness.client().getKubernetesSerialization()
          .asYaml(seen[0] == null ? null : seen[0].getStatus()), e);
    }
    return seen[0];
  }

  @Test
  void theAliasIsMadeWithItsMarkerRepairedAfterHandEditsFollowsDualstackAndIsNotRewrittenAfterARestart() {
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster("products", spec -> spec.setDns(dns(RECORD))));

    SolrCluster ready = solr.awaitReady("products", 1);
    assertThat(pointsAtLoadBalancer("products", RECORD, "A")).isTrue();
    assertThat(record(RECORD, "AAAA")).isEmpty();
    assertThat(markerValues(RECORD)).singleElement().satisfies(v -> assertThat(v)
        .contains("kaizen.dev/owner=search/SolrCluster/products").contains("kaizen.dev/part=A/alias"));
    assertThat(ready.getStatus().getEndpointRecord().getName()).isEqualTo(RECORD);
    assertThat(ready.getStatus().getEndpointRecord().getHostedZoneId()).isEqualTo(zone);
    assertThat(ready.getStatus().getEndpointRecord().getEndpoint()).isEqualTo("http://" + RECORD + ":80/solr");
    assertThat(recordWrites()).isEqualTo(1);

    // Pointed elsewhere by hand: put back (deleted as found, created again).
    route53().seedAlias(zone, RECORD, "A", harness.elb().canonicalHostedZoneId(),
        "someone-else.eu-west-1.elb.amazonaws.com", false);
    awaitRecord("products", RECORD, "A");
    // Deleted by hand: made again.
    route53().removeDirectly(zone, RECORD, "A");
    awaitRecord("products", RECORD, "A");
    assertThat(recordWrites()).isEqualTo(3);

    // The load balancer made dualstack by hand: an AAAA alias joins, with its own marker value; ipv4 again: it goes.
    harness.elb().backdoorSetIpAddressType(names("products").loadBalancer(), "dualstack");
    awaitRecord("products", RECORD, "AAAA");
    assertThat(markerValues(RECORD)).hasSize(2).anySatisfy(v -> assertThat(v).contains("part=AAAA/alias"));
    harness.elb().backdoorSetIpAddressType(names("products").loadBalancer(), "ipv4");
    await().atMost(SolrClusterFixture.WAIT).until(() -> record(RECORD, "AAAA").isEmpty());
    assertThat(markerValues(RECORD)).singleElement().satisfies(v -> assertThat(v).contains("part=A/alias"));
    await().atMost(SolrClusterFixture.WAIT).until(() -> solr.resource("products").get().getStatus()
        .getEndpointRecord().getTypes().equals(List.of("A")));

    // Rechecks and a restart: nothing is written again.
    long writes = recordWrites();
    harness.restart();
    await().during(Duration.ofSeconds(4)).atMost(SolrClusterFixture.WAIT)
        .until(() -> recordWrites() == writes && pointsAtLoadBalancer("products", RECORD, "A"));
    assertThat(SolrClusterFixture.hasCondition(solr.resource("products").get(), Conditions.READY, "True", null, 1))
        .isTrue();
  }

  @Test
  void aRecordOfThatNameNotOursIsAConflictNeverWrittenAfterRechecksAndARestart() {
    route53().seed(zone, RECORD, "A", 300, "10.0.0.1");
    String other = "catalog.search.example.com";
    route53().seed(zone, other, "A", 300, "10.0.0.2");
    route53().seed(zone, DnsOwnershipMarker.recordName(other), "TXT", 300, TxtStrings.encode(
        "heritage=kaizen-operator,kaizen.dev/cluster=another,kaizen.dev/owner=shop/SolrCluster/catalog,"
            + "kaizen.dev/uid=u-1,kaizen.dev/part=A/alias"));
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster("products", spec -> spec.setDns(dns(RECORD))));
    solr.create(cluster("catalog", spec -> spec.setDns(dns(other))));

    SolrCluster unmarked = awaitStalled("products", "NameConflict");
    assertThat(Conditions.find(unmarked.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("DNS A record " + RECORD).contains("spec.adopt");
    SolrCluster foreign = awaitStalled("catalog", "OwnedByAnother");
    assertThat(Conditions.find(foreign.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("DNS A record " + other).contains("shop/SolrCluster/catalog");
    harness.restart();
    // Rechecks after the restart: never a write (the conditions may show a held-back recheck meanwhile).
    await().during(Duration.ofSeconds(4)).atMost(SolrClusterFixture.WAIT).until(() -> recordWrites() == 0);
    awaitStalled("products", "NameConflict");
    awaitStalled("catalog", "OwnedByAnother");
    assertThat(recordWrites()).isZero();
    assertThat(record(RECORD, "A").orElseThrow().resourceRecords()).extracting(ResourceRecord::value)
        .containsExactly("10.0.0.1");
    assertThat(markerValues(RECORD)).isEmpty();

    // Positive control: a free name is written.
    solr.create(cluster("reviews", spec -> spec.setDns(dns("reviews.search.example.com"))));
    solr.awaitReady("reviews", 1);
    assertThat(pointsAtLoadBalancer("reviews", "reviews.search.example.com", "A")).isTrue();
  }

  @Test
  void aRenamedRecordMovesAndDeletionRemovesItUnderDeleteAndKeepsItUnderRetain() {
    route53().seed(zone, DnsOwnershipMarker.recordName("old.search.example.com"), "TXT", 300,
        TxtStrings.encode("someone-else's note"));
    harness.start(OperatorHarness.fastTimings(RESYNC));
    solr.create(cluster("products", spec -> {
      spec.setDns(dns("old.search.example.com"));
      spec.setDeletionPolicy(DeletionPolicy.Delete);
    }));
    solr.create(cluster("catalog", spec -> spec.setDns(dns("catalog.search.example.com"))));
    solr.awaitReady("products", 1);
    solr.awaitReady("catalog", 1);
    assertThat(pointsAtLoadBalancer("products", "old.search.example.com", "A")).isTrue();

    long generation = solr.edit("products", spec -> spec.setDns(dns(RECORD))).getMetadata().getGeneration();
    awaitRecord("products", RECORD, "A");
    await().atMost(SolrClusterFixture.WAIT).until(() -> record("old.search.example.com", "A").isEmpty()
        && RECORD.equals(solr.resource("products").get().getStatus().getEndpointRecord().getName()));
    // The old name's marker keeps the other value it held.
    assertThat(markerValues("old.search.example.com")).containsExactly("someone-else's note");
    solr.awaitReady("products", generation);

    solr.resource("products").delete();
    solr.resource("catalog").delete();
    await().atMost(SolrClusterFixture.WAIT).until(() -> solr.resource("products").get() == null
        && solr.resource("catalog").get() == null);
    assertThat(record(RECORD, "A")).isEmpty();
    assertThat(markerValues(RECORD)).isEmpty();
    assertThat(harness.elb().loadBalancerExists(names("products").loadBalancer())).isFalse();
    // Retain: the record and its marker stay.
    assertThat(pointsAtLoadBalancer("catalog", "catalog.search.example.com", "A")).isTrue();
    assertThat(markerValues("catalog.search.example.com")).hasSize(1);
  }
}
