package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.MailRouteStatus;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.fakes.FakeEventBridge;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.model.EventType;

/**
 * The delivery log of MailRoutes, through the operator (manual DNS: Route 53 plays no part here): SES events of the
 * configuration set -> EventBridge rule on the default bus -> a CloudWatch Logs group, under one resource policy
 * shared by every MailRoute, with a saved query per route.
 */
class MailRouteDeliveryLogOperatorTest {
  private static final String NS = "shop";
  /** Two routes share SES's one-request-per-second buckets (half of each the operator's): on a loaded machine slow. */
  private static final Duration SLOW = Duration.ofSeconds(90);
  private static final List<String> WRITES = List.of("CreateLogGroup", "PutRetentionPolicy", "PutRule", "PutTargets",
      "PutQueryDefinition", "PutResourcePolicy", "CreateConfigurationSetEventDestination",
      "UpdateConfigurationSetEventDestination");

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSesV2 ses = harness.ses();
  private final FakeCloudWatchLogs logs = harness.logs();
  private final FakeEventBridge events = harness.eventBridge();

  @AfterEach
  void stop() {
    harness.close();
  }

  private static MailRoute route(String name, String domain, Integer retention) {
    MailRoute route = MailRoutes.route(NS, name, domain, null);
    ConfigurationSetSpec set = new ConfigurationSetSpec();
    set.setName("shop-" + name);
    route.getSpec().setConfigurationSet(set);
    DeliveryLogSpec log = new DeliveryLogSpec();
    log.setRetentionInDays(retention);
    route.getSpec().setDeliveryLog(log);
    route.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    return route;
  }

  private void create(MailRoute route) {
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
  }

  private int writes() {
    return logs.callCount("CreateLogGroup") + logs.callCount("PutRetentionPolicy") + events.callCount("PutRule")
        + events.callCount("PutTargets") + logs.callCount("PutQueryDefinition") + logs.callCount("PutResourcePolicy")
        + ses.callCount("CreateConfigurationSetEventDestination")
        + ses.callCount("UpdateConfigurationSetEventDestination");
  }

  private boolean complete(String name, int retention) {
    String group = "/kaizen/mail/" + NS + "/" + name;
    String rule = "kaizen-mail_" + NS + "_" + name;
    return logs.group(group).map(g -> Integer.valueOf(retention).equals(g.retentionInDays())).orElse(false)
        && logs.logGroupArn(group).replaceFirst(":\\*$", "").equals(events.targets(rule).get("kaizen-delivery-log"))
        && ses.eventDestinations("shop-" + name).containsKey("kaizen-delivery-log")
        && logs.queryDefinitions().containsKey("kaizen/mail/" + NS + "/" + name + "/mail-to-recipient");
  }

  @Test
  void twoRoutesShareOnePolicyATargetRemovedByHandIsPutBackADroppedLogIsRemovedAndThePolicyGoesOnlyWithTheLast() throws Exception {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(route("mail", "example.com", null));
    create(route("news", "news.example.com", 30));
    try {
      await().atMost(SLOW).until(() -> complete("mail", 14) && complete("news", 30));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("delivery logs incomplete; mail: " + io.fabric8.kubernetes.client.utils.Serialization
          .asYaml(get(harness, NS, "mail").getStatus().getConditions()), e);
    }

    // the event destination: enabled, the six event types, to the default bus
    var destination = ses.eventDestinations("shop-mail").get("kaizen-delivery-log");
    assertThat(destination.enabled()).isTrue();
    assertThat(destination.matchingEventTypes()).containsExactlyInAnyOrder(EventType.SEND, EventType.DELIVERY,
        EventType.BOUNCE, EventType.COMPLAINT, EventType.REJECT, EventType.DELIVERY_DELAY);
    assertThat(destination.eventBridgeDestination().eventBusArn())
        .isEqualTo("arn:aws:events:eu-west-1:" + logs.accountId() + ":event-bus/default");
    // the rule: SES's events of this configuration set only
    JsonNode pattern = new ObjectMapper().readTree(events.pattern("kaizen-mail_shop_mail"));
    assertThat(pattern.path("source").toString()).isEqualTo("[\"aws.ses\"]");
    assertThat(pattern.path("detail").path("mail").path("tags").path("ses:configuration-set").toString())
        .isEqualTo("[\"shop-mail\"]");
    assertThat(events.ruleTags("kaizen-mail_shop_mail")).containsEntry("kaizen.dev/owner", "shop/MailRoute/mail");
    assertThat(logs.group("/kaizen/mail/shop/mail").orElseThrow().tags())
        .containsEntry("kaizen.dev/owner", "shop/MailRoute/mail");
    // one policy, one statement for both routes, written once
    await().atMost(OperatorHarness.WAIT).until(() -> logs.resourcePolicies().containsKey("kaizen-mail-delivery-logs"));
    JsonNode policy = new ObjectMapper().readTree(logs.resourcePolicies().get("kaizen-mail-delivery-logs"));
    assertThat(policy.path("Statement")).hasSize(1);
    assertThat(policy.path("Statement").get(0).path("Principal").path("Service").asText())
        .isEqualTo("events.amazonaws.com");
    assertThat(policy.path("Statement").get(0).path("Resource").asText())
        .isEqualTo("arn:aws:logs:eu-west-1:" + logs.accountId() + ":log-group:/kaizen/mail/*:*");
    assertThat(logs.callCount("PutResourcePolicy")).isEqualTo(1);
    assertThat(logs.queryDefinitions().get("kaizen/mail/shop/mail/mail-to-recipient"))
        .contains("filter @message like").contains("detail.eventType");
    try {
      await().atMost(SLOW).until(() -> "/kaizen/mail/shop/mail".equals(
          ((MailRouteStatus) get(harness, NS, "mail").getStatus()).getDeliveryLogGroup()));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(io.fabric8.kubernetes.client.utils.Serialization.asYaml(get(harness, NS, "mail")
          .getStatus()), e);
    }
    int writesOnce = writes();

    // drift: the rule's target removed by hand is put back, and only it
    events.removeTargetByHand("kaizen-mail_shop_mail", "kaizen-delivery-log");
    await().atMost(SLOW).until(() -> events.targets("kaizen-mail_shop_mail").containsKey("kaizen-delivery-log"));
    assertThat(writes()).isEqualTo(writesOnce + 1);

    // rechecks and a restart write nothing (positive control: the rules are read again and again)
    harness.restart();
    int reads = events.callCount("DescribeRule");
    await().atMost(SLOW).until(() -> events.callCount("DescribeRule") > reads + 4);
    assertThat(writes()).isEqualTo(writesOnce + 1);

    // one route drops its delivery log: its objects go, the shared policy stays for the other
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("news"), route -> {
      route.getSpec().setDeliveryLog(null);
      return route;
    });
    try {
      await().atMost(SLOW).until(() -> logs.group("/kaizen/mail/shop/news").isEmpty()
          && !events.ruleExists("kaizen-mail_shop_news")
          && !ses.eventDestinations("shop-news").containsKey("kaizen-delivery-log"));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("news's delivery log not removed; news: " + io.fabric8.kubernetes.client.utils
          .Serialization.asYaml(get(harness, NS, "news").getStatus()), e);
    }
    await().atMost(OperatorHarness.WAIT).until(() -> !logs.queryDefinitions()
        .containsKey("kaizen/mail/shop/news/mail-to-recipient"));
    assertThat(logs.resourcePolicies()).containsKey("kaizen-mail-delivery-logs");
    assertThat(complete("mail", 14)).isTrue();

    // the last delivery log goes with its route (policy Delete): the policy goes with it
    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    await().atMost(SLOW).until(() -> get(harness, NS, "mail") == null);
    assertThat(logs.group("/kaizen/mail/shop/mail")).isEmpty();
    assertThat(events.ruleExists("kaizen-mail_shop_mail")).isFalse();
    assertThat(logs.queryDefinitions()).doesNotContainKey("kaizen/mail/shop/mail/mail-to-recipient");
    assertThat(logs.resourcePolicies()).doesNotContainKey("kaizen-mail-delivery-logs");
    assertThat(logs.callCount("DeleteResourcePolicy")).isEqualTo(1);
  }

  @Test
  void aDeliveryLogDroppedBeforeItsNewGroupWasEverObservedIsStillRemoved() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    // The reconcile that creates the delivery log fails at its last change, and from then on the log group cannot
    // be read (CloudWatch Logs throttling): no reconcile sees the new group before the spec drops it.
    logs.failNextWith("PutQueryDefinition", 1, () -> {
      logs.failNext("DescribeLogGroups", Integer.MAX_VALUE, FakeAwsService.Fault.THROTTLING);
      return SdkClientException.create("Unable to execute HTTP request: Read timed out");
    });
    create(route("mail", "example.com", null));
    await().atMost(SLOW).until(() -> logs.group("/kaizen/mail/shop/mail").isPresent()
        && logs.callCount("PutQueryDefinition") == 1);
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().setDeliveryLog(null);
      return route;
    });
    await().atMost(SLOW).until(() -> Long.valueOf(2).equals(get(harness, NS, "mail").getStatus()
        .getObservedGeneration()));
    logs.clearFaults();

    try {
      await().atMost(SLOW).until(() -> logs.group("/kaizen/mail/shop/mail").isEmpty()
          && !events.ruleExists("kaizen-mail_shop_mail")
          && !ses.eventDestinations("shop-mail").containsKey("kaizen-delivery-log"));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the dropped delivery log was left behind; status: " + io.fabric8.kubernetes.client
          .utils.Serialization.asYaml(get(harness, NS, "mail").getStatus()), e);
    }
    // positive control: the route itself goes on, and its status no longer names a delivery log
    await().atMost(SLOW).until(() -> ((MailRouteStatus) get(harness, NS, "mail").getStatus())
        .getDeliveryLogGroup() == null);
    assertThat(logs.callCount("CreateLogGroup")).isEqualTo(1);
  }

  @Test
  void aPolicyStatementLeftByARemovalThatFailedAfterTheGroupWentIsRemovedAtTheNextReconcileAndAfterARestart() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(route("mail", "example.com", null));
    await().atMost(SLOW).until(() -> complete("mail", 14) && "/kaizen/mail/shop/mail".equals(
        ((MailRouteStatus) get(harness, NS, "mail").getStatus()).getDeliveryLogGroup()));
    assertThat(logs.resourcePolicies()).containsKey("kaizen-mail-delivery-logs");

    // The spec drops the delivery log; its group is deleted, then every edit of the shared policy fails until the
    // operator restarts: the group is gone, our statement is left.
    logs.failNext("DeleteResourcePolicy", Integer.MAX_VALUE, FakeAwsService.Fault.INTERNAL_FAILURE);
    logs.failNext("PutResourcePolicy", Integer.MAX_VALUE, FakeAwsService.Fault.INTERNAL_FAILURE);
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().setDeliveryLog(null);
      return route;
    });
    await().atMost(SLOW).until(() -> logs.group("/kaizen/mail/shop/mail").isEmpty()
        && logs.callCount("DeleteResourcePolicy") + logs.callCount("PutResourcePolicy") > 2);
    assertThat(logs.resourcePolicies()).containsKey("kaizen-mail-delivery-logs");
    // why it is found again: status still names the group while the statement it needed is left
    await().atMost(SLOW).until(() -> Long.valueOf(2).equals(get(harness, NS, "mail").getStatus()
        .getObservedGeneration()));
    assertThat(((MailRouteStatus) get(harness, NS, "mail").getStatus()).getDeliveryLogGroup())
        .isEqualTo("/kaizen/mail/shop/mail");
    harness.restart();
    logs.clearFaults();

    // The restarted operator finds the statement of the route whose group is gone and removes it (the last one: the
    // policy goes), once; then rechecks write nothing more.
    try {
      await().atMost(SLOW).until(() -> !logs.resourcePolicies().containsKey("kaizen-mail-delivery-logs"));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the statement was left behind; status: " + io.fabric8.kubernetes.client.utils
          .Serialization.asYaml(get(harness, NS, "mail").getStatus()), e);
    }
    await().atMost(SLOW).until(() -> ((MailRouteStatus) get(harness, NS, "mail").getStatus())
        .getDeliveryLogGroup() == null);
    int policyCalls = logs.callCount("DescribeResourcePolicies");
    int sesReads = ses.callCount("GetEmailIdentity");
    await().atMost(SLOW).until(() -> ses.callCount("GetEmailIdentity") > sesReads + 2);
    assertThat(logs.calls("DeleteResourcePolicy").stream().filter(FakeAwsService.Call::succeeded)).hasSize(1);
    assertThat(logs.callCount("DescribeResourcePolicies")).isEqualTo(policyCalls);
    assertThat(logs.callCount("CreateLogGroup")).isEqualTo(1);
  }

  @Test
  void aDeletedRouteWhosePolicyEditFailedAfterItsGroupWentIsHeldUntilTheStatementIsRemovedEvenAcrossARestart() {
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(route("mail", "example.com", null));
    await().atMost(SLOW).until(() -> complete("mail", 14)
        && logs.resourcePolicies().containsKey("kaizen-mail-delivery-logs"));

    logs.failNext("DeleteResourcePolicy", Integer.MAX_VALUE, FakeAwsService.Fault.INTERNAL_FAILURE);
    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    await().atMost(SLOW).until(() -> logs.group("/kaizen/mail/shop/mail").isEmpty()
        && logs.callCount("DeleteResourcePolicy") > 1);
    // Why it converges already: the finalizer holds the resource, whose spec still names its delivery log, so every
    // reconcile plans the statement's release while the statement is there — across a restart too.
    assertThat(get(harness, NS, "mail")).isNotNull();
    assertThat(ses.peek("example.com")).isPresent(); // the identity goes after the delivery log
    harness.restart();
    logs.clearFaults();
    await().atMost(SLOW).until(() -> get(harness, NS, "mail") == null);
    assertThat(logs.resourcePolicies()).doesNotContainKey("kaizen-mail-delivery-logs");
    assertThat(ses.peek("example.com")).isEmpty();
    assertThat(logs.calls("DeleteResourcePolicy").stream().filter(FakeAwsService.Call::succeeded)).hasSize(1);
  }
}
