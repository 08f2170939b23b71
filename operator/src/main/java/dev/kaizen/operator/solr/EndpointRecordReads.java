package dev.kaizen.operator.solr;

import dev.kaizen.operator.api.v1alpha1.solr.EndpointDnsSpec;
import dev.kaizen.operator.api.v1alpha1.solr.EndpointRecordStatus;
import dev.kaizen.operator.api.v1alpha1.solr.SolrCluster;
import dev.kaizen.operator.api.v1alpha1.solr.SolrClusterStatus;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;

/**
 * SolrCluster's side of the endpoint record in the kind contract: what to read (the name spec.dns asks for, and the
 * one status names when that differs), which objects it owns (an alias type per marker part) and what status says.
 */
final class EndpointRecordReads {
  private EndpointRecordReads() {}

  static EndpointRecordObservation observe(SolrCluster cluster, EndpointRecords route53) {
    EndpointDnsSpec dns = cluster.getSpec().getDns();
    Optional<EndpointRecordStatus> recorded = recorded(cluster);
    if (dns == null && recorded.isEmpty()) {
      return EndpointRecordObservation.NONE;
    }
    Optional<ObservedEndpointRecord> current = Optional.ofNullable(dns).map(d -> {
      String zone = d.getHostedZoneId() != null ? d.getHostedZoneId() : route53.zoneId(d.getHostedZoneName());
      try {
        return route53.read(zone, d.getRecordName());
      } catch (NoSuchHostedZoneException gone) {
        route53.forgetZone(zone); // found by name, then deleted: look it up again next time
        throw gone;
      }
    });
    Optional<ObservedEndpointRecord> former = recorded.filter(r -> current.map(c -> !sameName(c, r)).orElse(true))
        .flatMap(r -> {
          try {
            return Optional.of(route53.read(r.getHostedZoneId(), r.getName()));
          } catch (NoSuchHostedZoneException gone) {
            return Optional.empty(); // the zone went, and our records with it
          }
        });
    return new EndpointRecordObservation(current, former);
  }

  /** {@code kaizen plan} against an empty account: nothing at the name yet. */
  static EndpointRecordObservation emptyAccount(SolrCluster cluster) {
    return Optional.ofNullable(cluster.getSpec().getDns()).map(d -> new EndpointRecordObservation(Optional.of(
        ObservedEndpointRecord.absent(d.getHostedZoneId() != null ? d.getHostedZoneId()
            : "(hosted zone " + d.getHostedZoneName() + ")", d.getRecordName())), Optional.empty()))
        .orElse(EndpointRecordObservation.NONE);
  }

  /**
   * The alias types at the spec's name (A always, AAAA when wanted or marked), each judged on its marker value; at a
   * former name only those whose marker names this resource (someone else's is none of our business there).
   */
  static List<OwnedObject> owned(SolrCluster cluster, SolrClusterObservation o) {
    String owner = OwnerTags.owner(cluster.getMetadata().getNamespace(), SolrCluster.KIND,
        cluster.getMetadata().getName());
    List<OwnedObject> objects = new ArrayList<>();
    o.endpoint().current().ifPresent(at -> {
      boolean dualstack = o.loadBalancer().map(LoadBalancing.ObservedLoadBalancer::dualstack).orElse(false);
      for (String type : EndpointRecordPlanner.TYPES) {
        // A CNAME at the name is in the way of the A alias: the A object exists, unowned unless marked.
        boolean exists = at.record(type).isPresent() || EndpointRecordPlanner.marked(at, type)
            || type.equals("A") && at.record("CNAME").isPresent();
        if (type.equals("A") || dualstack || owner.equals(EndpointRecordPlanner.ownerOf(at, type, owner).owner())) {
          objects.add(object(at, type, exists, owner));
        }
      }
    });
    o.endpoint().former().ifPresent(at -> {
      for (String type : EndpointRecordPlanner.TYPES) {
        if (owner.equals(EndpointRecordPlanner.ownerOf(at, type, owner).owner())) {
          objects.add(object(at, type, true, owner));
        }
      }
    });
    return objects;
  }

  private static OwnedObject object(ObservedEndpointRecord at, String type, boolean exists, String owner) {
    return new OwnedObject(EndpointRecordPlanner.key(type, at.name()), exists,
        exists ? Optional.of(EndpointRecordPlanner.ownerOf(at, type, owner)) : Optional.empty(), Optional.empty());
  }

  /**
   * status.endpointRecord: the spec's name once nothing of ours is left at a former one (until then the former,
   * so a restart still knows what to remove); its endpoint only while the A alias points at the load balancer.
   */
  static void describe(SolrClusterStatus status, SolrClusterObservation o, SolrCluster cluster) {
    EndpointDnsSpec dns = cluster.getSpec().getDns();
    String owner = OwnerTags.owner(cluster.getMetadata().getNamespace(), SolrCluster.KIND,
        cluster.getMetadata().getName());
    EndpointRecordObservation e = o.endpoint();
    // Records and marker values go together: a marker value of ours left means something is left to remove.
    boolean formerLeft = e.former().map(f -> EndpointRecordPlanner.TYPES.stream()
        .anyMatch(type -> owner.equals(EndpointRecordPlanner.ownerOf(f, type, owner).owner()))).orElse(false);
    if (formerLeft) {
      return;
    }
    if (dns == null || e.current().isEmpty()) {
      status.setEndpointRecord(null);
      return;
    }
    ObservedEndpointRecord at = e.current().get();
    if (at.zoneId().startsWith("(")) {
      return; // kaizen plan without an account: the zone is not known
    }
    List<String> pointing = o.loadBalancer().filter(lb -> lb.canonicalHostedZoneId() != null)
        .map(lb -> EndpointRecordPlanner.TYPES.stream().filter(type -> at.record(type)
            .filter(set -> EndpointRecordPlanner.pointsAt(set, EndpointRecordPlanner.aliasTo(lb))).isPresent())
            .toList()).orElse(List.of());
    String name = EndpointRecordPlanner.display(at.name());
    status.setEndpointRecord(new EndpointRecordStatus(name, at.zoneId(), pointing, pointing.contains("A")
        ? "http://" + name + ":" + o.desired().livePort() + "/solr" : null));
  }

  private static Optional<EndpointRecordStatus> recorded(SolrCluster cluster) {
    return Optional.ofNullable(cluster.getStatus()).map(SolrClusterStatus::getEndpointRecord)
        .filter(r -> r.getName() != null && r.getHostedZoneId() != null);
  }

  private static boolean sameName(ObservedEndpointRecord current, EndpointRecordStatus recorded) {
    return current.zoneId().equals(recorded.getHostedZoneId())
        && current.name().equals(EndpointRecords.fqdn(recorded.getName()));
  }
}
