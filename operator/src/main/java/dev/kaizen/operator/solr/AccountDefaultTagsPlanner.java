package dev.kaizen.operator.solr;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.shared.DefaultTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account's default tags (AwsAccount {@code spec.defaultTags}) on a SolrCluster's existing objects: the load
 * balancer, its listeners, each colour's target group, launch template and Auto Scaling group (propagated to the nodes
 * it launches from then on). Pure. Added or brought back, never removed ({@link DefaultTags}); the spec's tags and the
 * ownership tags win. Only objects judged ours (an adopted or re-attached one is marked first, then tagged at the next
 * reconcile). Every observe reads these tags, so an AwsAccount edit reaches them at its next reconcile.
 */
public final class AccountDefaultTagsPlanner {
  private AccountDefaultTagsPlanner() {}

  /**
   * @param specTags the spec's own tags (they win over the defaults)
   */
  public static List<Change<SolrClusterPorts>> plan(SolrClusterObservation o, Map<String, String> specTags,
      Function<String, Ownership> verdict, OwnerTags mine) {
    Map<String, String> winning = new LinkedHashMap<>(specTags);
    winning.putAll(mine.asTags());
    // The desired tags are the account's defaults with the spec's over them: the defaults are the keys the spec lacks.
    Map<String, String> defaults = new LinkedHashMap<>(o.desired().tags());
    defaults.keySet().removeAll(specTags.keySet());
    if (defaults.isEmpty()) {
      return List.of();
    }
    SolrClusterNames names = o.desired().names();
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    if (o.loadBalancer().isPresent() && ours(verdict, SolrClusterKind.loadBalancerKey(names))) {
      var lb = o.loadBalancer().get();
      apply(lb.tags(), defaults, winning).ifPresent(tags -> changes.add(
          SolrClusterChanges.tagElb(names.loadBalancer(), lb.arn(), tags, reason(tags))));
      for (var listener : o.listeners()) {
        listener.tags().flatMap(found -> apply(found, defaults, winning)).ifPresent(tags -> changes.add(
            SolrClusterChanges.tagElb(names.loadBalancer() + ":" + listener.port(), listener.arn(), tags,
                reason(tags))));
      }
    }
    colour(o, defaults, winning, verdict, changes);
    o.rollout().flatMap(r -> r.other()).ifPresent(other -> colour(other, defaults, winning, verdict, changes));
    return changes;
  }

  private static void colour(SolrClusterObservation o, Map<String, String> defaults, Map<String, String> winning,
      Function<String, Ownership> verdict, List<Change<SolrClusterPorts>> changes) {
    SolrClusterNames names = o.desired().names();
    Colour colour = o.desired().active();
    o.targetGroup().filter(tg -> ours(verdict, SolrClusterKind.targetGroupKey(names, colour)))
        .flatMap(tg -> apply(tg.tags(), defaults, winning).map(tags -> SolrClusterChanges.tagElb(tg.name(), tg.arn(),
            tags, reason(tags)))).ifPresent(changes::add);
    o.template().filter(lt -> ours(verdict, SolrClusterKind.templateKey(names, colour)))
        .flatMap(lt -> apply(lt.tags(), defaults, winning).map(tags -> SolrClusterChanges.tagTemplate(lt.name(),
            lt.id(), tags, reason(tags)))).ifPresent(changes::add);
    o.group().filter(g -> ours(verdict, SolrClusterKind.groupKey(names, colour)))
        .flatMap(g -> apply(g.tags(), defaults, winning).map(tags -> SolrClusterChanges.tagGroup(g.name(), tags,
            reason(tags) + " (propagated to nodes launched from now on)"))).ifPresent(changes::add);
  }

  /** Ours and already marked: an object being adopted or re-attached gets its marker first. */
  private static boolean ours(Function<String, Ownership> verdict, String key) {
    return verdict.apply(key) == Ownership.OWNED;
  }

  private static Optional<Map<String, String>> apply(Map<String, String> current, Map<String, String> defaults,
      Map<String, String> winning) {
    Map<String, String> toApply = DefaultTags.toApply(current, defaults, winning);
    return toApply.isEmpty() ? Optional.empty() : Optional.of(toApply);
  }

  private static String reason(Map<String, String> tags) {
    return "account default tags " + String.join(", ", tags.keySet());
  }
}
