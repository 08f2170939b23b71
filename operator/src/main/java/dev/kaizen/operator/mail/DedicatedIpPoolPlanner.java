package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dedicated IP pool's part of a MailRoute plan: the pool created with its tags, then (STANDARD) each listed IP
 * moved in from SES's default pool and each unlisted one moved back there. A STANDARD pool is emptied before it is
 * deleted: SES refuses to delete one that still holds IPs. A STANDARD pool the spec now wants MANAGED is converted in
 * place (PutDedicatedIpPoolScalingAttributes); SES refuses the other way, so that one stalls (the CRD refuses the
 * edit, but a pool adopted, or changed in SES, can still differ).
 */
final class DedicatedIpPoolPlanner {
  private DedicatedIpPoolPlanner() {}

  static String key(String name) {
    return "SES dedicated IP pool " + name;
  }

  /**
   * The changes for {@code desired}; none while the pool exists and is not ours (the loop reports the conflict).
   *
   * @param ipPools for each listed IP not in the pool: the pool it is in now, or empty when the account has not
   *     leased it
   */
  static List<Change<MailRoutePorts>> plan(DesiredDedicatedIpPool desired, Optional<ObservedDedicatedIpPool> observed,
      Map<String, Optional<String>> ipPools, Verdicts verdicts, OwnerTags mine, Map<String, String> defaultTags) {
    String name = desired.name();
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    List<String> inPool = observed.map(ObservedDedicatedIpPool::ips).orElse(List.of());
    if (observed.isEmpty()) {
      changes.add(Change.of(Effect.CREATE, "CreateDedicatedIpPool", name, "absent; scaling " + desired.scalingMode(),
          ports -> ports.pools().create(name, desired.scalingMode(), MailRoutePlanner.tags(ports.defaultTags(), mine))));
    } else if (!verdicts.of(key(name)).mayManage()) {
      return List.of();
    } else if (observed.get().standard() || desired.scalingMode().equals(observed.get().scalingMode())) {
      // tagged first: SES's IAM authorizes the conversion below on this cluster's tag
      Map<String, String> wantedTags = MailRoutePlanner.tags(defaultTags, mine);
      MailRoutePlanner.missingTags(observed.get().tags(), wantedTags).ifPresent(missing -> changes.add(Change.of(
          Effect.UPDATE, "TagResource", "dedicated-ip-pool/" + name, missing,
          ports -> ports.pools().tag(name, wantedTags))));
      if (!desired.scalingMode().equals(observed.get().scalingMode())) {
        changes.add(Change.of(Effect.UPDATE, "PutDedicatedIpPoolScalingAttributes", name,
            observed.get().scalingMode() + " -> " + desired.scalingMode() + ": SES sizes the pool from now on"
                + keptIps(observed.get().ips()),
            ports -> ports.pools().changeScalingMode(name, desired.scalingMode())));
      }
    } else {
      throw new MailRouteStalled(MailRouteStalled.DEDICATED_IP_POOL_MISMATCH, "The dedicated IP pool " + name
          + " is " + observed.get().scalingMode() + ", the spec asks for " + desired.scalingMode() + ": SES cannot"
          + " convert a MANAGED pool to STANDARD; give the pool another name.");
    }
    if (!desired.standard()) {
      return changes;
    }
    for (String ip : desired.ips()) {
      if (inPool.contains(ip)) {
        continue;
      }
      Optional<String> now = ipPools.getOrDefault(ip, Optional.empty());
      if (now.isEmpty()) {
        throw new MailRouteStalled(MailRouteStalled.DEDICATED_IP_UNAVAILABLE, "The account has not leased the"
            + " dedicated IP " + ip + " in this region (SES does not know it): lease it through AWS Support, or remove"
            + " it from dedicatedIpPool.ips.");
      }
      if (!now.get().equals(DesiredDedicatedIpPool.SES_DEFAULT_POOL) && !now.get().equals(name)) {
        throw new MailRouteStalled(MailRouteStalled.DEDICATED_IP_UNAVAILABLE, "The dedicated IP " + ip + " is in the"
            + " pool " + now.get() + ", which this MailRoute does not own: move it to "
            + DesiredDedicatedIpPool.SES_DEFAULT_POOL + " first, or remove it from dedicatedIpPool.ips.");
      }
      changes.add(Change.of(Effect.UPDATE, "PutDedicatedIpInPool", ip, now.get() + " -> " + name,
          ports -> ports.pools().move(ip, name)));
    }
    for (String ip : inPool) {
      if (!desired.ips().contains(ip)) {
        changes.add(moveOut(ip, name, "no longer in dedicatedIpPool.ips"));
      }
    }
    return changes;
  }

  /**
   * The pool going away (the resource deleted, or the spec dropped it): a STANDARD pool's IPs moved back to SES's
   * default pool first, then the pool deleted. Ours only: the caller checks the verdict.
   */
  static List<Change<MailRoutePorts>> removal(ObservedDedicatedIpPool pool, String reason) {
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    if (pool.standard()) {
      pool.ips().forEach(ip -> changes.add(moveOut(ip, pool.name(), reason)));
    }
    String name = pool.name();
    changes.add(Change.of(Effect.DELETE, "DeleteDedicatedIpPool", name, reason, ports -> ports.pools().delete(name)));
    return changes;
  }

  /** What a conversion does to the IPs a STANDARD pool holds: they stay in it, SES's to manage. */
  private static String keptIps(List<String> ips) {
    return ips.isEmpty() ? "" : " (its IPs " + String.join(", ", ips) + " stay in it, no longer moved by the operator)";
  }

  private static Change<MailRoutePorts> moveOut(String ip, String pool, String reason) {
    return Change.of(Effect.UPDATE, "PutDedicatedIpInPool", ip, pool + " -> " + DesiredDedicatedIpPool.SES_DEFAULT_POOL
        + ": " + reason, ports -> ports.pools().move(ip, DesiredDedicatedIpPool.SES_DEFAULT_POOL));
  }
}
