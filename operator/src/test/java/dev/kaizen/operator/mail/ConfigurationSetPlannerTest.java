package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class ConfigurationSetPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("prod", "shop/MailRoute/mail", "uid-1");
  private static final DesiredConfigurationSet DESIRED = new DesiredConfigurationSet("shop-mail", "REQUIRE", true,
      true, Optional.of(List.of("BOUNCE", "COMPLAINT")), Optional.empty());

  private final List<String> calls = new ArrayList<>();
  private final Map<String, Map<String, String>> createdTags = new java.util.HashMap<>();

  private static ObservedIdentity identity(String defaultSet) {
    return new ObservedIdentity("example.com", "SUCCESS", "SUCCESS", List.of(), "RSA_2048_BIT", null, null, null,
        "USE_DEFAULT_VALUE", Map.of(), defaultSet);
  }

  private static Verdicts verdict(Ownership ownership) {
    return new Verdicts(Map.of(ConfigurationSetPlanner.key("shop-mail"), ownership), List.of());
  }

  private static List<String> operations(List<Change<MailRoutePorts>> changes) {
    return changes.stream().map(Change::operation).toList();
  }

  @Test
  void anAbsentSetIsCreatedWithEveryOptionAndTaggedThenMadeTheIdentitysDefault() {
    List<Change<MailRoutePorts>> changes = ConfigurationSetPlanner.plan(DESIRED, Optional.empty(), identity(null),
        verdict(Ownership.UNOWNED), MINE, Map.of());
    assertThat(operations(changes)).containsExactly("CreateConfigurationSet",
        "PutEmailIdentityConfigurationSetAttributes");
    changes.forEach(change -> change.applyTo(ports(Map.of("cost-center", "42", OwnerTags.OWNER, "spoofed"))));
    assertThat(calls).containsExactly("create shop-mail REQUIRE true true Optional[[BOUNCE, COMPLAINT]]",
        "default example.com shop-mail");
    // the account's default tags come along; the ownership tags win over a default of the same key
    assertThat(createdTags.get("shop-mail")).containsEntry("cost-center", "42").containsAllEntriesOf(MINE.asTags());
  }

  @Test
  void onlyTheDriftedOptionBlocksArePutBack() {
    ObservedConfigurationSet drifted = new ObservedConfigurationSet("shop-mail", "OPTIONAL", true, false,
        Optional.of(List.of("COMPLAINT", "BOUNCE")), null, MINE.asTags());
    List<Change<MailRoutePorts>> changes = ConfigurationSetPlanner.plan(DESIRED, Optional.of(drifted),
        identity("shop-mail"), verdict(Ownership.OWNED), MINE, Map.of());
    // reasons in another order are the same reasons; the identity already points at the set
    assertThat(operations(changes)).containsExactly("PutConfigurationSetDeliveryOptions",
        "PutConfigurationSetSendingOptions");
    changes.forEach(change -> change.applyTo(ports(Map.of())));
    assertThat(calls).containsExactly("delivery shop-mail REQUIRE null", "sending shop-mail true");

    ObservedConfigurationSet inPlace = new ObservedConfigurationSet("shop-mail", "REQUIRE", true, true,
        Optional.of(List.of("BOUNCE", "COMPLAINT")), null, MINE.asTags());
    assertThat(ConfigurationSetPlanner.plan(DESIRED, Optional.of(inPlace), identity("shop-mail"),
        verdict(Ownership.OWNED), MINE, Map.of())).isEmpty();
  }

  @Test
  void withoutSuppressedReasonsInTheSpecTheSetsOwnAreLeftAndReputationMetricsFollowTheSpec() {
    DesiredConfigurationSet noSuppression = new DesiredConfigurationSet("shop-mail", "REQUIRE", false, true,
        Optional.empty(), Optional.empty());
    ObservedConfigurationSet found = new ObservedConfigurationSet("shop-mail", "REQUIRE", true, true,
        Optional.of(List.of("BOUNCE")), null, MINE.asTags());
    assertThat(operations(ConfigurationSetPlanner.plan(noSuppression, Optional.of(found), identity("other-set"),
        verdict(Ownership.OWNED), MINE, Map.of()))).containsExactly("PutConfigurationSetReputationOptions",
        "PutEmailIdentityConfigurationSetAttributes");
  }

  @Test
  void aSetOfAnotherOwnerIsNeitherChangedNorMadeTheDefault() {
    ObservedConfigurationSet foreign = new ObservedConfigurationSet("shop-mail", "OPTIONAL", false, false,
        Optional.empty(), null, Map.of(OwnerTags.CLUSTER, "prod", OwnerTags.OWNER, "other/MailRoute/x"));
    assertThat(ConfigurationSetPlanner.plan(DESIRED, Optional.of(foreign), identity(null),
        verdict(Ownership.FOREIGN), MINE, Map.of())).isEmpty();
    assertThat(ConfigurationSetPlanner.plan(DESIRED, Optional.of(foreign), identity(null),
        verdict(Ownership.UNOWNED), MINE, Map.of())).isEmpty();
  }

  @Test
  void aDroppedSetOfOursStopsBeingTheDefaultThenIsDeleted() {
    List<Change<MailRoutePorts>> changes = ConfigurationSetPlanner.removal("shop-mail", identity("shop-mail"),
        verdict(Ownership.OWNED));
    changes.forEach(change -> change.applyTo(ports(Map.of())));
    assertThat(calls).containsExactly("default example.com null", "delete shop-mail");
    assertThat(ConfigurationSetPlanner.removal("shop-mail", identity("shop-mail"), verdict(Ownership.FOREIGN)))
        .isEmpty();
  }

  @Test
  void aRemovalThatStoppedHalfWayOnlyDeletesTheSet() {
    // the identity already stopped pointing at the set; its deletion failed then (throttled): only the delete is left
    List<Change<MailRoutePorts>> changes = ConfigurationSetPlanner.removal("shop-mail", identity(null),
        verdict(Ownership.OWNED));
    changes.forEach(change -> change.applyTo(ports(Map.of())));
    assertThat(calls).containsExactly("delete shop-mail");
  }

  @Test
  void aSendingPoolThatDriftedIsPutBackWithTheTlsPolicyInOneCall() {
    DesiredConfigurationSet pooled = new DesiredConfigurationSet("shop-mail", "REQUIRE", true, true,
        Optional.of(List.of("BOUNCE", "COMPLAINT")), Optional.of(new DesiredDedicatedIpPool("shop-pool", "STANDARD",
        List.of("192.0.2.1"))));
    ObservedConfigurationSet elsewhere = new ObservedConfigurationSet("shop-mail", "REQUIRE", true, true,
        Optional.of(List.of("BOUNCE", "COMPLAINT")), "ses-default-dedicated-pool", MINE.asTags());
    List<Change<MailRoutePorts>> changes = ConfigurationSetPlanner.plan(pooled, Optional.of(elsewhere),
        identity("shop-mail"), verdict(Ownership.OWNED), MINE, Map.of());
    assertThat(changes).singleElement().satisfies(change -> assertThat(change.reason())
        .isEqualTo("sending pool ses-default-dedicated-pool -> shop-pool"));
    changes.forEach(change -> change.applyTo(ports(Map.of())));
    // SES sets both with one call: the TLS policy is sent unchanged beside the pool
    assertThat(calls).containsExactly("delivery shop-mail REQUIRE shop-pool");

    ObservedConfigurationSet inPool = new ObservedConfigurationSet("shop-mail", "REQUIRE", true, true,
        Optional.of(List.of("BOUNCE", "COMPLAINT")), "shop-pool", MINE.asTags());
    assertThat(ConfigurationSetPlanner.plan(pooled, Optional.of(inPool), identity("shop-mail"),
        verdict(Ownership.OWNED), MINE, Map.of())).isEmpty();
  }

  @Test
  void aSetOursByRuleGetsTheOwnershipAndDefaultTagsAddedOthersKept() {
    ObservedConfigurationSet adopted = new ObservedConfigurationSet("shop-mail", "REQUIRE", true, true,
        Optional.of(List.of("BOUNCE", "COMPLAINT")), null, Map.of("team", "mail"));
    List<Change<MailRoutePorts>> changes = ConfigurationSetPlanner.plan(DESIRED, Optional.of(adopted),
        identity("shop-mail"), verdict(Ownership.ADOPT), MINE, Map.of("cost-center", "42"));
    changes.forEach(change -> change.applyTo(ports(Map.of())));
    assertThat(calls).containsExactly("tag shop-mail {cost-center=42, kaizen.dev/cluster=prod,"
        + " kaizen.dev/owner=shop/MailRoute/mail, kaizen.dev/uid=uid-1}");
  }

  private MailRoutePorts ports(Map<String, String> defaultTags) {
    return new MailRoutePorts(AwsTarget.of(Region.EU_WEST_1), null, new RecordingGateway(), null, null, null,
        defaultTags);
  }

  /** Records what the plan asked SES to do. */
  private final class RecordingGateway implements ConfigurationSetGateway {
    @Override
    public Optional<ObservedConfigurationSet> describe(String name) {
      throw new AssertionError("a plan does not read");
    }

    @Override
    public NamePage listNames(Optional<String> nextToken) {
      throw new AssertionError("a plan does not read");
    }

    @Override
    public void create(DesiredConfigurationSet desired, Map<String, String> tags) {
      calls.add("create " + desired.name() + " " + desired.tlsPolicy() + " " + desired.reputationMetrics() + " "
          + desired.sendingEnabled() + " " + desired.suppressedReasons());
      createdTags.put(desired.name(), tags);
    }

    @Override
    public void deliveryOptions(String name, String tlsPolicy, String sendingPoolName) {
      calls.add("delivery " + name + " " + tlsPolicy + " " + sendingPoolName);
    }

    @Override
    public void reputationMetrics(String name, boolean enabled) {
      calls.add("reputation " + name + " " + enabled);
    }

    @Override
    public void sending(String name, boolean enabled) {
      calls.add("sending " + name + " " + enabled);
    }

    @Override
    public void suppressedReasons(String name, List<String> reasons) {
      calls.add("suppression " + name + " " + reasons);
    }

    @Override
    public void delete(String name) {
      calls.add("delete " + name);
    }

    @Override
    public void tag(String name, Map<String, String> tags) {
      calls.add("tag " + name + " " + new java.util.TreeMap<>(tags));
    }

    @Override
    public void makeDefault(String domain, String name) {
      calls.add("default " + domain + " " + name);
    }

    @Override
    public ConfigurationSetGateway forCaller(AwsCaller caller) {
      return this;
    }
  }
}
