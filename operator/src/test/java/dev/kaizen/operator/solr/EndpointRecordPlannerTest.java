package dev.kaizen.operator.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import dev.kaizen.operator.core.shared.TxtStrings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class EndpointRecordPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("prod-eu", "search/SolrCluster/products", "uid-1");
  private static final OwnerTags OTHER = new OwnerTags("prod-eu", "search/SolrCluster/catalog", "uid-2");
  private static final String ZONE = "Z0123456789ABC";
  private static final String NAME = "solr.search.example.com.";
  private static final String MARKER = "_kaizen-owner." + NAME;
  private static final LoadBalancing.ObservedLoadBalancer LB = new LoadBalancing.ObservedLoadBalancer("arn:lb",
      "lb", "internal-lb-1.eu-west-1.elb.amazonaws.com", "active", Map.of(), "Z32O12XQLNTSW2", "ipv4");
  private static final LoadBalancing.ObservedLoadBalancer DUALSTACK = new LoadBalancing.ObservedLoadBalancer(
      "arn:lb", "lb", "internal-lb-1.eu-west-1.elb.amazonaws.com", "active", Map.of(), "Z32O12XQLNTSW2", "dualstack");

  private static String marker(OwnerTags owner, String type) {
    return TxtStrings.encode(DnsOwnershipMarker.of(owner, EndpointRecordPlanner.part(type)).render());
  }

  private static ResourceRecordSet alias(String type, LoadBalancing.ObservedLoadBalancer lb) {
    return ResourceRecordSet.builder().name(NAME).type(type).aliasTarget(EndpointRecordPlanner.aliasTo(lb)).build();
  }

  private static ObservedEndpointRecord at(String name, Map<String, ResourceRecordSet> records, String... markers) {
    Optional<ResourceRecordSet> marker = markers.length == 0 ? Optional.empty() : Optional.of(ResourceRecordSet
        .builder().name("_kaizen-owner." + name).type("TXT").ttl(300L).resourceRecords(java.util.Arrays
            .stream(markers).map(v -> ResourceRecord.builder().value(v).build()).toList()).build());
    return new ObservedEndpointRecord(ZONE, name, records, marker);
  }

  private static List<EndpointRecordPlanner.RecordBatch> plan(ObservedEndpointRecord current,
      LoadBalancing.ObservedLoadBalancer lb) {
    return EndpointRecordPlanner.batches(new EndpointRecordObservation(Optional.of(current), Optional.empty()),
        Optional.of(lb), MINE);
  }

  @Test
  void anAbsentRecordIsCreatedWithItsMarkerFirstInOneBatchThatIsAwaited() {
    var batches = plan(at(NAME, Map.of()), LB);

    assertThat(batches).singleElement().satisfies(b -> {
      assertThat(b.describe()).containsExactly("CREATE TXT " + MARKER, "CREATE A " + NAME);
      assertThat(b.effect()).isEqualTo(Effect.CREATE);
      assertThat(b.awaited()).isTrue();
      var a = b.changes().get(1).resourceRecordSet();
      assertThat(a.aliasTarget().hostedZoneId()).isEqualTo("Z32O12XQLNTSW2");
      assertThat(a.aliasTarget().dnsName()).isEqualTo("internal-lb-1.eu-west-1.elb.amazonaws.com.");
      assertThat(a.aliasTarget().evaluateTargetHealth()).isTrue();
      assertThat(a.ttl()).isNull();
      assertThat(b.changes().get(0).resourceRecordSet().resourceRecords()).extracting(ResourceRecord::value)
          .containsExactly(marker(MINE, "A"));
    });
  }

  @Test
  void aRecordInSyncWithItsMarkerPlansNothing() {
    assertThat(plan(at(NAME, Map.of("A", alias("A", LB)), marker(MINE, "A")), LB)).isEmpty();
  }

  @Test
  void aRecordChangedByHandIsDeletedAsReadAndCreatedAgainKeepingOthersMarkerValues() {
    ResourceRecordSet byHand = ResourceRecordSet.builder().name(NAME).type("A").aliasTarget(a -> a
        .hostedZoneId("Z32O12XQLNTSW2").dnsName("other-lb.eu-west-1.elb.amazonaws.com.").evaluateTargetHealth(false))
        .build();
    var batches = plan(at(NAME, Map.of("A", byHand), marker(OTHER, "MX"), marker(MINE, "A")), LB);

    assertThat(batches).singleElement().satisfies(b -> {
      assertThat(b.describe()).containsExactly("DELETE A " + NAME, "CREATE A " + NAME);
      assertThat(b.changes().get(0).resourceRecordSet()).isEqualTo(byHand);
      assertThat(b.reason()).contains("points elsewhere");
    });
  }

  @Test
  void aDualstackLoadBalancerGetsAnAaaaAliasAndLosesItWhenItIsIpv4Again() {
    var added = plan(at(NAME, Map.of("A", alias("A", LB)), marker(MINE, "A")), DUALSTACK);
    assertThat(added).singleElement().satisfies(b -> {
      assertThat(b.describe()).containsExactly("DELETE TXT " + MARKER, "CREATE TXT " + MARKER, "CREATE AAAA " + NAME);
      assertThat(b.changes().get(1).resourceRecordSet().resourceRecords()).extracting(ResourceRecord::value)
          .containsExactly(marker(MINE, "A"), marker(MINE, "AAAA"));
    });

    Map<String, ResourceRecordSet> both = new LinkedHashMap<>(Map.of("A", alias("A", LB), "AAAA", alias("AAAA", LB)));
    var removed = plan(at(NAME, both, marker(MINE, "A"), marker(MINE, "AAAA")), LB);
    assertThat(removed).singleElement().satisfies(b -> {
      assertThat(b.describe()).containsExactly("DELETE TXT " + MARKER, "CREATE TXT " + MARKER, "DELETE AAAA " + NAME);
      assertThat(b.changes().get(1).resourceRecordSet().resourceRecords()).extracting(ResourceRecord::value)
          .containsExactly(marker(MINE, "A"));
    });
    // Someone else's AAAA beside an ipv4 load balancer is none of ours.
    assertThat(plan(at(NAME, Map.of("A", alias("A", LB), "AAAA", alias("AAAA", LB)), marker(MINE, "A")), LB))
        .isEmpty();
  }

  @Test
  void aFormerNameLosesOurRecordsAndMarkerValueOnlyAndNothingIsPlannedBeforeTheLoadBalancer() {
    String old = "search.search.example.com.";
    ResourceRecordSet oldA = ResourceRecordSet.builder().name(old).type("A")
        .aliasTarget(EndpointRecordPlanner.aliasTo(LB)).build();
    var observed = new EndpointRecordObservation(Optional.of(at(NAME, Map.of())),
        Optional.of(at(old, Map.of("A", oldA), marker(OTHER, "MX"), marker(MINE, "A"))));

    var batches = EndpointRecordPlanner.batches(observed, Optional.empty(), MINE);
    assertThat(batches).singleElement().satisfies(b -> {
      assertThat(b.describe()).containsExactly("DELETE A " + old, "DELETE TXT _kaizen-owner." + old,
          "CREATE TXT _kaizen-owner." + old);
      assertThat(b.changes().get(2).resourceRecordSet().resourceRecords()).extracting(ResourceRecord::value)
          .containsExactly(marker(OTHER, "MX"));
      assertThat(b.awaited()).isFalse();
    });

    // Another owner's record at the former name is left alone.
    var foreign = new EndpointRecordObservation(Optional.empty(),
        Optional.of(at(old, Map.of("A", oldA), marker(OTHER, "A"))));
    assertThat(EndpointRecordPlanner.batches(foreign, Optional.of(LB), MINE)).isEmpty();
  }

  @Test
  void theMarkerNamesAnotherOwnerBeforeUsSoTheLoopJudgesItForeign() {
    var observed = at(NAME, Map.of("A", alias("A", LB)), marker(MINE, "A"), marker(OTHER, "A"));
    assertThat(EndpointRecordPlanner.ownerOf(observed, "A", MINE.owner()).owner()).isEqualTo(OTHER.owner());
    assertThat(EndpointRecordPlanner.ownerOf(at(NAME, Map.of()), "A", MINE.owner()).owner()).isNull();
    assertThat(EndpointRecordPlanner.ownerOf(at(NAME, Map.of(), marker(MINE, "A")), "A", MINE.owner()))
        .isEqualTo(MINE);
  }
}
