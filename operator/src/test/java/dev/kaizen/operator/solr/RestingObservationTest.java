package dev.kaizen.operator.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a cluster at rest compares with its last full observation: any difference asks for a full observe. */
class RestingObservationTest {
  private static final String LIVE = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/lb/1/live";
  private static final String TEST = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/lb/1/test";
  private static final String BLUE = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/blue/1";

  private static ScalingGroups.Observed group(String... instances) {
    return new ScalingGroups.Observed("search-products-blue", "arn:group", 3, 3, 3, true, List.of(BLUE),
        java.util.Arrays.stream(instances).map(id -> new ScalingGroups.Member(id, "InService", "Healthy", true))
            .toList(), Map.of("kaizen.dev/owner", "search/SolrCluster/products"));
  }

  private static LoadBalancing.ObservedListener listener(String arn, int port, String target) {
    return new LoadBalancing.ObservedListener(arn, port, target);
  }

  private static final SolrClusterObservation LAST = new SolrClusterObservation(null, true, Optional.empty(),
      List.of(listener(LIVE, 80, BLUE).withTags(Map.of("kaizen.dev/owner", "x")), listener(TEST, 8983, BLUE)),
      Optional.empty(), Optional.empty(), Optional.of(group("i-1", "i-2", "i-3")), Map.of(), Optional.empty(),
      Optional.empty());

  private static RestingReads.Snapshot snapshot(Map<String, ScalingGroups.Observed> groups,
      Optional<Map<String, LoadBalancing.ObservedListener>> listeners) {
    return new RestingReads.Snapshot(Instant.EPOCH, groups, Map.of(), listeners, Set.of(LIVE, TEST));
  }

  private static Optional<Map<String, LoadBalancing.ObservedListener>> listeners(String liveTarget) {
    return Optional.of(Map.of(LIVE, listener(LIVE, 80, liveTarget), TEST, listener(TEST, 8983, BLUE)));
  }

  @Test
  void theSameGroupAndListenersAreUnchangedWhateverTheListenersTagsWereRead() {
    assertThat(RestingObservation.unchanged(LAST, snapshot(Map.of("search-products-blue",
        group("i-1", "i-2", "i-3")), listeners(BLUE)))).isTrue();
  }

  @Test
  void anInstanceReplacedAGroupResizedOrUntaggedAListenerMovedOrUnreadableIsAChange() {
    assertThat(RestingObservation.unchanged(LAST, snapshot(Map.of("search-products-blue",
        group("i-1", "i-2", "i-4")), listeners(BLUE)))).isFalse();
    var resized = new ScalingGroups.Observed("search-products-blue", "arn:group", 3, 5, 5, true, List.of(BLUE),
        group("i-1", "i-2", "i-3").instances(), group().tags());
    assertThat(RestingObservation.unchanged(LAST, snapshot(Map.of("search-products-blue", resized),
        listeners(BLUE)))).isFalse();
    assertThat(RestingObservation.unchanged(LAST, snapshot(Map.of(), listeners(BLUE)))).isFalse();
    assertThat(RestingObservation.unchanged(LAST, snapshot(Map.of("search-products-blue",
        group("i-1", "i-2", "i-3")), listeners("arn:someone-elses")))).isFalse();
    assertThat(RestingObservation.unchanged(LAST, snapshot(Map.of("search-products-blue",
        group("i-1", "i-2", "i-3")), Optional.empty()))).isFalse();
  }

  @Test
  void solrIsTheSameWhenOnlyDocumentCountsMoved() {
    SolrState before = new SolrState(List.of("products"), List.of("n1", "n2"), Map.of("n1", 2, "n2", 2),
        Map.of("products", "GREEN"), Map.of("products", 10L));
    SolrState indexed = new SolrState(List.of("products"), List.of("n1", "n2"), Map.of("n1", 2, "n2", 2),
        Map.of("products", "GREEN"), Map.of("products", 12L));
    SolrState nodeLost = new SolrState(List.of("products"), List.of("n1"), Map.of("n1", 2, "n2", 2),
        Map.of("products", "YELLOW"), Map.of("products", 12L));
    assertThat(RestingObservation.sameSolr(Optional.of(before), Optional.of(indexed))).isTrue();
    assertThat(RestingObservation.sameSolr(Optional.of(before), Optional.of(nodeLost))).isFalse();
    assertThat(RestingObservation.sameSolr(Optional.of(before), Optional.empty())).isFalse();
  }
}
