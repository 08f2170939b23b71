package dev.kaizen.operator.cron;

import static dev.kaizen.operator.cron.CronJobSets.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.accounts.AccountRefusedException;
import dev.kaizen.operator.accounts.AccountRules;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountSpec;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.cron.eventbridge.ScheduleGroupNames;
import dev.kaizen.operator.fakes.FakeScheduler;
import dev.kaizen.operator.fakes.FakeSts;
import dev.kaizen.operator.testing.AccountRoutedAwsClients;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.Tag;

/**
 * The EventBridge target and accounts: a set deleted under Retain and made again re-attaches to its group; the bound
 * AwsAccount's default tags on the group, on create and when the AwsAccount changes; and
 * {@code --require-account-binding}, which stalls an unbound EventBridge set before any AWS call but not a
 * Kubernetes one.
 */
public class EventBridgeAccountOperatorTest {
  static final String NS = "shop";
  static final String GROUP = ScheduleGroupNames.of(NS, "batch");
  static final String PROD_ID = "210987654321";
  static final String OPERATOR_ROLE = "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":role/kaizen-operator";
  static final String PROD_ROLE = "arn:aws:iam::" + PROD_ID + ":role/kaizen-operator";
  static final Duration WAIT = EventBridgeOperatorTest.WAIT;

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSts sts = new FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
  private final AccountRoutedAwsClients aws;

  public EventBridgeAccountOperatorTest() {
    var operatorKeys = sts.principal("AKIAOPERATOR00000001", OperatorHarness.ACCOUNT, OPERATOR_ROLE);
    sts.role(PROD_ROLE, Set.of(OPERATOR_ROLE), Optional.empty());
    aws = new AccountRoutedAwsClients(harness, sts, new AccountCredentials(operatorKeys, sts::client,
        AccountCredentials.Refresh.DEFAULT));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  Resource<CronJobSet> resource(String name) {
    return harness.client().resources(CronJobSet.class).inNamespace(NS).withName(name);
  }

  CronJobSet awaitCondition(String name, String type, String status, String reason) {
    CronJobSet[] seen = new CronJobSet[1];
    await().atMost(WAIT).until(() -> {
      seen[0] = resource(name).get();
      return seen[0] != null && seen[0].getStatus() != null
          && Conditions.find(seen[0].getStatus().getConditions(), type)
              .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
              .isPresent();
    });
    return seen[0];
  }

  CronJobSet awaitReady(String name) {
    return awaitCondition(name, Conditions.READY, "True", Reasons.IN_SYNC);
  }

  static CronJobSet batch() {
    return EventBridgeSets.ecs(NS, "batch", job("report", "30 4 * * MON-FRI", "/app/report"),
        job("cleanup", "@hourly", "/app/cleanup"));
  }

  void create(CronJobSet set) {
    harness.client().resources(CronJobSet.class).inNamespace(NS).resource(set).create();
  }

  /** Binds namespace shop to the AwsAccount shop-prod (account PROD_ID) with these default tags. */
  void bindToProd(Map<String, String> defaultTags) {
    harness.client().namespaces().resource(new NamespaceBuilder().withMetadata(new ObjectMetaBuilder().withName(NS)
        .withLabels(Map.of(AccountRules.ACCOUNT_LABEL, "shop-prod", AccountRules.ENVIRONMENT_LABEL, "prod"))
        .build()).build()).createOr(existing -> existing.edit(ns -> {
          ns.getMetadata().setLabels(Map.of(AccountRules.ACCOUNT_LABEL, "shop-prod",
              AccountRules.ENVIRONMENT_LABEL, "prod"));
          return ns;
        }));
    AwsAccount account = new AwsAccount();
    account.setMetadata(new ObjectMetaBuilder().withName("shop-prod").build());
    AwsAccountSpec spec = new AwsAccountSpec();
    spec.setRoleArn(PROD_ROLE);
    spec.setEnvironment("prod");
    spec.setNamespaces(List.of(NS));
    spec.setDefaultTags(new LinkedHashMap<>(defaultTags));
    account.setSpec(spec);
    harness.client().resources(AwsAccount.class).resource(account).create();
  }

  /** Holds through rechecks (every 500 ms) for two seconds, then again after a restart. */
  void holdsThroughRechecksAndARestart(java.util.function.BooleanSupplier holds) {
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(holds::getAsBoolean);
    harness.restart();
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(holds::getAsBoolean);
  }

  @Test
  void aSetDeletedUnderRetainAndMadeAgainReattachesToItsGroupWithoutDuplicates() {
    harness.start(OperatorHarness.settings(EventBridgeOperatorTest.RECHECKING), aws);
    FakeScheduler scheduler = harness.scheduler();
    create(batch());
    String firstUid = awaitReady("batch").getMetadata().getUid();
    resource("batch").delete();
    await().atMost(WAIT).until(() -> resource("batch").get() == null);
    assertThat(scheduler.groupTags(GROUP)).containsEntry(OwnerTags.UID, firstUid);
    int groups = scheduler.groupCount();
    scheduler.clearCalls();

    create(batch());
    CronJobSet again = awaitReady("batch");

    assertThat(again.getMetadata().getUid()).isNotEqualTo(firstUid);
    assertThat(scheduler.groupTags(GROUP)).containsEntry(OwnerTags.UID, again.getMetadata().getUid())
        .containsEntry(OwnerTags.OWNER, "shop/CronJobSet/batch");
    assertThat(scheduler.succeededMutations()).as("only the group's uid tag is written").containsExactly("TagResource");
    assertThat(scheduler.scheduleNames(GROUP)).containsExactly("cleanup", "report");
    assertThat(scheduler.groupCount()).isEqualTo(groups);
    await().atMost(WAIT).until(() -> harness.hasEvent(NS, "batch", Reasons.REATTACHED));
    scheduler.clearCalls();
    holdsThroughRechecksAndARestart(() -> scheduler.succeededMutations().isEmpty());
  }

  @Test
  void theAccountsDefaultTagsAreOnTheGroupAndAnAccountEditReachesIt() {
    bindToProd(Map.of("cost-center", "shop", "team", "from-account"));
    harness.start(OperatorHarness.settings(EventBridgeOperatorTest.RECHECKING), aws);
    create(batch());
    awaitReady("batch");
    FakeScheduler prod = aws.scheduler(PROD_ID, OperatorHarness.REGION);
    assertThat(prod.groupTags(GROUP)).containsEntry("cost-center", "shop").containsEntry("team", "from-account")
        .containsEntry(OwnerTags.OWNER, "shop/CronJobSet/batch");
    assertThat(harness.scheduler().groupExists(GROUP)).as("made in the bound account, not the operator's").isFalse();
    // Someone else's tag on the group: never touched.
    String arn = "arn:aws:scheduler:" + OperatorHarness.REGION.id() + ":" + PROD_ID + ":schedule-group/" + GROUP;
    prod.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("billing").value("theirs").build()));
    prod.clearCalls();

    // cost-center changes, env is new, team is no longer a default.
    dev.kaizen.operator.testing.OperatorHarness.edit(harness.client().resources(AwsAccount.class).withName("shop-prod"),
        a -> {
      a.getSpec().setDefaultTags(new LinkedHashMap<>(Map.of("cost-center", "shop-2", "env", "prod")));
      return a;
    });

    await().atMost(WAIT).untilAsserted(() -> assertThat(prod.groupTags(GROUP)).containsEntry("cost-center", "shop-2")
        .containsEntry("env", "prod"));
    assertThat(prod.groupTags(GROUP)).containsEntry("team", "from-account").containsEntry("billing", "theirs")
        .containsEntry(OwnerTags.OWNER, "shop/CronJobSet/batch");
    assertThat(prod.succeededMutations()).containsExactly("TagResource");
    // Rechecks, a restart and a full observe on request (the tags are read again) write nothing more.
    prod.clearCalls();
    holdsThroughRechecksAndARestart(() -> prod.succeededMutations().isEmpty());
    fullRecheck("batch");
    assertThat(prod.callCount("ListTagsForResource")).isPositive();
    assertThat(prod.succeededMutations()).isEmpty();
  }

  /** Asks for a full observe (on-demand resync) and waits until one has run and the set is Ready. */
  void fullRecheck(String name) {
    java.time.Instant asked = java.time.Instant.now();
    OperatorHarness.edit(resource(name), set -> {
      set.getMetadata().setAnnotations(Map.of("kaizen.dev/reconcile-requested-at", asked.toString()));
      return set;
    });
    await().atMost(WAIT).until(() -> {
      CronJobSet set = resource(name).get();
      return set.getStatus().getLastFullSyncTime() != null
          && java.time.Instant.parse(set.getStatus().getLastFullSyncTime()).isAfter(asked)
          && Conditions.isTrue(set.getStatus().getConditions(), Conditions.READY);
    });
  }

  @Test
  void withRequireAccountBindingAnUnboundEventBridgeSetStallsBeforeAnyAwsCall() {
    harness.start(OperatorHarness.settings(EventBridgeOperatorTest.RECHECKING).withRequireAccountBinding(true), aws);
    create(batch());
    // The Kubernetes target calls no AWS: it needs no binding.
    create(CronJobSets.set(NS, "plain", "UTC", job("sync", "*/15 * * * *", "/scripts/sync.sh")));

    CronJobSet stalled = awaitCondition("batch", Conditions.STALLED, "True",
        AccountRefusedException.ACCOUNT_BINDING_REQUIRED);
    awaitReady("plain");
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .isNotBlank();
    holdsThroughRechecksAndARestart(() -> harness.scheduler().calls().isEmpty()
        && aws.scheduler(PROD_ID, OperatorHarness.REGION).calls().isEmpty());

    // Positive control: once its namespace is bound, the same set is made, in the bound account.
    bindToProd(Map.of("cost-center", "shop"));
    awaitReady("batch");
    assertThat(aws.scheduler(PROD_ID, OperatorHarness.REGION).scheduleNames(GROUP)).containsExactly("cleanup",
        "report");
    assertThat(harness.scheduler().calls()).isEmpty();
  }
}
