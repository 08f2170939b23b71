package dev.kaizen.lab.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.aws.AwsTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import dev.kaizen.operator.fakes.FakeEc2;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.model.StsException;

/** The embedded AWS routes each call to the account its signature belongs to, and records it. */
class EmbeddedAwsTest {
  private static final String PROD = "210987654321";
  private static final String PROD_ROLE = "arn:aws:iam::" + PROD + ":role/kaizen-operator";
  private static final Region REGION = Region.EU_WEST_1;

  /** A service interface of this test's own, never proxied before: the positive control for class counting. */
  interface Probe {
    void call(ProbeRequest request);
  }

  static final class ProbeRequest {}

  /**
   * After prepareClients(), building a client of any service loads (next to) no classes. Without it, the first client
   * of a service defines a proxy class that loads and initializes every request and response class of the service
   * on the caller's thread (EC2's ~1,400 made the first SolrCluster's reconcile wait 12 to 28 s: its client is written
   * out instead). Run alone, in a JVM that built no embedded client before, to see it fail without either.
   */
  @Test
  void preparedClientsAreBuiltWithoutLoadingTheirServicesModelClasses() throws Exception {
    java.lang.management.ClassLoadingMXBean loading = java.lang.management.ManagementFactory.getClassLoadingMXBean();
    // Positive control: a proxy of a new interface loads its class and the classes its methods name.
    long beforeProbe = loading.getTotalLoadedClassCount();
    java.lang.reflect.Proxy.newProxyInstance(Probe.class.getClassLoader(), new Class<?>[] {Probe.class},
        (self, method, args) -> null);
    assertThat(loading.getTotalLoadedClassCount() - beforeProbe).as("classes a new proxy loads").isGreaterThan(1);

    try (EmbeddedAws aws = new EmbeddedAws(REGION, Duration.ZERO)) {
      aws.prepareClients().get(3, java.util.concurrent.TimeUnit.MINUTES);
      long before = loading.getTotalLoadedClassCount();
      AwsTarget shop = new AwsTarget("shop-prod", REGION);
      for (Class<? extends software.amazon.awssdk.core.SdkClient> service : java.util.List.of(Ec2Client.class,
          software.amazon.awssdk.services.ssm.SsmClient.class,
          software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client.class,
          software.amazon.awssdk.services.autoscaling.AutoScalingClient.class, Route53Client.class,
          CloudWatchLogsClient.class, software.amazon.awssdk.services.sesv2.SesV2Client.class)) {
        aws.client(shop, service);
      }
      assertThat(loading.getTotalLoadedClassCount() - before).as("classes loaded building prepared clients")
          .isLessThan(20);
    }
  }

  /** Every EC2 operation FakeEc2 serves is routed by the written-out client (the others fail as FakeEc2 does). */
  @Test
  void theWrittenOutEc2ClientRoutesEveryOperationFakeEc2Serves() {
    java.util.List<java.lang.reflect.Method> served = java.util.Arrays.stream(FakeEc2.class.getDeclaredMethods())
        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .filter(m -> has(Ec2Client.class, m)).toList();
    assertThat(served).extracting(java.lang.reflect.Method::getName).as("FakeEc2's operations")
        .contains("createLaunchTemplate", "describeInstances");
    assertThat(served).allSatisfy(m -> assertThat(has(RoutedEc2Client.class, m)).as(m.getName()).isTrue());
  }

  /** Whether {@code type} itself declares a method of {@code like}'s name and parameters. */
  private static boolean has(Class<?> type, java.lang.reflect.Method like) {
    try {
      type.getDeclaredMethod(like.getName(), like.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Test
  void anEc2CallReachesTheAccountsFakeAndIsRecordedPageByPage() {
    try (EmbeddedAws aws = new EmbeddedAws(REGION, Duration.ZERO)) {
      aws.trustOperator(PROD_ROLE, Optional.empty());
      aws.accountCredentials().orElseThrow().bind("shop-prod", new AssumedRole(PROD_ROLE, "kaizen-operator",
          Optional.empty()));
      Ec2Client ec2 = aws.client(new AwsTarget("shop-prod", REGION), Ec2Client.class);

      ec2.createLaunchTemplate(r -> r.launchTemplateName("solr-blue").launchTemplateData(d -> d.imageId("ami-1")));

      assertThat(aws.ec2(PROD, REGION).describeLaunchTemplates(r -> r.launchTemplateNames("solr-blue"))
          .launchTemplates()).hasSize(1);
      assertThat(aws.ec2(EmbeddedAws.OPERATOR_ACCOUNT, REGION).describeLaunchTemplates(r -> { })
          .launchTemplates()).isEmpty();
      assertThat(ec2.describeLaunchTemplatesPaginator(r -> r.launchTemplateNames("solr-blue")).launchTemplates())
          .hasSize(1);
      assertThatThrownBy(() -> ec2.describeLaunchTemplates(r -> r.launchTemplateNames("absent")))
          .isInstanceOf(software.amazon.awssdk.services.ec2.model.Ec2Exception.class);
      assertThat(aws.calls()).filteredOn(c -> c.service().equals("Ec2"))
          .extracting(AwsCall::account, AwsCall::operation, AwsCall::errorCode)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(PROD, "CreateLaunchTemplate", ""),
              org.assertj.core.groups.Tuple.tuple(PROD, "DescribeLaunchTemplates", ""),
              org.assertj.core.groups.Tuple.tuple(PROD, "DescribeLaunchTemplates",
                  "InvalidLaunchTemplateName.NotFoundException"));
      assertThatThrownBy(() -> ec2.describeVpcs()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

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
  void forgottenCallsAreDroppedWhileListenersStillHearEveryCall() {
    try (EmbeddedAws aws = new EmbeddedAws(REGION, Duration.ZERO)) {
      List<AwsCall> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
      aws.onCall(heard::add);
      var logs = aws.client(AwsTarget.of(REGION), CloudWatchLogsClient.class);
      logs.createLogGroup(r -> r.logGroupName("/a"));

      aws.forgetCalls();
      logs.createLogGroup(r -> r.logGroupName("/b"));

      assertThat(aws.calls()).extracting(AwsCall::operation).containsExactly("CreateLogGroup");
      assertThat(heard).extracting(AwsCall::operation).containsExactly("CreateLogGroup", "CreateLogGroup");
      assertThat(aws.logs(EmbeddedAws.OPERATOR_ACCOUNT, REGION).groupNames()).containsExactlyInAnyOrder("/a", "/b");
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
