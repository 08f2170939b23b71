package dev.kaizen.operator.mail;

import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Effect;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration set's part of a MailRoute plan: created with every option in one call, each option that drifted
 * put back on its own (SES has one operation per option block), then made the identity's default.
 */
final class ConfigurationSetPlanner {
  private ConfigurationSetPlanner() {}

  static String key(String name) {
    return "SES configuration set " + name;
  }

  /**
   * The changes for {@code desired}; none while the set exists and is not ours (the loop reports the conflict), and
   * the identity is then not pointed at it either: mail must not go through a set someone else controls.
   */
  static List<Change<MailRoutePorts>> plan(DesiredConfigurationSet desired, Optional<ObservedConfigurationSet> observed,
      ObservedIdentity identity, Verdicts verdicts, OwnerTags mine, Map<String, String> defaultTags) {
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    String name = desired.name();
    if (observed.isEmpty()) {
      changes.add(Change.of(Effect.CREATE, "CreateConfigurationSet", name, "absent; TLS " + desired.tlsPolicy()
              + ", reputation metrics " + onOff(desired.reputationMetrics()) + ", sending "
              + onOff(desired.sendingEnabled()) + ", suppressed "
              + desired.suppressedReasons().map(Object::toString).orElse("(account's settings)")
              + desired.dedicatedIpPool().map(pool -> ", sending pool " + pool.name()).orElse(""),
          ports -> ports.configurationSets().create(desired, MailRoutePlanner.tags(ports.defaultTags(), mine))));
    } else if (!verdicts.of(key(name)).mayManage()) {
      return List.of();
    } else {
      ObservedConfigurationSet found = observed.get();
      Map<String, String> wantedTags = MailRoutePlanner.tags(defaultTags, mine);
      MailRoutePlanner.missingTags(found.tags(), wantedTags).ifPresent(missing -> changes.add(Change.of(Effect.UPDATE,
          "TagResource", "configuration-set/" + name, missing,
          ports -> ports.configurationSets().tag(name, wantedTags))));
      // SES sets the TLS policy and the sending pool in one call: both are sent whichever of them drifted.
      List<String> delivery = new ArrayList<>();
      if (!desired.tlsPolicy().equals(found.tlsPolicy())) {
        delivery.add("TLS " + found.tlsPolicy() + " -> " + desired.tlsPolicy());
      }
      if (!Objects.equals(desired.sendingPoolName(), found.sendingPoolName())) {
        delivery.add("sending pool " + Objects.requireNonNullElse(found.sendingPoolName(), "(account's default)")
            + " -> " + Objects.requireNonNullElse(desired.sendingPoolName(), "(account's default)"));
      }
      if (!delivery.isEmpty()) {
        changes.add(Change.of(Effect.UPDATE, "PutConfigurationSetDeliveryOptions", name, String.join(", ", delivery),
            ports -> ports.configurationSets().deliveryOptions(name, desired.tlsPolicy(), desired.sendingPoolName())));
      }
      if (desired.reputationMetrics() != found.reputationMetrics()) {
        changes.add(Change.of(Effect.UPDATE, "PutConfigurationSetReputationOptions", name,
            "reputation metrics " + onOff(found.reputationMetrics()) + " -> " + onOff(desired.reputationMetrics()),
            ports -> ports.configurationSets().reputationMetrics(name, desired.reputationMetrics())));
      }
      if (desired.sendingEnabled() != found.sendingEnabled()) {
        changes.add(Change.of(Effect.UPDATE, "PutConfigurationSetSendingOptions", name,
            "sending " + onOff(found.sendingEnabled()) + " -> " + onOff(desired.sendingEnabled()),
            ports -> ports.configurationSets().sending(name, desired.sendingEnabled())));
      }
      // Without suppressedReasons in the spec the account's settings are followed: whatever the set says is left.
      desired.suppressedReasons().filter(reasons -> !Optional.of(reasons).equals(found.suppressedReasons()))
          .ifPresent(reasons -> changes.add(Change.of(Effect.UPDATE, "PutConfigurationSetSuppressionOptions", name,
              "suppressed " + found.suppressedReasons().map(Object::toString).orElse("(account's settings)") + " -> "
                  + reasons, ports -> ports.configurationSets().suppressedReasons(name, reasons))));
    }
    if (!Objects.equals(name, identity.configurationSet())) {
      String domain = identity.name();
      changes.add(Change.of(Effect.UPDATE, "PutEmailIdentityConfigurationSetAttributes", domain,
          "default configuration set " + Objects.requireNonNullElse(identity.configurationSet(), "(none)") + " -> "
              + name, ports -> ports.configurationSets().makeDefault(domain, name)));
    }
    return changes;
  }

  /**
   * The spec dropped its configuration set: the identity stops sending through it, then it is deleted (ours only:
   * the Kind lists a dropped set only when its tags name this resource).
   */
  static List<Change<MailRoutePorts>> removal(String name, ObservedIdentity identity, Verdicts verdicts) {
    if (!verdicts.of(key(name)).mayManage()) {
      return List.of();
    }
    String domain = identity.name();
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    // The identity may already have stopped pointing at it (a removal that stopped half-way): then only delete.
    if (Objects.equals(name, identity.configurationSet())) {
      changes.add(Change.of(Effect.UPDATE, "PutEmailIdentityConfigurationSetAttributes", domain,
          "default configuration set " + name + " -> (none): spec.configurationSet removed",
          ports -> ports.configurationSets().makeDefault(domain, null)));
    }
    changes.add(Change.of(Effect.DELETE, "DeleteConfigurationSet", name, "spec.configurationSet removed",
        ports -> ports.configurationSets().delete(name)));
    return changes;
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
