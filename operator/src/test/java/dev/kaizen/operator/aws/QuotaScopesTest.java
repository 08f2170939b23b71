package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.RateLimitedException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Buckets are shared exactly as AWS counts the quota: per operation and region, or per service in no region. */
class QuotaScopesTest {
  private static final AwsTarget IRELAND = AwsTarget.of(Region.EU_WEST_1);
  private static final AwsTarget VIRGINIA = AwsTarget.of(Region.US_EAST_1);
  private static final AwsTarget OTHER_ACCOUNT = new AwsTarget("shop-prod", Region.EU_WEST_1);

  private final SteppedTime time = new SteppedTime();
  private final RateLimits limits = new RateLimits(time);

  @Test
  void aGlobalServiceHasOneBucketForEveryRegionAndEveryOperation() {
    // Route 53: 10 requests/s for the account, the operator's half is 5 (a burst of 5).
    takeAll(VIRGINIA, "Route53", "GetChange", 5);

    assertRefused(IRELAND, "Route53", "ChangeResourceRecordSets");
    assertRefused(VIRGINIA, "Route53", "ListHostedZonesByName");
    assertRefused(IRELAND, "Route53", "AnOperationNotInTheTable");

    time.advance(Duration.ofMillis(200)); // one token at 5/s
    limits.acquire(IRELAND, "Route53", "ChangeResourceRecordSets");
    assertRefused(VIRGINIA, "Route53", "GetChange");
  }

  @Test
  void aPerRegionPerOperationQuotaIsNotSharedAcrossRegionsOrOperations() {
    // PutRetentionPolicy: 5/s per account and region, the operator's half is 2.5 (a burst of 2).
    takeAll(IRELAND, "CloudWatchLogs", "PutRetentionPolicy", 2);
    assertRefused(IRELAND, "CloudWatchLogs", "PutRetentionPolicy");

    limits.acquire(VIRGINIA, "CloudWatchLogs", "PutRetentionPolicy");
    limits.acquire(IRELAND, "CloudWatchLogs", "TagResource");
  }

  @Test
  void ec2CountsEachCategoryOfActionsInOneBucketPerRegion() {
    // Mutating EC2 actions: 5/s per account and region together, the operator's half is 2.5 (a burst of 2).
    takeAll(IRELAND, "EC2", "CreateLaunchTemplate", 2);
    assertRefused(IRELAND, "EC2", "CreateTags");
    assertRefused(IRELAND, "EC2", "DeleteLaunchTemplate");
    // Non-mutating actions draw from their own bucket; another region has its own.
    limits.acquire(IRELAND, "EC2", "DescribeLaunchTemplates");
    limits.acquire(IRELAND, "EC2", "DescribeInstances");
    limits.acquire(VIRGINIA, "EC2", "CreateTags");
  }

  @Test
  void anEc2ActionMissingFromTheTableSharesItsOwnCategorysBucketAtThatCategorysRate() {
    // RunInstances is mutating: it shares the 2.5/s bucket (a burst of 2), not the reads' 10/s.
    assertThat(QuotaTable.operatorRate("EC2", "RunInstances")).isEqualTo(2.5);
    assertThat(QuotaTable.operatorRate("EC2", "DescribeVolumes")).isEqualTo(10.0);
    takeAll(IRELAND, "EC2", "RunInstances", 2);
    assertRefused(IRELAND, "EC2", "CreateLaunchTemplate");
  }

  @Test
  void anotherAccountHasItsOwnBucketsEvenForAGlobalService() {
    takeAll(IRELAND, "Route53", "GetChange", 5);
    assertRefused(IRELAND, "Route53", "GetChange");

    limits.acquire(OTHER_ACCOUNT, "Route53", "GetChange");
  }

  @Test
  void listingsOfAServiceWideQuotaTakeAtMostTheirFractionAndLeaveTheRestToWrites() {
    // Listings may use half the operator's share of Route 53 together: 2.5/s, a burst of 2.
    limits.acquireForListing(IRELAND, "Route53", "ListResourceRecordSets");
    limits.acquireForListing(VIRGINIA, "Route53", "ListHostedZonesByName");
    assertThatThrownBy(() -> limits.acquireForListing(IRELAND, "Route53", "ListResourceRecordSets"))
        .isInstanceOf(RateLimitedException.class);

    // The service-wide bucket still has the 3 tokens the listings left.
    takeAll(IRELAND, "Route53", "ChangeResourceRecordSets", 3);
    assertRefused(IRELAND, "Route53", "ChangeResourceRecordSets");
  }

  @Test
  void theTableSaysWhatEachQuotaIsCountedOver() {
    assertThat(QuotaTable.quota("Route53", "ChangeResourceRecordSets").scope()).isEqualTo(QuotaScope.SERVICE_GLOBAL);
    assertThat(QuotaTable.quota("Route53", "SomethingNew").scope()).isEqualTo(QuotaScope.SERVICE_GLOBAL);
    assertThat(QuotaTable.quota("CloudWatchLogs", "DescribeLogGroups").scope())
        .isEqualTo(QuotaScope.OPERATION_PER_REGION);
    assertThat(QuotaTable.operatorRate("Route53", "GetChange")).isEqualTo(5);
  }

  private void takeAll(AwsTarget target, String service, String operation, int tokens) {
    IntStream.range(0, tokens).forEach(i -> limits.acquire(target, service, operation));
  }

  private void assertRefused(AwsTarget target, String service, String operation) {
    assertThatThrownBy(() -> limits.acquire(target, service, operation))
        .isInstanceOf(RateLimitedException.class);
  }
}
