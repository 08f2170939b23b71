package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SES v2 configuration set as GetConfigurationSet shows it.
 *
 * @param sendingPoolName the dedicated IP pool of its DeliveryOptions, or null
 * @param suppressedReasons empty Optional when the set has no SuppressionOptions (the account's settings apply)
 */
public record ObservedConfigurationSet(String name, String tlsPolicy, boolean reputationMetrics,
    boolean sendingEnabled, Optional<List<String>> suppressedReasons, String sendingPoolName, Map<String, String> tags) {

  public ObservedConfigurationSet {
    suppressedReasons = suppressedReasons.map(reasons -> reasons.stream().sorted().distinct().toList());
    tags = Map.copyOf(tags);
  }
}
