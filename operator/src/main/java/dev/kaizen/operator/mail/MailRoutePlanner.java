package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pure planner of a MailRoute: the identity first (the DKIM records need its tokens), then its signing key and
 * MAIL FROM, then one Route 53 change batch for the zone holding every DNS change, followed to INSYNC.
 */
public final class MailRoutePlanner {
  /** The request annotation that restarts a DKIM verification SES gave up on: {@code kaizen.dev/retry-verification}. */
  public static final String RETRY_VERIFICATION = "retry-verification";
  static final String ROUTE53_HANDLE = "route53:";

  private MailRoutePlanner() {}

  public static Plan<MailRoutePorts> plan(MailRouteObservation observed, Verdicts verdicts, OwnerTags mine,
      Optional<Requests.Request> retryVerification) {
    DesiredMailRoute desired = observed.desired();
    String domain = desired.domain();
    if (observed.identity().isEmpty()) {
      return new Plan<>(List.of(Change.of(Effect.CREATE, "CreateEmailIdentity", domain,
          "absent; Easy DKIM " + desired.keyLength(), ports -> ports.ses().create(domain, desired.keyLength(),
              tags(ports.defaultTags(), mine)))));
    }
    if (!verdicts.root().mayManage()) {
      return Plan.empty();
    }
    ObservedIdentity identity = observed.identity().get();
    if (!desired.keyLength().equals(identity.keyLength())) {
      // New tokens follow: the DNS is planned from them at the next reconcile.
      return new Plan<>(List.of(restartDkim(domain, desired.keyLength(),
          "key length " + identity.keyLength() + " -> " + desired.keyLength() + " (verification starts over)")));
    }
    if ("FAILED".equals(identity.dkimStatus())) {
      if (retryVerification.isEmpty()) {
        throw new MailRouteStalled(MailRouteStalled.DKIM_VERIFICATION_FAILED, dkimFailure(observed));
      }
      return new Plan<>(List.of(restartDkim(domain, desired.keyLength(), "verification failed; restarted on request "
          + retryVerification.get().annotation() + "=" + retryVerification.get().value())))
          .committingFirst(retryVerification.get().acknowledgement());
    }
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    Map<String, String> wantedTags = tags(observed.defaultTags(), mine);
    missingTags(identity.tags(), wantedTags).ifPresent(missing -> changes.add(Change.of(Effect.UPDATE, "TagResource",
        "identity/" + domain, missing, ports -> ports.ses().tag(domain, wantedTags))));
    String mailFrom = desired.mailFromDomain().orElse(null);
    boolean mailFromDiffers = !Objects.equals(mailFrom, identity.mailFromDomain())
        || mailFrom != null && !desired.behaviorOnMxFailure().equals(identity.behaviorOnMxFailure());
    if (mailFromDiffers) {
      changes.add(Change.of(Effect.UPDATE, "PutEmailIdentityMailFromAttributes", domain,
          "MAIL FROM " + Objects.requireNonNullElse(identity.mailFromDomain(), "(SES's own)") + " -> "
              + Objects.requireNonNullElse(mailFrom, "(SES's own)")
              + (mailFrom == null ? "" : ", on MX failure " + desired.behaviorOnMxFailure()),
          ports -> ports.ses().mailFrom(domain, mailFrom, desired.behaviorOnMxFailure())));
    }
    desired.configurationSet().ifPresent(set -> {
      // The pool first: the set is created (or pointed) at a pool that exists.
      set.dedicatedIpPool().ifPresent(pool -> changes.addAll(DedicatedIpPoolPlanner.plan(pool,
          observed.dedicatedIpPool(), observed.ipPools(), verdicts, mine, observed.defaultTags())));
      changes.addAll(ConfigurationSetPlanner.plan(set, observed.configurationSet(), identity, verdicts, mine,
          observed.defaultTags()));
    });
    // After the set: its event destination needs it. Not while the set is someone else's.
    desired.deliveryLog().filter(log -> observed.configurationSet().isEmpty()
        || verdicts.of(ConfigurationSetPlanner.key(log.configurationSet())).mayManage())
        .ifPresent(log -> observed.deliveryLog().ifPresent(found -> changes.addAll(DeliveryLogPlanner.plan(log, found,
            verdicts, mine, observed.defaultTags()))));
    // The alarms watch the set's metrics: not while the set is someone else's.
    observed.reputationAlarms().filter(found -> desired.configurationSet().map(set -> observed.configurationSet()
        .isEmpty() || verdicts.of(ConfigurationSetPlanner.key(set.name())).mayManage()).orElse(false))
        .ifPresent(found -> changes.addAll(ReputationAlarmPlanner.plan(desired.reputationAlarms(), found, verdicts,
            mine, observed.defaultTags())));
    if (!desired.manualDns() && observed.zoneId().isPresent()) {
      String zoneId = observed.zoneId().get();
      List<RecordChange> batch = DnsPlanner.plan(observed.parts(), observed::recordsAt, verdicts::of, mine);
      if (!batch.isEmpty()) {
        changes.add(dnsBatch(zoneId, batch));
      }
    }
    return new Plan<>(changes);
  }

  /** The one change batch of a zone, followed to INSYNC through its change ID (kept in status.pending). */
  static Change<MailRoutePorts> dnsBatch(String zoneId, List<RecordChange> batch) {
    return Change.awaiting(Effect.UPDATE, "ChangeResourceRecordSets", zoneId,
        batch.stream().map(RecordChange::describe).collect(Collectors.joining(", ")),
        ports -> ROUTE53_HANDLE + ports.dns().change(zoneId, batch));
  }

  /** The deletion batch needs no INSYNC: nothing waits on records that are going away. */
  static Change<MailRoutePorts> dnsDeletion(String zoneId, List<RecordChange> batch) {
    return Change.of(Effect.DELETE, "ChangeResourceRecordSets", zoneId,
        batch.stream().map(RecordChange::describe).collect(Collectors.joining(", ")),
        ports -> ports.dns().change(zoneId, batch));
  }

  /**
   * Why an existing object needs TagResource: the tags of {@code wanted} it lacks or carries with another value (an
   * object re-attached, taken over or adopted; an account default tag added since it was created). Empty: none.
   * Tags it has beyond those are never removed.
   */
  static Optional<String> missingTags(Map<String, String> found, Map<String, String> wanted) {
    List<String> missing = wanted.entrySet().stream().filter(e -> !e.getValue().equals(found.get(e.getKey())))
        .map(Map.Entry::getKey).sorted().toList();
    return missing.isEmpty() ? Optional.empty() : Optional.of("tags " + String.join(", ", missing) + " not as wanted");
  }

  /** The account's default tags with the ownership tags, which win. */
  static Map<String, String> tags(Map<String, String> defaults, OwnerTags mine) {
    Map<String, String> tags = new LinkedHashMap<>(defaults);
    tags.putAll(mine.asTags());
    return tags;
  }

  private static Change<MailRoutePorts> restartDkim(String domain, String keyLength, String reason) {
    return Change.of(Effect.UPDATE, "PutEmailIdentityDkimSigningAttributes", domain, reason,
        ports -> ports.ses().restartDkim(domain, keyLength));
  }

  private static String dkimFailure(MailRouteObservation observed) {
    List<String> expected = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (DnsPart part : observed.parts()) {
      if (!part.type().equals("CNAME") || part.value().isEmpty()) {
        continue;
      }
      expected.add(RecordSet.display(part.name()) + " CNAME " + part.value().get());
      observed.record(part.name(), "CNAME").ifPresentOrElse(
          set -> found.add(RecordSet.display(part.name()) + " CNAME " + String.join(",", set.values())),
          () -> found.add(RecordSet.display(part.name()) + " missing"));
    }
    return "SES gave up verifying DKIM for " + observed.desired().domain() + " (it looks for 72 hours). Expected: "
        + String.join("; ", expected) + ". Found: " + (observed.zoneId().isEmpty() ? "(manual DNS, not read)"
        : String.join("; ", found)) + ". Fix the records, then set the annotation kaizen.dev/" + RETRY_VERIFICATION
        + " to a new value (e.g. the time) to restart verification.";
  }
}
