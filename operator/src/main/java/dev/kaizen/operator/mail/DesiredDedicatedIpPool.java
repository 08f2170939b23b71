package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.DedicatedIpPoolSpec;
import java.util.List;

/**
 * The dedicated IP pool a MailRoute's configuration set asks for.
 *
 * @param ips the leased IPs a STANDARD pool must hold, sorted (none for MANAGED: SES picks them)
 */
public record DesiredDedicatedIpPool(String name, String scalingMode, List<String> ips) {
  /** Where SES keeps a leased IP that is in no pool of the account's own. */
  public static final String SES_DEFAULT_POOL = "ses-default-dedicated-pool";
  public static final String STANDARD = "STANDARD";

  public DesiredDedicatedIpPool {
    ips = ips.stream().sorted().distinct().toList();
  }

  public static DesiredDedicatedIpPool of(DedicatedIpPoolSpec spec) {
    String mode = spec.getScalingMode() == null ? STANDARD : spec.getScalingMode().name();
    return new DesiredDedicatedIpPool(spec.getName(), mode, STANDARD.equals(mode) ? spec.getIps() : List.of());
  }

  public boolean standard() {
    return STANDARD.equals(scalingMode);
  }
}
