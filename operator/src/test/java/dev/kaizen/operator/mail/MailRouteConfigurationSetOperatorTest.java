package dev.kaizen.operator.mail;

import static dev.kaizen.operator.mail.MailRoutes.awaitCondition;
import static dev.kaizen.operator.mail.MailRoutes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;
import software.amazon.awssdk.services.sesv2.model.TlsPolicy;

/** The configuration set of a MailRoute, through the operator (manual DNS: Route 53 plays no part here). */
class MailRouteConfigurationSetOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final List<String> OPTION_PUTS = List.of("PutConfigurationSetDeliveryOptions",
      "PutConfigurationSetReputationOptions", "PutConfigurationSetSendingOptions",
      "PutConfigurationSetSuppressionOptions");
  private static final Region KEPT_REGION = Region.US_EAST_1;

  /**
   * A 4 s resync (the framework requeues at half of it): with 2 s the requeue comes before SES's tokens (half of
   * 1 request/s per operation) are back and every other attempt was refused after its first read (traced: the first
   * test's SES calls 20.7 -> 16.9 s, the dropped set's 18.0 -> 14.0 s).
   */
  private static final ReconcileTimings TIMINGS = OperatorHarness.fastTimings(Duration.ofSeconds(4));

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSesV2 ses = harness.ses();
  /** SES of the region the retained route of the first test lives in: its own quotas, so it does not pace "mail". */
  private final FakeSesV2 keptSes = harness.ses(KEPT_REGION);

  @AfterEach
  void stop() {
    harness.close();
  }

  private static MailRoute route(String name, String domain, String set, DeletionPolicy policy) {
    MailRoute route = MailRoutes.route(NS, name, domain, null);
    ConfigurationSetSpec spec = new ConfigurationSetSpec();
    spec.setName(set);
    spec.setTlsPolicy(ConfigurationSetSpec.TlsPolicy.REQUIRE);
    spec.setSuppressedReasons(List.of(ConfigurationSetSpec.SuppressedReason.BOUNCE));
    route.getSpec().setConfigurationSet(spec);
    route.getSpec().setDeletionPolicy(policy);
    return route;
  }

  private void create(MailRoute route) {
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();
  }

  private int optionPuts() {
    return OPTION_PUTS.stream().mapToInt(operation -> ses.callCount(operation) + keptSes.callCount(operation)).sum();
  }

  /** Calls of an operation in both regions' SES. */
  private int bothRegions(String operation) {
    return ses.callCount(operation) + keptSes.callCount(operation);
  }

  @Test
  void createdAsAskedMadeTheDefaultDriftPutBackKeptAcrossARestartAndDeletedOnlyUnderDelete() {
    harness.start(TIMINGS);
    create(route("mail", DOMAIN, "shop-mail", DeletionPolicy.Delete));
    // The retained route lives in another region: SES's one-request-per-second buckets (half of each the operator's)
    // count per account and region, so it does not halve the pace of "mail" (two routes in one region each get a
    // read of an operation every four seconds).
    MailRoute kept = route("kept", "kept.example.com", "shop-kept", DeletionPolicy.Retain);
    kept.getSpec().setRegion(KEPT_REGION.id());
    create(kept);
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending", Duration.ofSeconds(45));
    ses.verifyDkim(DOMAIN);
    MailRoute ready = awaitCondition(harness, NS, "mail", Conditions.READY, "True", "InSync", Duration.ofSeconds(45));

    GetConfigurationSetResponse set = ses.peekConfigurationSet("shop-mail").orElseThrow();
    assertThat(set.deliveryOptions().tlsPolicy()).isEqualTo(TlsPolicy.REQUIRE);
    assertThat(set.reputationOptions().reputationMetricsEnabled()).isTrue();
    assertThat(set.sendingOptions().sendingEnabled()).isTrue();
    assertThat(set.suppressionOptions().suppressedReasons()).containsExactly(SuppressionListReason.BOUNCE);
    assertThat(set.tags()).anyMatch(t -> t.key().equals("kaizen.dev/owner") && t.value().equals("shop/MailRoute/mail"));
    assertThat(ses.peek(DOMAIN).orElseThrow().configurationSetName()).isEqualTo("shop-mail");
    assertThat(ready.getStatus().getConfigurationSet()).isEqualTo("shop-mail");
    // exactly one creation per set, each made its identity's default once, no option put afterwards
    await().atMost(OperatorHarness.WAIT).until(() -> keptSes.peek("kept.example.com")
        .map(found -> "shop-kept".equals(found.configurationSetName())).orElse(false));
    assertThat(ses.callCount("CreateConfigurationSet")).isEqualTo(1);
    assertThat(keptSes.callCount("CreateConfigurationSet")).isEqualTo(1);
    assertThat(ses.callCount("PutEmailIdentityConfigurationSetAttributes")).isEqualTo(1);
    assertThat(keptSes.callCount("PutEmailIdentityConfigurationSetAttributes")).isEqualTo(1);
    assertThat(optionPuts()).isZero();

    ses.editConfigurationSetDirectly("shop-mail", TlsPolicy.OPTIONAL, false);
    // A set's settings are read at the full observe (at rest a recheck sees only ListConfigurationSets): ask for one.
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of(
          dev.kaizen.operator.core.reconcile.ReconcileLoop.RECONCILE_REQUESTED_AT, java.time.Instant.now().toString())));
      return route;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> {
      GetConfigurationSetResponse now = ses.peekConfigurationSet("shop-mail").orElseThrow();
      return now.deliveryOptions().tlsPolicy() == TlsPolicy.REQUIRE && now.sendingOptions().sendingEnabled();
    });
    assertThat(ses.callCount("PutConfigurationSetDeliveryOptions")).isEqualTo(1);
    assertThat(ses.callCount("PutConfigurationSetSendingOptions")).isEqualTo(1);
    assertThat(optionPuts()).isEqualTo(2);

    harness.restart();
    // Positive control: the restarted operator reads the set again (several rechecks), and changes nothing.
    int reads = bothRegions("GetConfigurationSet") + bothRegions("ListConfigurationSets");
    await().atMost(OperatorHarness.WAIT).until(() -> bothRegions("GetConfigurationSet")
        + bothRegions("ListConfigurationSets") > reads + 2);
    assertThat(bothRegions("CreateConfigurationSet")).isEqualTo(2);
    assertThat(bothRegions("PutEmailIdentityConfigurationSetAttributes")).isEqualTo(2);
    assertThat(optionPuts()).isEqualTo(2);

    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    harness.client().resources(MailRoute.class).inNamespace(NS).withName("kept").delete();
    await().atMost(Duration.ofSeconds(45)).until(() -> get(harness, NS, "mail") == null
        && get(harness, NS, "kept") == null);
    assertThat(ses.peek(DOMAIN)).isEmpty();
    assertThat(ses.peekConfigurationSet("shop-mail")).isEmpty();
    // Retain: the identity, its set and the identity's default stay
    assertThat(keptSes.peekConfigurationSet("shop-kept")).isPresent();
    assertThat(keptSes.peek("kept.example.com").orElseThrow().configurationSetName()).isEqualTo("shop-kept");
  }

  @Test
  void droppingTheConfigurationSetFromTheSpecClearsTheDefaultAndDeletesOursOnly() {
    ses.createConfigurationSetDirectly("someone-elses", Map.of("kaizen.dev/owner", "web/MailRoute/x"));
    harness.start(TIMINGS);
    create(route("mail", DOMAIN, "shop-mail", DeletionPolicy.Retain));
    await().atMost(OperatorHarness.WAIT).until(() -> ses.peek(DOMAIN)
        .map(found -> "shop-mail".equals(found.configurationSetName())).orElse(false));

    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), route -> {
      route.getSpec().setConfigurationSet(null);
      return route;
    });
    await().atMost(OperatorHarness.WAIT).until(() -> ses.peekConfigurationSet("shop-mail").isEmpty());
    assertThat(ses.peek(DOMAIN).orElseThrow().configurationSetName()).isNull();
    awaitCondition(harness, NS, "mail", Conditions.RECONCILING, "True", "DkimPending");

    // A default set by someone else, to a set that is not ours, is left as it is (the identity, DKIM pending, is
    // read on every recheck).
    ses.setDefaultConfigurationSetDirectly(DOMAIN, "someone-elses");
    int reads = ses.callCount("GetEmailIdentity");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetEmailIdentity") > reads + 2);
    assertThat(ses.peek(DOMAIN).orElseThrow().configurationSetName()).isEqualTo("someone-elses");
    assertThat(ses.peekConfigurationSet("someone-elses")).isPresent();
    assertThat(ses.callCount("DeleteConfigurationSet")).isEqualTo(1);
    assertThat(ses.callCount("PutEmailIdentityConfigurationSetAttributes")).isEqualTo(2);
  }

  @Test
  void aSetOfAnotherOwnerIsNeitherChangedNorMadeTheDefaultNorDeleted() {
    ses.createConfigurationSetDirectly("shop-mail", Map.of("kaizen.dev/cluster", "other", "kaizen.dev/owner",
        "web/MailRoute/x", "kaizen.dev/uid", "u"));
    harness.start(TIMINGS);
    create(route("mail", DOMAIN, "shop-mail", DeletionPolicy.Delete));
    MailRoute stalled = awaitCondition(harness, NS, "mail", Conditions.STALLED, "True", null);
    assertThat(Conditions.find(stalled.getStatus().getConditions(), Conditions.STALLED).orElseThrow().getMessage())
        .contains("shop-mail");
    // Positive control: the set is read again and again, and never written.
    int reads = ses.callCount("GetConfigurationSet");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetConfigurationSet") > reads + 2);
    assertThat(ses.callCount("CreateConfigurationSet")).isZero();
    assertThat(optionPuts()).isZero();
    assertThat(ses.callCount("PutEmailIdentityConfigurationSetAttributes")).isZero();

    harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail").delete();
    await().atMost(Duration.ofSeconds(45)).until(() -> get(harness, NS, "mail") == null);
    assertThat(ses.peekConfigurationSet("shop-mail")).isPresent();
    assertThat(ses.callCount("DeleteConfigurationSet")).isZero();
  }
}
