package dev.kaizen.operator.solr.rollout;

import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutSpec;
import dev.kaizen.operator.api.v1alpha1.solr.RolloutStatus;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.solr.Colour;
import dev.kaizen.operator.solr.SolrClusterObservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one observe found for the rollout, beside the active colour's observation: the rollout recorded in status, what
 * the spec asks for, the other colour (observed as the active one is, reached through the test listener), the current
 * step's Job, smoke query results while verifying, and the annotation requests. The planner decides from this alone.
 *
 * @param wanted the spec's revision, when it differs from the one in effect (or being rolled out); the AMI resolved
 * @param wantedDifferences what differs, one phrase each
 * @param other the other colour: its {@code desired} carries the revision it is (to be) built with and the test
 *     listener's port as its own
 * @param smokeHits "collection: query" -> documents found on the standby (while verifying)
 * @param now when the observe ran: the planner's only clock
 */
public record RolloutObservation(RolloutSpec spec, Optional<RolloutStatus> recorded, Colour active,
    boolean activeServing, Optional<RevisionStatus> wanted, List<String> wantedDifferences,
    Optional<SolrClusterObservation> other, Optional<JobState> job, Map<String, Long> smokeHits,
    Optional<String> promote, Optional<Requests.Request> rollback, Optional<Requests.Request> retry,
    JobContext jobContext, Instant now, AliasView aliases) {

  public RolloutObservation(RolloutSpec spec, Optional<RolloutStatus> recorded, Colour active,
      boolean activeServing, Optional<RevisionStatus> wanted, List<String> wantedDifferences,
      Optional<SolrClusterObservation> other, Optional<JobState> job, Map<String, Long> smokeHits,
      Optional<String> promote, Optional<Requests.Request> rollback, Optional<Requests.Request> retry,
      JobContext jobContext, Instant now) {
    this(spec, recorded, active, activeServing, wanted, wantedDifferences, other, job, smokeHits, promote, rollback,
        retry, jobContext, now, AliasView.NONE);
  }

  /**
   * What the alias strategy decides from.
   *
   * @param spec the spec's collections (their names are the aliases clients query)
   * @param activeNames alias -> the collection behind it on the active colour (from its status)
   * @param live the active colour's aliases, when read (an alias rollout, strategy Alias, or recorded names)
   * @param other the other colour's aliases, when read (a two-colour rollout of a cluster whose collections are
   *     behind aliases)
   * @param configSetOnly whether the spec differs from the live revision in its configset alone
   */
  public record AliasView(List<dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec> spec,
      Map<String, String> activeNames, Optional<Map<String, List<String>>> live,
      Optional<Map<String, List<String>>> other, boolean configSetOnly) {
    public static final AliasView NONE = new AliasView(List.of(), Map.of(), Optional.empty(), Optional.empty(),
        false);
  }

  /** Where the rollout's Jobs run and what they are told. */
  public record JobContext(String namespace, String cluster, String uid, List<String> collections) {}

  /** Whether the rollout recorded switches aliases inside the live colour. */
  public boolean aliasRollout() {
    return recorded.map(RolloutStatus::aliasRollout).orElse(false);
  }

  public Optional<RolloutStatus.Phase> phase() {
    return recorded.map(RolloutStatus::getPhase);
  }

  /** Whether the other colour has no node and none to come: never built, or scaled to zero. */
  public boolean otherAtRest() {
    return other.flatMap(SolrClusterObservation::group)
        .map(g -> g.desired() == 0 && g.max() == 0 && g.staying().isEmpty())
        .orElse(true);
  }
}
