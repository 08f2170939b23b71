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
import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.fakes.FakeAwsService.Fault;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AwsAccount end to end: the real operator on the mock API server, STS and CloudWatch Logs as several accounts, every
 * call reaching the account its credentials belong to. A 10-minute resync, so whatever converges after a change was
 * woken by the change itself (an AwsAccount or a namespace label), never by a recheck.
 */
class AwsAccountOperatorTest {
  private static final Duration RESYNC = Duration.ofMinutes(10);

  private AccountsWorld world = new AccountsWorld();

  @AfterEach
  void stop() {
    world.harness.close();
  }

  private void start() {
    world.harness.start(OperatorHarness.settings(OperatorHarness.fastTimings(RESYNC)), world.aws);
  }

  private LogPipeline create(LogPipeline pipeline) {
    return world.harness.client().resources(LogPipeline.class).resource(pipeline).create();
  }

  private LogPipeline bound(String namespace, String name, String accountRef) {
    LogPipeline pipeline = logPipeline(namespace, name).retentionDays(7).build();
    pipeline.getSpec().setAccountRef(accountRef);
    return pipeline;
  }

  /** prod and stg, each for its own namespace and environment. */
  private void prodAndStg() {
    world.namespace("shop-prod", Map.of(AccountRules.ACCOUNT_LABEL, "shop-prod",
        AccountRules.ENVIRONMENT_LABEL, "prod"));
    world.namespace("shop-stg", Map.of(AccountRules.ACCOUNT_LABEL, "shop-stg",
        AccountRules.ENVIRONMENT_LABEL, "stg"));
    world.create(account("shop-prod", PROD_ROLE, "prod", List.of("shop-prod"), Map.of("cost-center", "shop",
        "team", "from-account")));
    world.create(account("shop-stg", STG_ROLE, "stg", List.of("shop-stg"), Map.of()));
  }

  @Test
  void eachNamespaceGetsItsObjectsInItsOwnAccountAndAnUnboundOneUsesTheOperatorsCredentials() {
    prodAndStg();
    world.namespace("plain", Map.of());
    start();
    create(logPipeline("shop-prod", "web").retentionDays(30).tag("team", "shop").metricFilter("errors", "ERROR", 5.0)
        .build());
    create(logPipeline("shop-stg", "web").retentionDays(7).build());
    create(logPipeline("plain", "web").retentionDays(7).build());

    LogPipeline prod = world.harness.awaitReady("shop-prod", "web");
    world.harness.awaitReady("shop-stg", "web");
    world.harness.awaitReady("plain", "web");

    // Each group exists in its account only.
    assertThat(world.aws.logs(PROD_ID).groupNames()).containsExactly("/shop-prod/web");
    assertThat(world.aws.logs(STG_ID).groupNames()).containsExactly("/shop-stg/web");
    assertThat(world.aws.logs(OperatorHarness.ACCOUNT).groupNames()).containsExactly("/plain/web");
    // Default tags merged: the spec's own tag and the ownership tags win over the account's.
    assertThat(world.aws.logs(PROD_ID).group("/shop-prod/web").orElseThrow().tags())
        .containsEntry("cost-center", "shop").containsEntry("team", "shop")
        .containsEntry(OwnerTags.OWNER, "shop-prod/LogPipeline/web");
    assertThat(world.aws.cloudWatch(PROD_ID, OperatorHarness.REGION).tags("kaizen:/shop-prod/web:errors"))
        .containsEntry("cost-center", "shop").containsEntry("team", "from-account")
        .containsEntry(OwnerTags.OWNER, "shop-prod/LogPipeline/web");
    // status.account: the 12-digit ID (what the console shows), accountName the binding.
    assertThat(prod.getStatus().getAccount()).isEqualTo(PROD_ID);
    assertThat(prod.getStatus().getAccountName()).isEqualTo("shop-prod");
    assertThat(world.harness.logPipeline("plain", "web").get().getStatus().getAccount())
        .isEqualTo(OperatorHarness.ACCOUNT);
    assertThat(prod.getStatus().getLogGroup().getArn()).contains(":" + PROD_ID + ":");

    AwsAccount verified = world.awaitAccount("shop-prod", Conditions.READY, "True", Reasons.IN_SYNC);
    assertThat(verified.getStatus().getAccountId()).isEqualTo(PROD_ID);
    assertThat(verified.getStatus().getLastVerified()).isNotBlank();
    assertThat(verified.getStatus().getCallerArn()).isEqualTo("arn:aws:sts::" + PROD_ID
        + ":assumed-role/kaizen-operator/kaizen-operator");

    // After a restart nothing is created again, anywhere.
    world.harness.restart();
    OperatorHarness.edit(world.harness.logPipeline("shop-prod", "web"), p -> {
      p.getMetadata().setAnnotations(Map.of("kaizen.dev/reconcile-requested-at", Instant.now().toString()));
      return p;
    });
    world.harness.awaitReady("shop-prod", "web");
    assertThat(world.aws.logs(PROD_ID).succeededMutations()).containsOnlyOnce("CreateLogGroup");
    assertThat(world.aws.logs(STG_ID).groupNames()).containsExactly("/shop-stg/web");
  }

  @Test
  void aDisallowedNamespaceAndACrossedEnvironmentAreStalledWithNoAwsCallUntilTheirBindingIsFixed() {
    prodAndStg();
    world.namespace("intruder", Map.of(AccountRules.ENVIRONMENT_LABEL, "stg"));
    world.namespace("newcomer", Map.of());
    start();
    create(bound("intruder", "web", "shop-prod"));
    create(bound("newcomer", "web", "shop-prod"));
    create(logPipeline("shop-prod", "control").retentionDays(7).build()); // positive control

    world.harness.awaitReady("shop-prod", "control");
    LogPipeline crossed = world.harness.awaitCondition("intruder", "web", Conditions.STALLED, "True",
        AccountRefusedException.ENVIRONMENT_MISMATCH, 0);
    LogPipeline disallowed = world.harness.awaitCondition("newcomer", "web", Conditions.STALLED, "True",
        AccountRefusedException.ACCOUNT_NOT_ALLOWED, 0);
    assertThat(Conditions.find(crossed.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("environment stg", "environment prod");
    assertThat(disallowed.getStatus().getConditions()).anyMatch(c -> c.getMessage().contains("newcomer"));
    // No call in any account for them: only the control's group exists, and no call named theirs.
    assertThat(world.aws.logs(PROD_ID).groupNames()).containsExactly("/shop-prod/control");
    assertThat(world.aws.logs(PROD_ID).calls()).noneMatch(c -> c.request().toString().contains("/intruder/")
        || c.request().toString().contains("/newcomer/"));
    assertThat(world.aws.logs(OperatorHarness.ACCOUNT).calls()).isEmpty();

    // The account now allows the namespace: the AwsAccount change wakes the pipeline bound to it.
    dev.kaizen.operator.testing.OperatorHarness.edit(world.harness.client().resources(AwsAccount.class).withName("shop-prod"),
        a -> {
      a.getSpec().setNamespaces(List.of("shop-prod", "newcomer"));
      return a;
    });
    world.harness.awaitReady("newcomer", "web");
    assertThat(world.aws.logs(PROD_ID).groupNames()).contains("/newcomer/web");

    // The namespace's environment label is corrected: the label change wakes the pipelines of the namespace.
    dev.kaizen.operator.testing.OperatorHarness.edit(world.harness.client().resources(AwsAccount.class).withName("shop-prod"),
        a -> {
      a.getSpec().setNamespaces(List.of("shop-prod", "newcomer", "intruder"));
      return a;
    });
    world.harness.awaitCondition("intruder", "web", Conditions.STALLED, "True",
        AccountRefusedException.ENVIRONMENT_MISMATCH, 0);
    OperatorHarness.edit(world.harness.client().namespaces().withName("intruder"), n -> {
      n.getMetadata().getLabels().put(AccountRules.ENVIRONMENT_LABEL, "prod");
      return n;
    });
    world.harness.awaitReady("intruder", "web");
    assertThat(world.aws.logs(PROD_ID).groupNames()).contains("/intruder/web");
  }

  @Test
  void changingTheAccountOfAResourceThatOwnsObjectsIsRefused() {
    prodAndStg();
    world.create(account("shop-stg-2", PROD_ROLE, "stg", List.of("shop-stg"), Map.of()));
    start();
    create(logPipeline("shop-stg", "web").retentionDays(7).build());
    world.harness.awaitReady("shop-stg", "web");

    OperatorHarness.edit(world.harness.logPipeline("shop-stg", "web"), p -> {
      p.getSpec().setAccountRef("shop-stg-2");
      return p;
    });
    LogPipeline refused = world.harness.awaitCondition("shop-stg", "web", Conditions.STALLED, "True",
        AccountRefusedException.ACCOUNT_CHANGED, 2);
    assertThat(Conditions.find(refused.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("AwsAccount shop-stg", "AwsAccount shop-stg-2", "migration");
    assertThat(world.aws.logs(PROD_ID).groupNames()).isEmpty();

    // Restoring the binding is accepted again.
    OperatorHarness.edit(world.harness.logPipeline("shop-stg", "web"), p -> {
      p.getSpec().setAccountRef(null);
      return p;
    });
    world.harness.awaitReadyAt("shop-stg", "web", 3);
    assertThat(world.aws.logs(PROD_ID).groupNames()).isEmpty();
  }

  @Test
  void anAccountInUseCannotBeDeletedAndItsStatusNamesWhoUsesIt() {
    prodAndStg();
    start();
    create(logPipeline("shop-stg", "web").retentionDays(7).deletionPolicy(DeletionPolicy.Delete).build());
    world.harness.awaitReady("shop-stg", "web");
    world.awaitAccount("shop-stg", Conditions.READY, "True", null);

    world.harness.client().resources(AwsAccount.class).withName("shop-stg").delete();
    await().atMost(OperatorHarness.WAIT).until(() -> world.awsAccount("shop-stg").getStatus().getUsedBy()
        .equals(List.of("shop-stg/LogPipeline/web")));
    // Events are recorded apart from the status write: awaited, not asserted at the status's first sign.
    await().atMost(OperatorHarness.WAIT).until(() -> world.harness.events("default", "shop-stg").stream()
        .anyMatch(e -> AwsAccountReconciler.DELETION_BLOCKED.equals(e.getReason())));
    // Still usable by what uses it: the pipeline deletes its group in the account, then the account goes.
    world.harness.logPipeline("shop-stg", "web").delete();
    await().atMost(OperatorHarness.WAIT).until(() -> world.awsAccount("shop-stg") == null);
    assertThat(world.aws.logs(STG_ID).groupNames()).isEmpty();
  }

  @Test
  void anAccountWhoseStatusAlreadyNamesItsUsersStillWarnsWhenItsDeletionIsHeld() {
    prodAndStg();
    start();
    create(logPipeline("shop-stg", "web").retentionDays(7).deletionPolicy(DeletionPolicy.Delete).build());
    world.harness.awaitReady("shop-stg", "web");
    // A reconcile of the account after the pipeline came: status.usedBy names it before any deletion. The warning
    // hung on usedBy changing, so it was never recorded then (the test above met this order now and then).
    world.harness.client().resources(AwsAccount.class).withName("shop-stg").edit(a -> {
      Map<String, String> annotations = new java.util.HashMap<>(
          Optional.ofNullable(a.getMetadata().getAnnotations()).orElse(Map.of()));
      annotations.put(dev.kaizen.operator.core.reconcile.ReconcileLoop.RECONCILE_REQUESTED_AT,
          Instant.now().plusSeconds(1).toString());
      a.getMetadata().setAnnotations(annotations);
      return a;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> world.awsAccount("shop-stg").getStatus().getUsedBy()
        .equals(List.of("shop-stg/LogPipeline/web")));

    world.harness.client().resources(AwsAccount.class).withName("shop-stg").delete();

    await().atMost(OperatorHarness.WAIT).until(() -> world.harness.events("default", "shop-stg").stream()
        .anyMatch(e -> AwsAccountReconciler.DELETION_BLOCKED.equals(e.getReason())));
    assertThat(world.awsAccount("shop-stg")).as("held while the pipeline uses it").isNotNull();
  }

  @Test
  void aRoleThatCannotBeAssumedStallsTheAccountWithAwsReasonAndItsResourcesMakeNoCall() {
    world.namespace("shop-prod", Map.of(AccountRules.ACCOUNT_LABEL, "shop-prod"));
    world.sts.deleteRole(PROD_ROLE);
    world.create(account("shop-prod", PROD_ROLE, "prod", List.of(), Map.of()));
    start();

    AwsAccount stalled = world.awaitAccount("shop-prod", Conditions.STALLED, "True", Reasons.ACCESS_DENIED);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("is not authorized to perform: sts:AssumeRole on resource: " + PROD_ROLE);
    create(logPipeline("shop-prod", "web").retentionDays(7).build());
    world.harness.awaitCondition("shop-prod", "web", Conditions.STALLED, "True",
        AccountRefusedException.ACCOUNT_NOT_READY, 0);
    assertThat(world.aws.logs(PROD_ID).calls()).isEmpty();
    assertThat(world.aws.logs(OperatorHarness.ACCOUNT).calls()).isEmpty();
  }

  @Test
  void aWrongExternalIdIsAccessDeniedAndTheRightOneWorks() {
    world.sts.role(PROD_ROLE, Set.of(AccountsWorld.OPERATOR_ROLE), Optional.of("the-right-one"));
    world.harness.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName("kaizen-system").endMetadata().build()).create();
    world.harness.client().secrets().inNamespace("kaizen-system").resource(new io.fabric8.kubernetes.api.model
        .SecretBuilder().withNewMetadata().withName("prod-external-id").endMetadata()
        .withData(Map.of("externalId", java.util.Base64.getEncoder().encodeToString("a-wrong-one".getBytes())))
        .build()).create();
    AwsAccount account = account("shop-prod", PROD_ROLE, "prod", List.of(), Map.of());
    account.getSpec().setExternalIdSecretRef(new dev.kaizen.operator.api.v1alpha1.accounts.SecretKeyRef(
        "kaizen-system", "prod-external-id", null));
    world.create(account);
    start();
    world.awaitAccount("shop-prod", Conditions.STALLED, "True", Reasons.ACCESS_DENIED);

    OperatorHarness.edit(world.harness.client().secrets().inNamespace("kaizen-system")
        .withName("prod-external-id"), s -> {
      s.setData(Map.of("externalId", java.util.Base64.getEncoder().encodeToString("the-right-one".getBytes())));
      return s;
    });
    dev.kaizen.operator.testing.OperatorHarness.edit(world.harness.client().resources(AwsAccount.class).withName("shop-prod"),
        a -> {
      a.getMetadata().setAnnotations(Map.of("kaizen.dev/reconcile-requested-at", Instant.now().toString()));
      return a;
    });
    assertThat(world.awaitAccount("shop-prod", Conditions.READY, "True", null).getStatus().getAccountId())
        .isEqualTo(PROD_ID);
  }

  @Test
  void expiredCredentialsAreRefreshedBeforeAnyCallFails() {
    world.harness.close();
    // Credentials renewed from 3 s before they expire; STS hands out hour-long credentials that have 6 s left.
    world = new AccountsWorld(new AccountCredentials.Refresh(Duration.ofSeconds(3), Duration.ofSeconds(1)));
    world.sts.ageIssued(Duration.ofSeconds(3600 - 6));
    prodAndStg();
    start();
    create(logPipeline("shop-prod", "web").retentionDays(7).build());
    world.harness.awaitReady("shop-prod", "web");
    Instant firstExpiry = world.sts.expirations(PROD_ROLE).get(0);

    // Past the first credentials' expiry by STS's clock, a change is made with renewed ones.
    await().atMost(OperatorHarness.WAIT).until(() -> world.sts.clock().instant().isAfter(firstExpiry));
    long generation = OperatorHarness.edit(world.harness.logPipeline("shop-prod", "web"), p -> {
      p.getSpec().getLogGroup().setRetentionDays(30);
      return p;
    }).getMetadata().getGeneration();
    world.harness.awaitReadyAt("shop-prod", "web", generation);

    assertThat(world.aws.logs(PROD_ID).group("/shop-prod/web").orElseThrow().retentionInDays()).isEqualTo(30);
    assertThat(world.sts.assumed(PROD_ROLE)).isGreaterThanOrEqualTo(2);
    assertThat(world.aws.refused()).isEmpty();
  }

  @Test
  void anAccountWhoseQuotaIsExhaustedNeverHoldsBackAnother() {
    prodAndStg();
    start();
    // Someone else exhausts the prod account's CloudWatch Logs quota: every call there is throttled.
    for (String operation : List.of("DescribeLogGroups", "CreateLogGroup")) {
      world.aws.logs(PROD_ID).failNext(operation, 100_000, Fault.THROTTLING);
    }
    for (int i = 0; i < 5; i++) {
      create(logPipeline("shop-prod", "web-" + i).retentionDays(7).build());
      create(logPipeline("shop-stg", "web-" + i).retentionDays(7).build());
    }

    for (int i = 0; i < 5; i++) {
      world.harness.awaitReady("shop-stg", "web-" + i);
    }
    assertThat(world.aws.logs(STG_ID).groupNames()).hasSize(5);
    assertThat(world.aws.logs(PROD_ID).groupNames()).isEmpty();
    for (int i = 0; i < 5; i++) {
      // Throttled from the start: retried quietly (no status yet) or, once it lasts, Reconciling — never Ready.
      var status = world.harness.logPipeline("shop-prod", "web-" + i).get().getStatus();
      assertThat(status == null || !Conditions.isTrue(status.getConditions(), Conditions.READY)).isTrue();
    }
  }

  @Test
  void withABindingRequiredAnUnboundResourceIsStalledWithNoAwsCallAndABoundOneConverges() {
    prodAndStg();
    world.namespace("plain", Map.of());
    world.harness.start(OperatorHarness.settings(OperatorHarness.fastTimings(RESYNC)).withRequireAccountBinding(true),
        world.aws);
    create(logPipeline("plain", "web").retentionDays(7).build());
    create(logPipeline("shop-stg", "web").retentionDays(7).build()); // positive control

    world.harness.awaitReady("shop-stg", "web");
    world.harness.awaitCondition("plain", "web", Conditions.STALLED, "True",
        AccountRefusedException.ACCOUNT_BINDING_REQUIRED, 0);
    assertThat(world.aws.logs(OperatorHarness.ACCOUNT).calls()).isEmpty();
    assertThat(world.aws.logs(STG_ID).groupNames()).containsExactly("/shop-stg/web");
  }
}
