package dev.kaizen.operator.aws;

import software.amazon.awssdk.regions.Region;

/**
 * One AWS account binding in one region: the unit clients, quotas and shared snapshots are kept per.
 *
 * @param account the account binding's name; {@code default} is the operator's own credentials (until the
 *     AwsAccount kind binds namespaces to other accounts)
 * @param region the AWS region
 */
public record AwsTarget(String account, Region region) {
  public static final String DEFAULT_ACCOUNT = "default";

  public static AwsTarget of(Region region) {
    return new AwsTarget(DEFAULT_ACCOUNT, region);
  }

  @Override
  public String toString() {
    return account + "@" + region.id();
  }
}
