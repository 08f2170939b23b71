package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterChanges.*;

import dev.kaizen.operator.api.v1alpha1.solr.CollectionSpec;
import dev.kaizen.operator.api.v1alpha1.solr.ColourStatus;
import dev.kaizen.operator.api.v1alpha1.solr.RevisionStatus;
import dev.kaizen.operator.api.v1alpha1.solr.ScaleInStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pure planner of a SolrCluster's active colour: desired and observed in, ordered changes out.
 *
 * <p>Order: ownership tags first (adopted or re-attached objects are marked ours before anything else), then the load
 * balancer, the colour's target group, launch template and Auto Scaling group, then the two listeners (live ->
 * active colour, test -> standby, or the active colour while there is none), then Solr: the configset and the missing
 * collections once every node is healthy. Scaling the live colour happens in place: up by raising the group's
 * capacity; down by pinning the instances to remove (newest first, a {@link StatusCommit}), moving their replicas off
 * (REPLACENODE), and only once they hold none and no shard is without a live replica, unprotecting and terminating them.
 */
public final class SolrClusterPlanner {
  private SolrClusterPlanner() {}

  public static Plan<SolrClusterPorts> plan(SolrClusterObservation o, Function<String, Ownership> verdict,
      OwnerTags mine) {
    DesiredSolrCluster d = o.desired();
    SolrClusterNames names = d.names();
    Colour colour = d.active();
    Map<String, String> tags = tags(d, mine);
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();

    String lbName = names.loadBalancer();
    String tgName = names.targetGroup(colour);
    String ltName = names.launchTemplate(colour);
    String asgName = names.autoScalingGroup(colour);

    // Ownership tags first.
    Ownership lbVerdict = verdict.apply(SolrClusterKind.loadBalancerKey(names));
    o.loadBalancer().filter(lb -> lbVerdict.retags())
        .ifPresent(lb -> changes.add(tagElb(lbName, lb.arn(), mine.asTags(), retagReason(verdict, lbName, names))));
    // Listeners are owned through their load balancer, and carry its marker as the ones the operator creates do:
    // changing a listener is authorized on its own tags. Re-marked until they carry ours (a retried reconcile finds
    // the load balancer already ours), never when another owner's marker is on one.
    if (o.loadBalancer().isPresent() && lbVerdict.mayManage()) {
      for (var l : o.listeners()) {
        OwnerTags found = l.tags().map(OwnerTags::read).orElse(mine); // tags not read: nothing to judge
        boolean anotherOwners = !found.isEmpty() && !mine.owner().equals(found.owner());
        if (!found.equals(mine) && !anotherOwners) {
          changes.add(tagElb(lbName + ":" + l.port(), l.arn(), mine.asTags(), "listener of the load balancer: "
              + (lbVerdict.retags() ? retagReason(verdict, lbName, names) : "mark as ours")));
        }
      }
    }
    o.targetGroup().filter(tg -> verdict.apply(SolrClusterKind.targetGroupKey(names, colour)).retags())
        .ifPresent(tg -> changes.add(tagElb(tgName, tg.arn(), mine.asTags(), "mark as ours")));
    o.template().filter(lt -> verdict.apply(SolrClusterKind.templateKey(names, colour)).retags())
        .ifPresent(lt -> changes.add(tagTemplate(ltName, lt.id(), mine.asTags(), "mark as ours")));
    o.group().filter(g -> verdict.apply(SolrClusterKind.groupKey(names, colour)).retags())
        .ifPresent(g -> changes.add(tagGroup(asgName, mine.asTags(), "mark as ours")));

    if (o.loadBalancer().isEmpty()) {
      changes.add(createLoadBalancer(d, tags));
    }
    if (o.targetGroup().isEmpty()) {
      changes.add(createTargetGroup(tgName, d.vpcId(), tags));
    }
    if (o.template().isEmpty()) {
      changes.add(createLaunchTemplate(ltName, d.template(), tags, clientToken(mine, ltName, d.revision()),
          "absent; " + d.revision().summary()));
    } else {
      List<String> differences = o.template().get().latest().differences(d.template());
      if (!differences.isEmpty()) {
        changes.add(createLaunchTemplateVersion(ltName, d.template(), String.join(", ", differences)
            + " changed (nodes launched from now on use version " + (o.template().get().latestVersion() + 1) + ")"));
      }
    }
    Optional<ScaleInStatus> scaleIn = o.scaleIn();
    List<ScalingGroups.Member> staying = o.group().map(ScalingGroups.Observed::staying).orElse(List.of());
    if (o.group().isEmpty()) {
      changes.add(createAutoScalingGroup(d, asgName, ltName, tgName, tags));
    } else {
      ScalingGroups.Observed group = o.group().get();
      int size = Math.max(d.nodes(), staying.size());
      if (group.min() != d.nodes() || group.max() != size || group.desired() != size
          || !group.newInstancesProtected()) {
        changes.add(resize(asgName, d.nodes(), size, size, "min/max/desired " + group.min() + "/" + group.max() + "/"
            + group.desired() + " -> " + d.nodes() + "/" + size + "/" + size
            + (group.newInstancesProtected() ? "" : ", new instances protected")));
      }
      List<String> pinned = scaleIn.map(ScaleInStatus::getInstances).orElse(List.of());
      List<String> unprotected = staying.stream().filter(m -> !m.protectedFromScaleIn())
          .map(ScalingGroups.Member::id).filter(id -> !pinned.contains(id)).toList();
      if (!unprotected.isEmpty()) {
        changes.add(protect(asgName, unprotected, true, "unprotected: AWS could pick a Solr node to terminate"));
      }
    }

    listeners(o, d, lbName, tgName, tags, changes);
    Plan<SolrClusterPorts> plan = solr(o, d, colour, asgName, staying, scaleIn, changes);
    if (!o.revisionPinned()) {
      RevisionStatus revision = d.revision();
      return plan.committingFirst(new StatusCommit("pin " + colour.id() + " revision: " + revision.summary(),
          status -> pin((SolrClusterStatus) status, colour, revision)));
    }
    return plan;
  }

  private static void listeners(SolrClusterObservation o, DesiredSolrCluster d, String lbName, String tgName,
      Map<String, String> tags, List<Change<SolrClusterPorts>> changes) {
    String tgArn = o.targetGroup().map(LoadBalancing.ObservedTargetGroup::arn).orElse(null);
    // Part 1 has no standby: the test listener also forwards to the active colour.
    for (var listener : List.of(Map.entry(d.livePort(), "live"), Map.entry(d.testPort(), "test"))) {
      int port = listener.getKey();
      Optional<LoadBalancing.ObservedListener> found = o.listener(port);
      if (found.isEmpty()) {
        changes.add(createListener(lbName, port, tgName, listener.getValue(), tags));
      } else if (tgArn != null && !tgArn.equals(found.get().targetGroupArn())) {
        changes.add(forward(lbName, port, found.get().arn(), tgName, listener.getValue() + " listener forwards to "
            + found.get().targetGroupArn() + " -> " + tgName));
      }
    }
  }

  private static Plan<SolrClusterPorts> solr(SolrClusterObservation o, DesiredSolrCluster d, Colour colour,
      String asgName, List<ScalingGroups.Member> staying, Optional<ScaleInStatus> scaleIn,
      List<Change<SolrClusterPorts>> changes) {
    if (o.solr().isEmpty()) {
      return new Plan<>(changes);
    }
    SolrState solr = o.solr().get();
    String endpoint = o.endpoint(d.livePort());
    boolean allHealthy = o.healthyNodes() >= Math.min(d.nodes(), staying.size()) && staying.size() >= d.nodes();
    List<CollectionSpec> missing = d.collections().stream().filter(c -> !solr.collections().contains(c.getName()))
        .toList();
    if (!missing.isEmpty() && allHealthy && !d.configSetFiles().isEmpty()) {
      changes.add(uploadConfigSet(endpoint, colour.id(), d.configSetName(), d.configSetFiles(),
          d.revision().getConfigSetHash()));
      missing.forEach(c -> changes.add(createCollection(endpoint, colour.id(), c, d.configSetName())));
    }
    // Replicas lost with a node AWS replaced: re-created once the colour has its nodes (not while it scales).
    if (scaleIn.isEmpty() && allHealthy && staying.size() == d.nodes() && missing.isEmpty()) {
      changes.addAll(ReplicaRepair.plan(solr, d.collections(), endpoint, colour.id()));
    }
    if (scaleIn.isPresent()) {
      for (String instance : scaleIn.get().getInstances()) {
        if (staying.stream().noneMatch(m -> m.id().equals(instance))) {
          continue; // already terminated
        }
        String node = Optional.ofNullable(o.addresses().get(instance)).map(SolrState::nodeName).orElse(null);
        int replicas = node == null ? 0 : solr.replicasPerNode().getOrDefault(node, 0);
        if (replicas > 0) {
          changes.add(moveReplicas(endpoint, colour.id(), instance, node, replicas));
        } else if (!solr.anyRed()) {
          changes.add(protect(asgName, List.of(instance), false, "scale-in: its replicas were moved"));
          changes.add(terminate(asgName, instance));
        }
      }
      return new Plan<>(changes);
    }
    if (staying.size() > d.nodes() && missing.isEmpty()) {
      // Newest first (highest instance id as a stable stand-in for launch order): they hold the fewest replicas.
      List<String> chosen = staying.stream().map(ScalingGroups.Member::id).sorted(Comparator.reverseOrder())
          .limit(staying.size() - d.nodes()).sorted().toList();
      for (String instance : chosen) {
        String node = Optional.ofNullable(o.addresses().get(instance)).map(SolrState::nodeName).orElse(null);
        int replicas = node == null ? 0 : solr.replicasPerNode().getOrDefault(node, 0);
        if (replicas > 0) {
          changes.add(moveReplicas(endpoint, colour.id(), instance, node, replicas));
        }
      }
      if (o.revisionPinned()) {
        return new Plan<>(changes).committingFirst(new StatusCommit("scale in " + colour.id() + ": remove "
            + String.join(", ", chosen), status -> ((SolrClusterStatus) status)
            .setScaleIn(new ScaleInStatus(colour.id(), chosen))));
      }
    }
    return new Plan<>(changes);
  }

  /** Deletion: listeners, load balancer, group (with its nodes), target group, template; only what is ours. */
  public static Plan<SolrClusterPorts> deletion(SolrClusterObservation o, Function<String, Boolean> deletable) {
    SolrClusterNames names = o.desired().names();
    Colour colour = o.desired().active();
    List<Change<SolrClusterPorts>> changes = new ArrayList<>();
    o.loadBalancer().filter(lb -> deletable.apply(SolrClusterKind.loadBalancerKey(names))).ifPresent(lb -> {
      o.listeners().forEach(l -> changes.add(deleteListener(names.loadBalancer() + ":" + l.port(), l.arn())));
      changes.add(deleteLoadBalancer(names.loadBalancer(), lb.arn()));
    });
    o.group().filter(g -> deletable.apply(SolrClusterKind.groupKey(names, colour)))
        .ifPresent(g -> changes.add(deleteGroup(g.name())));
    o.targetGroup().filter(tg -> deletable.apply(SolrClusterKind.targetGroupKey(names, colour)))
        .ifPresent(tg -> changes.add(deleteTargetGroup(tg.name(), tg.arn())));
    o.template().filter(lt -> deletable.apply(SolrClusterKind.templateKey(names, colour)))
        .ifPresent(lt -> changes.add(deleteTemplate(lt.name())));
    return new Plan<>(changes);
  }

  static void pin(SolrClusterStatus status, Colour colour, RevisionStatus revision) {
    ColourStatus colourStatus = Optional.ofNullable(status.colour(colour.id())).orElseGet(ColourStatus::new);
    colourStatus.setRevision(revision);
    status.setColour(colour.id(), colourStatus);
    if (status.getActiveColour() == null) {
      status.setActiveColour(colour.id());
    }
  }

  /** The spec's and account's tags, then the ownership tags, which win. */
  static Map<String, String> tags(DesiredSolrCluster d, OwnerTags mine) {
    Map<String, String> tags = new LinkedHashMap<>(d.tags());
    tags.putAll(mine.asTags());
    return tags;
  }

  /** One token per (owner, template, revision): a retried create returns the template the first one made. */
  static String clientToken(OwnerTags mine, String template, RevisionStatus revision) {
    return "kaizen-" + SolrClusterNames.sha256(mine.uid() + "/" + template + "/" + revision.summary()).substring(0, 40);
  }

  private static String retagReason(Function<String, Ownership> verdict, String name, SolrClusterNames names) {
    return switch (verdict.apply(SolrClusterKind.loadBalancerKey(names))) {
      case ADOPT -> "adopt: untagged, spec.adopt is true";
      case REATTACH -> "re-attach: same owner, new uid";
      default -> "take over from a previous cluster identity";
    };
  }
}
