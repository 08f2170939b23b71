package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec;
import dev.kaizen.operator.api.v1alpha1.mail.DedicatedIpPoolSpec;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.ScalingMode;

/** Adoption tags what it takes over (identity, configuration set, pool) and keeps the tags someone else put there. */
class MailRouteAdoptionOperatorTest {
  private static final String NS = "shop";
  private static final String DOMAIN = "example.com";
  private static final Map<String, String> THEIRS = Map.of("team", "mail");

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSesV2 ses = harness.ses();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void untaggedObjectsAreTaggedOnceOnAdoptionAndTheirOtherTagsKept() {
    ses.createDirectly(DOMAIN, THEIRS);
    ses.createConfigurationSetDirectly("shop-mail", THEIRS);
    ses.createDedicatedIpPoolDirectly("shop-pool", ScalingMode.MANAGED, THEIRS);
    MailRoute route = MailRoutes.route(NS, "mail", DOMAIN, null);
    ConfigurationSetSpec set = new ConfigurationSetSpec();
    set.setName("shop-mail");
    DedicatedIpPoolSpec pool = new DedicatedIpPoolSpec();
    pool.setName("shop-pool");
    pool.setScalingMode(DedicatedIpPoolSpec.ScalingMode.MANAGED);
    set.setDedicatedIpPool(pool);
    route.getSpec().setConfigurationSet(set);
    route.getSpec().setAdopt(true);
    route.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
    harness.start(OperatorHarness.fastTimings(Duration.ofSeconds(2)));
    harness.client().resources(MailRoute.class).inNamespace(NS).resource(route).create();

    // Counted when applied: a TagResource SES throttled (busy machine) is retried, not a second tagging.
    await().atMost(MailRoutes.SES_PACED).until(() -> taggings() >= 3);
    for (Map<String, String> tags : List.of(ses.tags(DOMAIN), ses.configurationSetTags("shop-mail"),
        ses.dedicatedIpPoolTags("shop-pool").orElseThrow())) {
      assertThat(tags).containsEntry("kaizen.dev/owner", "shop/MailRoute/mail").containsEntry("team", "mail")
          .containsKeys("kaizen.dev/cluster", "kaizen.dev/uid");
    }
    // Positive control: read again and again (a spec edit makes the next observe a full one), never tagged again.
    OperatorHarness.edit(harness.client().resources(MailRoute.class).inNamespace(NS).withName("mail"), edited -> {
      edited.getSpec().getConfigurationSet().setTlsPolicy(ConfigurationSetSpec.TlsPolicy.REQUIRE);
      return edited;
    });
    await().atMost(MailRoutes.SES_PACED).until(() -> ses.callCount("PutConfigurationSetDeliveryOptions") > 0);
    int reads = ses.callCount("GetDedicatedIpPool");
    await().atMost(OperatorHarness.WAIT).until(() -> ses.callCount("GetDedicatedIpPool") > reads + 2);
    assertThat(taggings()).isEqualTo(3);
    assertThat(ses.callCount("CreateEmailIdentity") + ses.callCount("CreateConfigurationSet")
        + ses.callCount("CreateDedicatedIpPool")).isZero();
  }

  private long taggings() {
    return ses.calls("TagResource").stream().filter(call -> call.succeeded()).count();
  }
}
