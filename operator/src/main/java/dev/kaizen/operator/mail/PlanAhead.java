package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code kaizen plan} shows for a domain SES does not know yet, beyond CreateEmailIdentity: the operator creates
 * the identity first and plans the rest from what SES then answers (one step per reconcile), so the command line
 * plans the rest against the identity as SES creates it (pending, no MAIL FROM, no configuration set, our tags) and
 * an empty zone. The DKIM CNAMEs are not invented: their tokens are SES's, known once it creates the identity; the
 * plan says so in their own line. These changes are shown, never applied.
 */
final class PlanAhead {
  private PlanAhead() {}

  /**
   * @param empty the observation without an identity (offline: an empty account)
   * @param verdicts as judged on that observation (an absent object is ours to create)
   */
  static Plan<MailRoutePorts> plan(Plan<MailRoutePorts> create, MailRouteObservation empty, Verdicts verdicts,
      OwnerTags mine) {
    DesiredMailRoute desired = empty.desired();
    ObservedIdentity created = new ObservedIdentity(desired.domain(), "PENDING", "PENDING", List.of(),
        desired.keyLength(), null, null, null, "USE_DEFAULT_VALUE", MailRoutePlanner.tags(empty.defaultTags(), mine),
        null);
    String region = empty.target().region().id();
    // What was read stays as read (a live plan against an account holding some of it); the rest is absent.
    MailRouteObservation afterCreate = new MailRouteObservation(empty.target(), desired, Optional.of(created),
        empty.zoneId(), empty.parts(), empty.records(), empty.apexSpf(), empty.account(), empty.configurationSet(),
        empty.dedicatedIpPool(), ipPools(empty), empty.defaultTags(), empty.deliveryLog()
            .or(() -> desired.deliveryLog().map(log -> ObservedDeliveryLog.nothing(
                "arn:aws:logs:" + region + ":(account):log-group:", "arn:aws:events:" + region
                    + ":(account):event-bus/default"))),
        empty.reputationAlarms().or(() -> desired.reputationAlarms().isEmpty() ? Optional.empty()
            : Optional.of(new ObservedReputationAlarms(List.of(), Optional.of(Map.of())))));
    List<Change<MailRoutePorts>> changes = new ArrayList<>(create.changes());
    changes.addAll(MailRoutePlanner.plan(afterCreate, verdicts, markable(mine), Optional.empty()).changes());
    if (!desired.manualDns()) {
      empty.zoneId().ifPresent(zone -> changes.add(Change.of(Effect.CREATE, "ChangeResourceRecordSets", zone,
          "CREATE the DKIM CNAMEs <token>._domainkey." + desired.domain() + " -> <token>.dkim.amazonses.com and their"
              + " _kaizen-owner markers: the tokens are SES's, known once it creates the identity",
          ports -> {
            throw new IllegalStateException("a plan-ahead change is shown, never applied");
          })));
    }
    return new Plan<>(changes, create.commit());
  }

  /**
   * Offline the cluster identity and the uid are not known ("(unknown cluster)"), which no DNS ownership marker may
   * hold: the markers are planned with placeholders instead (shown, never written).
   */
  private static OwnerTags markable(OwnerTags mine) {
    return new OwnerTags(markable(mine.cluster(), "unknown-cluster"), markable(mine.owner(), "unknown-owner"),
        markable(mine.uid(), "unknown-uid"));
  }

  private static String markable(String field, String placeholder) {
    return field != null && !field.isEmpty() && field.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ','
        && c != '"' && c != '\\') ? field : placeholder;
  }

  /**
   * Where the pool's IPs are: as read; offline (nothing read), in SES's default dedicated pool, where the operator
   * expects leased IPs to be (an IP elsewhere stalls the operator's plan; the plan cannot know offline).
   */
  private static Map<String, Optional<String>> ipPools(MailRouteObservation empty) {
    if (!empty.ipPools().isEmpty() || empty.dedicatedIpPool().isPresent()) {
      return empty.ipPools();
    }
    Map<String, Optional<String>> assumed = new java.util.LinkedHashMap<>();
    empty.desired().configurationSet().flatMap(DesiredConfigurationSet::dedicatedIpPool)
        .filter(DesiredDedicatedIpPool::standard)
        .ifPresent(pool -> pool.ips().forEach(ip -> assumed.put(ip, Optional.of(
            DesiredDedicatedIpPool.SES_DEFAULT_POOL))));
    return assumed;
  }
}
