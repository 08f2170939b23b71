package dev.kaizen.operator.accounts;

import static dev.kaizen.operator.accounts.AccountsWorld.PROD_ID;
import static dev.kaizen.operator.accounts.AccountsWorld.PROD_ROLE;
import static dev.kaizen.operator.accounts.AccountsWorld.STG_ID;
import static dev.kaizen.operator.accounts.AccountsWorld.STG_ROLE;
import static dev.kaizen.operator.accounts.AccountsWorld.account;
import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An AwsAccount's default tags reach the objects that already exist in it when they change: added or brought back,
 * never removed, the spec's and the ownership tags winning; then nothing more is written, through several full
 * rechecks and a restart. A 10-minute resync and a 1-hour full observe, so what happens was caused by the change.
 */
class AccountDefaultTagsOperatorTest {
  private static final String ALARM = "kaizen:/shop-prod/web:errors";

  private final AccountsWorld world = new AccountsWorld();

  @AfterEach
  void stop() {
    world.harness.close();
  }

  @Test
  void changedDefaultTagsReachExistingObjectsOnceAndNoTagIsRemoved() {
    world.namespace("shop-prod", Map.of(AccountRules.ACCOUNT_LABEL, "shop-prod",
        AccountRules.ENVIRONMENT_LABEL, "prod"));
    world.namespace("shop-stg", Map.of(AccountRules.ACCOUNT_LABEL, "shop-stg",
        AccountRules.ENVIRONMENT_LABEL, "stg"));
    world.create(account("shop-prod", PROD_ROLE, "prod", List.of("shop-prod"), Map.of("cost-center", "shop",
        "team", "from-account")));
    world.create(account("shop-stg", STG_ROLE, "stg", List.of("shop-stg"), Map.of("cost-center", "shop")));
    world.harness.start(OperatorHarness.settings(OperatorHarness.fastTimings(Duration.ofMinutes(10))), world.aws);
    create(logPipeline("shop-prod", "web").retentionDays(30).tag("team", "shop").metricFilter("errors", "ERROR", 5.0)
        .build());
    create(logPipeline("shop-stg", "web").retentionDays(7).metricFilter("errors", "ERROR", 5.0).build());
    world.harness.awaitReady("shop-prod", "web");
    world.harness.awaitReady("shop-stg", "web");
    // Someone else's tag on the group: never touched.
    Map<String, String> withTheirs = new LinkedHashMap<>(world.aws.logs(PROD_ID).group("/shop-prod/web")
        .orElseThrow().tags());
    withTheirs.put("billing", "theirs");
    world.aws.logs(PROD_ID).backdoorSetTags("/shop-prod/web", withTheirs);
    int stgWrites = writes(STG_ID);

    // cost-center changes, env is new, team is no longer a default.
    dev.kaizen.operator.testing.OperatorHarness.edit(world.harness.client().resources(AwsAccount.class).withName("shop-prod"),
        a -> {
      a.getSpec().setDefaultTags(new LinkedHashMap<>(Map.of("cost-center", "shop-2", "env", "prod")));
      return a;
    });

    await().atMost(OperatorHarness.WAIT).untilAsserted(() -> {
      assertThat(groupTags()).containsEntry("cost-center", "shop-2").containsEntry("env", "prod");
      assertThat(alarmTags()).containsEntry("cost-center", "shop-2").containsEntry("env", "prod");
    });
    // The spec's tag wins on the group; a former default and others' tags stay; the ownership tags are intact.
    assertThat(groupTags()).containsEntry("team", "shop").containsEntry("billing", "theirs")
        .containsEntry(OwnerTags.OWNER, "shop-prod/LogPipeline/web");
    assertThat(alarmTags()).containsEntry("team", "from-account")
        .containsEntry(OwnerTags.OWNER, "shop-prod/LogPipeline/web");
    assertThat(world.aws.logs(PROD_ID).succeededMutations()).doesNotContain("UntagResource");
    assertThat(world.aws.cloudWatch(PROD_ID, OperatorHarness.REGION).succeededMutations())
        .doesNotContain("UntagResource");
    // The other account's defaults did not change: nothing written there.
    assertThat(writes(STG_ID)).isEqualTo(stgWrites);

    // Several full rechecks and a restart: the tags are read each time, and nothing more is written.
    world.harness.awaitReady("shop-prod", "web");
    int prodWrites = writes(PROD_ID);
    int tagReads = world.aws.cloudWatch(PROD_ID, OperatorHarness.REGION).callCount("ListTagsForResource");
    for (int i = 0; i < 3; i++) {
      fullRecheck();
    }
    world.harness.restart();
    fullRecheck();
    assertThat(world.aws.cloudWatch(PROD_ID, OperatorHarness.REGION).callCount("ListTagsForResource"))
        .isGreaterThanOrEqualTo(tagReads + 4);
    assertThat(writes(PROD_ID)).isEqualTo(prodWrites);

    // A default put back by hand to another value is drift: brought back at the next full observe.
    Map<String, String> edited = new LinkedHashMap<>(groupTags());
    edited.put("env", "dev");
    world.aws.logs(PROD_ID).backdoorSetTags("/shop-prod/web", edited);
    fullRecheck();
    assertThat(groupTags()).containsEntry("env", "prod").containsEntry("billing", "theirs");
  }

  private LogPipeline create(LogPipeline pipeline) {
    return world.harness.client().resources(LogPipeline.class).resource(pipeline).create();
  }

  private Map<String, String> groupTags() {
    return world.aws.logs(PROD_ID).group("/shop-prod/web").orElseThrow().tags();
  }

  private Map<String, String> alarmTags() {
    return world.aws.cloudWatch(PROD_ID, OperatorHarness.REGION).tags(ALARM);
  }

  private int writes(String accountId) {
    return world.aws.logs(accountId).succeededMutations().size()
        + world.aws.cloudWatch(accountId, OperatorHarness.REGION).succeededMutations().size();
  }

  /** Asks for a full observe (on-demand resync) and waits until one has run and the pipeline is Ready. */
  private void fullRecheck() {
    Instant asked = Instant.now();
    OperatorHarness.edit(world.harness.logPipeline("shop-prod", "web"), p -> {
      p.getMetadata().setAnnotations(Map.of("kaizen.dev/reconcile-requested-at", asked.toString()));
      return p;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> {
      LogPipeline p = world.harness.logPipeline("shop-prod", "web").get();
      return p.getStatus().getLastFullSyncTime() != null
          && Instant.parse(p.getStatus().getLastFullSyncTime()).isAfter(asked)
          && Conditions.isTrue(p.getStatus().getConditions(), Conditions.READY)
          && Reasons.IN_SYNC.equals(Conditions.reason(p.getStatus().getConditions(), Conditions.READY).orElse(""));
    });
  }
}
