package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import java.util.List;
import java.util.Optional;

/**
 * The configuration set a MailRoute asks for, with defaults applied.
 *
 * @param dedicatedIpPool the pool the set sends from; empty: the account's default
 * @param suppressedReasons empty Optional: the account's suppression settings apply (SES gets no SuppressionOptions)
 */
public record DesiredConfigurationSet(String name, String tlsPolicy, boolean reputationMetrics,
    boolean sendingEnabled, Optional<List<String>> suppressedReasons, Optional<DesiredDedicatedIpPool> dedicatedIpPool) {

  /** The pool's name, or null: the set's sending pool as SES keeps it. */
  public String sendingPoolName() {
    return dedicatedIpPool.map(DesiredDedicatedIpPool::name).orElse(null);
  }

  public static DesiredConfigurationSet of(ConfigurationSetSpec spec) {
    return new DesiredConfigurationSet(spec.getName(),
        spec.getTlsPolicy() == null ? "OPTIONAL" : spec.getTlsPolicy().name(),
        !Boolean.FALSE.equals(spec.getReputationMetrics()), !Boolean.FALSE.equals(spec.getSendingEnabled()),
        Optional.ofNullable(spec.getSuppressedReasons()).map(reasons -> reasons.stream().map(Enum::name).sorted()
            .distinct().toList()),
        Optional.ofNullable(spec.getDedicatedIpPool()).map(DesiredDedicatedIpPool::of));
  }
}
