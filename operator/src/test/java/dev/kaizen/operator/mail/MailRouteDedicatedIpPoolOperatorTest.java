package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.DedicatedIpPoolSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.ScalingMode;

/** The configuration set's dedicated IP pool, through the operator (manual DNS: Route 53 plays no part here). */
class MailRouteDedicatedIpPoolOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final String DEFAULT = FakeSesV2.DEFAULT_POOL;
  private static final List<String> POOL_WRITES = List.of("CreateDedicatedIpPool", "PutDedicatedIpInPool",
      "DeleteDedicatedIpPool", "TagResource");

  /**
   * A 4 s resync (the framework requeues at half of it): with 2 s the requeue comes before SES's tokens (half of
   * 1 request/s per operation) are back, every other attempt was refused after its first read, and the pool was read
   * every 4 s (traced: 21 attempts for 12 full reads; with 4 s, 16 for 13, the conversion test 38 -> 28 s of SES).
   */
  private static final ReconcileTimings TIMINGS = OperatorHarness.fastTimings(Duration.ofSeconds(4));

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSesV2 ses = harness.ses();

  @AfterEach
  void stop() {
    harness.close();
  }

  private static MailRoute route(String name, String domain, String pool, DedicatedIpPoolSpec.ScalingMode mode,
      List<String> ips, DeletionPolicy policy) {
    MailRoute route = MailRoutes.route(NS, name, domain, null);
    ConfigurationSetSpec set = new ConfigurationSetSpec();
    set.setName(pool + "-set");
    DedicatedIpPoolSpec spec = new DedicatedIpPoolSpec();
    spec.setName(pool);
    spec.setScalingMode(mode);
    spec.setIps(ips);
    set.setDedicatedIpPool(spec);
    route.getSpec().setConfigurationSet(set);
    route.getSpec().setDeletionPolicy(policy);
    return route;
  }

  private void create(MailRoute route) {
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
  }

  private int poolWrites() {
    return POOL_WRITES.stream().mapToInt(ses::callCount).sum();
  }

  private void delete(String name) {
    harness.client().resources(MailRoute.class).inNamespace(NS).withName(name).delete();
    await().atMost(Duration.ofSeconds(45)).until(() -> get(harness, NS, name) == null);
  }

  @Test
  void leasedIpsAreMovedInListedInStatusMovedBackWhenDroppedAndThePoolEmptiedBeforeItIsDeletedWithTheDroppedSet() {
    List.of("192.0.2.1", "192.0.2.2", "192.0.2.3").forEach(ses::leaseDedicatedIp);
    harness.start(TIMINGS);
    create(route("mail", DOMAIN, "shop-pool", DedicatedIpPoolSpec.ScalingMode.STANDARD,
        List.of("192.0.2.1", "192.0.2.2"), DeletionPolicy.Delete));
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    ses.verifyDkim(DOMAIN);
    await().atMost(OperatorHarness.WAIT).until(() -> {
      MailRoute now = get(harness, NS, "mail");
      return now.getStatus().getDedicatedIpPool() != null
          && now.getStatus().getDedicatedIpPool().getIps().equals(List.of("192.0.2.1", "192.0.2.2"));
    });
    MailRoute ready = awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    assertThat(ready.getStatus().getDedicatedIpPool().getScalingMode()).isEqualTo("STANDARD");
    assertThat(ses.poolOfDedicatedIp("192.0.2.1")).isEqualTo("shop-pool");
    assertThat(ses.poolOfDedicatedIp("192.0.2.3")).isEqualTo(DEFAULT);
    assertThat(ses.dedicatedIpPoolTags("shop-pool").orElseThrow())
        .containsEntry("kaizen.dev/owner", "shop/MailRoute/mail");
    assertThat(ses.peekConfigurationSet("shop-pool-set").orElseThrow().deliveryOptions().sendingPoolName())
        .isEqualTo("shop-pool");
    assertThat(ses.callCount("CreateDedicatedIpPool")).isEqualTo(1);
    assertThat(ses.callCount("PutDedicatedIpInPool")).isEqualTo(2);

    // An IP taken out of the list goes back to SES's default pool; one moved out by hand is moved back in.
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().getConfigurationSet().getDedicatedIpPool().setIps(List.of("192.0.2.1"));
      return route;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> DEFAULT.equals(ses.poolOfDedicatedIp("192.0.2.2")));
    ses.moveDedicatedIpDirectly("192.0.2.1", DEFAULT);
    await().atMost(OperatorHarness.WAIT).until(() -> "shop-pool".equals(ses.poolOfDedicatedIp("192.0.2.1")));
    await().atMost(OperatorHarness.WAIT).until(() -> get(harness, NS, "mail").getStatus().getDedicatedIpPool()
        .getIps().equals(List.of("192.0.2.1")));

    harness.restart();
    // Positive control: the restarted operator reads the pool again and again, and writes nothing to SES at all.
    int writes = ses.succeededMutations().size();
    int reads = ses.callCount("GetDedicatedIps");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetDedicatedIps") > reads + 2);
    assertThat(ses.succeededMutations()).hasSize(writes);

    // Dropping the whole configuration set leaves no orphan, even when the set's deletion fails once after the
    // identity stopped pointing at it (the set and its pool are found again from status): the set goes, then the
    // pool, emptied first.
    ses.failNext("DeleteConfigurationSet", 1, FakeAwsService.Fault.THROTTLING);
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().setConfigurationSet(null);
      return route;
    });
    await().atMost(Duration.ofSeconds(45)).until(() -> ses.dedicatedIpPoolTags("shop-pool").isEmpty()
        && ses.peekConfigurationSet("shop-pool-set").isEmpty());
    assertThat(ses.calls("DeleteConfigurationSet")).hasSize(2);
    assertThat(ses.peek(DOMAIN).orElseThrow().configurationSetName()).isNull();

    delete("mail");
    assertThat(ses.dedicatedIpPoolTags("shop-pool")).isEmpty();
    assertThat(ses.poolOfDedicatedIp("192.0.2.1")).isEqualTo(DEFAULT);
    // SES refuses to delete a STANDARD pool holding IPs: it was emptied first, and deleted at the first attempt.
    assertThat(ses.calls("DeleteDedicatedIpPool")).singleElement().satisfies(call -> assertThat(call.outcome())
        .isEqualTo(FakeAwsService.Outcome.SUCCEEDED));
  }

  @Test
  void aStandardPoolTheSpecMakesManagedIsConvertedOnceKeepingItsIpsAndNothingIsWrittenAtRestNorAfterARestart() {
    List.of("192.0.2.1", "192.0.2.2").forEach(ses::leaseDedicatedIp);
    harness.start(TIMINGS);
    create(route("mail", DOMAIN, "shop-pool", DedicatedIpPoolSpec.ScalingMode.STANDARD,
        List.of("192.0.2.1", "192.0.2.2"), DeletionPolicy.Delete));
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");
    ses.verifyDkim(DOMAIN);
    await().atMost(OperatorHarness.WAIT).until(() -> "shop-pool".equals(ses.poolOfDedicatedIp("192.0.2.2")));
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    int moves = ses.callCount("PutDedicatedIpInPool");

    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().getConfigurationSet().getDedicatedIpPool().setScalingMode(DedicatedIpPoolSpec.ScalingMode.MANAGED);
      route.getSpec().getConfigurationSet().getDedicatedIpPool().setIps(List.of());
      return route;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> {
      MailRoute now = get(harness, NS, "mail");
      return now.getStatus().getDedicatedIpPool() != null
          && "MANAGED".equals(now.getStatus().getDedicatedIpPool().getScalingMode());
    });
    MailRoute converted = awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    // SES converted the pool in place: the IPs it held stay in it (SES's to manage now), none moved out.
    assertThat(converted.getStatus().getDedicatedIpPool().getIps()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(ses.dedicatedIpPoolScalingMode("shop-pool")).contains(ScalingMode.MANAGED);
    assertThat(ses.poolOfDedicatedIp("192.0.2.1")).isEqualTo("shop-pool");
    assertThat(ses.calls("PutDedicatedIpPoolScalingAttributes")).singleElement().satisfies(call -> assertThat(
        call.outcome()).isEqualTo(FakeAwsService.Outcome.SUCCEEDED));
    assertThat(ses.callCount("PutDedicatedIpInPool")).isEqualTo(moves);
    assertThat(ses.callCount("CreateDedicatedIpPool") + ses.callCount("DeleteDedicatedIpPool")).isEqualTo(1);

    // Positive control: the pool is read again and again, at rest and after a restart, and SES is not written.
    int writes = ses.succeededMutations().size();
    int reads = ses.callCount("GetDedicatedIpPool");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetDedicatedIpPool") > reads + 2);
    harness.restart();
    int readsAfterRestart = ses.callCount("GetDedicatedIpPool");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetDedicatedIpPool") > readsAfterRestart + 2);
    assertThat(ses.succeededMutations()).hasSize(writes);
    assertThat(ses.callCount("PutDedicatedIpPoolScalingAttributes")).isOne();
    assertThat(get(harness, NS, "mail").getStatus().getDedicatedIpPool().getIps())
        .containsExactly("192.0.2.1", "192.0.2.2");
  }

  @Test
  void aManagedPoolListsTheIpsSesGaveItAndRetainKeepsIt() {
    // 2 s here: SES hands the managed pool its IPs between reconciles; a 4 s resync saw them later (traced: 4 -> 8 s).
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    create(route("mail", DOMAIN, "shop-managed", DedicatedIpPoolSpec.ScalingMode.MANAGED, List.of(),
        DeletionPolicy.Retain));
    await().atMost(OperatorHarness.WAIT).until(() -> ses.dedicatedIpPoolTags("shop-managed").isPresent());
    ses.scaleManagedPool("shop-managed", "198.51.100.7", "198.51.100.8");
    ses.verifyDkim(DOMAIN);
    await().atMost(OperatorHarness.WAIT).until(() -> {
      MailRoute now = get(harness, NS, "mail");
      return now.getStatus().getDedicatedIpPool() != null
          && now.getStatus().getDedicatedIpPool().getIps().equals(List.of("198.51.100.7", "198.51.100.8"));
    });
    awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync");
    assertThat(ses.callCount("PutDedicatedIpInPool")).isZero();

    delete("mail");
    assertThat(ses.dedicatedIpPoolTags("shop-managed")).isPresent();
    assertThat(ses.poolOfDedicatedIp("198.51.100.7")).isEqualTo("shop-managed");
    assertThat(ses.callCount("DeleteDedicatedIpPool")).isZero();
  }

  @Test
  void aPoolOfAnotherOwnerIsNeverWrittenNorDeleted() {
    ses.leaseDedicatedIp("192.0.2.1");
    ses.createDedicatedIpPoolDirectly("shop-pool", ScalingMode.STANDARD, Map.of("kaizen.dev/cluster", "other",
        "kaizen.dev/owner", "web/MailRoute/x", "kaizen.dev/uid", "u"));
    ses.moveDedicatedIpDirectly("192.0.2.1", "shop-pool");
    harness.start(TIMINGS);
    create(route("mail", DOMAIN, "shop-pool", DedicatedIpPoolSpec.ScalingMode.STANDARD, List.of(),
        DeletionPolicy.Delete));
    MailRoute stalled = awaitCondition(harness, NS, "mail", Conditions.STALLED, "True", null);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("shop-pool");
    // Positive control: the pool is read again and again, and never written.
    int reads = ses.callCount("GetDedicatedIpPool");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetDedicatedIpPool") > reads + 2);
    harness.restart();
    int readsAfterRestart = ses.callCount("GetDedicatedIpPool");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetDedicatedIpPool") > readsAfterRestart + 2);
    assertThat(poolWrites()).isZero();
    assertThat(ses.callCount("CreateConfigurationSet")).isZero();

    delete("mail");
    assertThat(ses.poolOfDedicatedIp("192.0.2.1")).isEqualTo("shop-pool");
    assertThat(poolWrites()).isZero();
  }
}
