package dev.kaizen.lab.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.aws.AwsTarget;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.model.StsException;

/** The embedded AWS routes each call to the account its signature belongs to, and records it. */
class EmbeddedAwsTest {
  private static final String PROD = "210987654321";
  private static final String PROD_ROLE = "arn:aws:iam::" + PROD + ":role/kaizen-operator";
  private static final Region REGION = Region.EU_WEST_1;

  @Test
  void aCallSignedWithAnAssumedRoleReachesThatAccountsFakesOnly() {
    try (EmbeddedAws aws = new EmbeddedAws(REGION, Duration.ZERO)) {
      aws.trustOperator(PROD_ROLE, Optional.of("secret-id"));
      aws.accountCredentials().orElseThrow().bind("shop-prod", new AssumedRole(PROD_ROLE, "kaizen-operator",
          Optional.of("secret-id")));

      aws.client(new AwsTarget("shop-prod", REGION), CloudWatchLogsClient.class)
          .createLogGroup(r -> r.logGroupName("/shop/web"));
      aws.client(AwsTarget.of(REGION), CloudWatchLogsClient.class)
          .createLogGroup(r -> r.logGroupName("/operator/own"));

      assertThat(aws.logs(PROD, REGION).groupNames()).containsExactly("/shop/web");
      assertThat(aws.logs(EmbeddedAws.OPERATOR_ACCOUNT, REGION).groupNames()).containsExactly("/operator/own");
      assertThat(aws.logs(PROD, Region.US_EAST_1).groupNames()).isEmpty();
      assertThat(aws.calls()).filteredOn(c -> c.operation().equals("CreateLogGroup"))
          .extracting(AwsCall::account, AwsCall::region, AwsCall::service)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(PROD, "eu-west-1", "CloudWatchLogs"),
              org.assertj.core.groups.Tuple.tuple(EmbeddedAws.OPERATOR_ACCOUNT, "eu-west-1", "CloudWatchLogs"));
    }
  }

  @Test
  void aRoleAssumedWithoutItsExternalIdIsRefusedAndNothingIsCreated() {
    try (EmbeddedAws aws = new EmbeddedAws(REGION, Duration.ZERO)) {
      aws.trustOperator(PROD_ROLE, Optional.of("secret-id"));
      aws.accountCredentials().orElseThrow().bind("shop-prod", new AssumedRole(PROD_ROLE, "kaizen-operator",
          Optional.empty()));

      assertThatThrownBy(() -> aws.client(new AwsTarget("shop-prod", REGION), CloudWatchLogsClient.class)
          .createLogGroup(r -> r.logGroupName("/shop/web"))).satisfies(e -> assertThat(
          java.util.stream.Stream.iterate(e, java.util.Objects::nonNull, Throwable::getCause).toList())
          .anyMatch(StsException.class::isInstance));
      assertThat(aws.logs(PROD, REGION).groupNames()).isEmpty();
      assertThat(aws.calls()).singleElement().satisfies(c -> assertThat(c.succeeded()).isFalse());
    }
  }

  @Test
  void route53IsOneFakePerAccountWhateverTheRegion() {
    try (EmbeddedAws aws = new EmbeddedAws(REGION, Duration.ZERO)) {
      String zone = aws.route53(EmbeddedAws.OPERATOR_ACCOUNT).createZone("example.com", false);
      var fromUsEast = aws.client(AwsTarget.of(Region.US_EAST_1), Route53Client.class)
          .getHostedZone(r -> r.id(zone));
      assertThat(fromUsEast.hostedZone().name()).isEqualTo("example.com.");
    }
  }
}
