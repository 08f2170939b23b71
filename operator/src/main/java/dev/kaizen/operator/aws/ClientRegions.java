package dev.kaizen.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * The region a service's client is built for. A global service (Route 53, IAM) has one endpoint per partition: its
 * client is built for the global region of the target's partition ({@code aws-global}, {@code aws-cn-global}, ...),
 * whatever region the target names, so an account has one such client; every other service's for the target's
 * region.
 *
 * <p>Which services are global, and a region's partition, are tables here, not the SDK's endpoint metadata read at
 * run time: asking the SDK for one service's or one region's metadata ({@code Route53Client.serviceMetadata()},
 * {@code Region.metadata()}) builds every service's (~300 classes and 3.5 MiB of heap, measured), which the real
 * clients never need. ClientRegionsTest holds both tables to the SDK's metadata: every client interface on the
 * classpath, every region the SDK knows.
 */
public final class ClientRegions {
  /** The SDK client interfaces whose endpoint metadata lists only partition-global regions. */
  static final Set<String> PARTITION_GLOBAL = Set.of(
      "software.amazon.awssdk.services.route53.Route53Client",
      "software.amazon.awssdk.services.iam.IamClient",
      "software.amazon.awssdk.services.cloudfront.CloudFrontClient",
      "software.amazon.awssdk.services.organizations.OrganizationsClient");

  /** A region's partition by its name, as the SDK's partition metadata matches them; any other is {@code aws}. */
  private static final List<Map.Entry<Pattern, String>> PARTITIONS = List.of(
      Map.entry(Pattern.compile("(aws-cn|cn-).*"), "aws-cn"),
      Map.entry(Pattern.compile("(aws-us-gov|us-gov-).*"), "aws-us-gov"),
      Map.entry(Pattern.compile("(aws-iso-b|us-isob-).*"), "aws-iso-b"),
      Map.entry(Pattern.compile("(aws-iso-e|eu-isoe-).*"), "aws-iso-e"),
      Map.entry(Pattern.compile("(aws-iso-f|us-isof-).*"), "aws-iso-f"),
      Map.entry(Pattern.compile("(aws-iso|us-iso-).*"), "aws-iso"),
      Map.entry(Pattern.compile("(aws-eusc|eusc-).*"), "aws-eusc"));

  private ClientRegions() {}

  public static Region regionFor(Class<? extends SdkClient> type, Region target) {
    if (!PARTITION_GLOBAL.contains(type.getName())) {
      return target;
    }
    return Region.of(partitionOf(target) + "-global");
  }

  static String partitionOf(Region region) {
    return PARTITIONS.stream().filter(p -> p.getKey().matcher(region.id()).matches()).map(Map.Entry::getValue)
        .findFirst().orElse("aws");
  }
}
