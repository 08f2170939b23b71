package dev.kaizen.operator.mail;

import java.util.List;
import java.util.Map;

/**
 * A dedicated IP pool as SES shows it: GetDedicatedIpPool, its tags (ListTagsForResource on its ARN) and its IPs
 * (GetDedicatedIps by pool, every page).
 */
public record ObservedDedicatedIpPool(String name, String scalingMode, Map<String, String> tags, List<String> ips) {

  public ObservedDedicatedIpPool {
    tags = Map.copyOf(tags);
    ips = ips.stream().sorted().distinct().toList();
  }

  public boolean standard() {
    return DesiredDedicatedIpPool.STANDARD.equals(scalingMode);
  }
}
