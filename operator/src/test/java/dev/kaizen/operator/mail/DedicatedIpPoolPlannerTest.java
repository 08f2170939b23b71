package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class DedicatedIpPoolPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("prod", "shop/MailRoute/mail", "uid-1");
  private static final String DEFAULT = DesiredDedicatedIpPool.SES_DEFAULT_POOL;
  private static final DesiredDedicatedIpPool STANDARD = new DesiredDedicatedIpPool("shop-pool", "STANDARD",
      List.of("192.0.2.2", "192.0.2.1"));

  private final List<String> calls = new ArrayList<>();

  private static Verdicts verdict(Ownership ownership) {
    return new Verdicts(Map.of(DedicatedIpPoolPlanner.key("shop-pool"), ownership), List.of());
  }

  private static ObservedDedicatedIpPool pool(String mode, Map<String, String> tags, String... ips) {
    return new ObservedDedicatedIpPool("shop-pool", mode, tags, List.of(ips));
  }

  private List<String> apply(List<Change<MailRoutePorts>> changes) {
    MailRoutePorts ports = new MailRoutePorts(AwsTarget.of(Region.EU_WEST_1), null, null, new RecordingPools(), null,
        null, Map.of("cost-center", "42"));
    changes.forEach(change -> change.applyTo(ports));
    return calls;
  }

  @Test
  void anAbsentPoolIsCreatedTaggedThenItsListedIpsMovedInFromTheDefaultPool() {
    List<Change<MailRoutePorts>> changes = DedicatedIpPoolPlanner.plan(STANDARD, Optional.empty(),
        Map.of("192.0.2.1", Optional.of(DEFAULT), "192.0.2.2", Optional.of(DEFAULT)), verdict(Ownership.UNOWNED), MINE, Map.of());
    assertThat(apply(changes)).containsExactly(
        "create shop-pool STANDARD {cost-center=42, kaizen.dev/cluster=prod, kaizen.dev/owner=shop/MailRoute/mail,"
            + " kaizen.dev/uid=uid-1}",
        "move 192.0.2.1 shop-pool", "move 192.0.2.2 shop-pool");
  }

  @Test
  void anIpNoLongerListedGoesBackToTheDefaultPoolAndAPoolInPlaceNeedsNothing() {
    List<Change<MailRoutePorts>> changes = DedicatedIpPoolPlanner.plan(STANDARD,
        Optional.of(pool("STANDARD", MINE.asTags(), "192.0.2.1", "192.0.2.9")),
        Map.of("192.0.2.2", Optional.of(DEFAULT)), verdict(Ownership.OWNED), MINE, Map.of());
    assertThat(apply(changes)).containsExactly("move 192.0.2.2 shop-pool", "move 192.0.2.9 " + DEFAULT);

    assertThat(DedicatedIpPoolPlanner.plan(STANDARD, Optional.of(pool("STANDARD", MINE.asTags(), "192.0.2.1",
        "192.0.2.2")), Map.of(), verdict(Ownership.OWNED), MINE, Map.of())).isEmpty();
  }

  @Test
  void anIpNotLeasedOrInAnotherPoolStallsBeforeAnyChange() {
    assertThatThrownBy(() -> DedicatedIpPoolPlanner.plan(STANDARD, Optional.empty(),
        Map.of("192.0.2.1", Optional.of(DEFAULT), "192.0.2.2", Optional.empty()), verdict(Ownership.UNOWNED), MINE, Map.of()))
        .isInstanceOf(MailRouteStalled.class).hasMessageContaining("not leased the dedicated IP 192.0.2.2");
    assertThatThrownBy(() -> DedicatedIpPoolPlanner.plan(STANDARD, Optional.empty(),
        Map.of("192.0.2.1", Optional.of("marketing"), "192.0.2.2", Optional.of(DEFAULT)), verdict(Ownership.UNOWNED),
        MINE, Map.of())).isInstanceOf(MailRouteStalled.class).hasMessageContaining("192.0.2.1 is in the pool marketing");
  }

  @Test
  void aPoolOfAnotherOwnerIsNeverWrittenAndAManagedPoolsIpsAreSes() {
    Map<String, String> foreign = Map.of(OwnerTags.CLUSTER, "prod", OwnerTags.OWNER, "web/MailRoute/x");
    assertThat(DedicatedIpPoolPlanner.plan(STANDARD, Optional.of(pool("STANDARD", foreign, "192.0.2.7")),
        Map.of("192.0.2.1", Optional.of(DEFAULT), "192.0.2.2", Optional.of(DEFAULT)), verdict(Ownership.FOREIGN), MINE, Map.of()))
        .isEmpty();
    DesiredDedicatedIpPool managed = new DesiredDedicatedIpPool("shop-pool", "MANAGED", List.of());
    assertThat(DedicatedIpPoolPlanner.plan(managed, Optional.of(pool("MANAGED", MINE.asTags(), "198.51.100.1")),
        Map.of(), verdict(Ownership.OWNED), MINE, Map.of())).isEmpty();
  }

  @Test
  void aStandardPoolTheSpecWantsManagedIsConvertedInPlaceKeepingItsIpsAndNeverTheOtherWay() {
    DesiredDedicatedIpPool managed = new DesiredDedicatedIpPool("shop-pool", "MANAGED", List.of());
    List<Change<MailRoutePorts>> changes = DedicatedIpPoolPlanner.plan(managed,
        Optional.of(pool("STANDARD", MINE.asTags(), "192.0.2.1", "192.0.2.2")), Map.of(), verdict(Ownership.OWNED),
        MINE, Map.of());
    assertThat(changes).singleElement().satisfies(change -> assertThat(change.reason()).isEqualTo("STANDARD ->"
        + " MANAGED: SES sizes the pool from now on (its IPs 192.0.2.1, 192.0.2.2 stay in it, no longer moved by the"
        + " operator)"));
    // one call, and no IP moved out: SES keeps them in the converted pool
    assertThat(apply(changes)).containsExactly("scaling shop-pool MANAGED");
    calls.clear();
    // an adopted pool is tagged first: IAM authorizes the conversion on this cluster's tag
    assertThat(apply(DedicatedIpPoolPlanner.plan(managed, Optional.of(pool("STANDARD", Map.of())), Map.of(),
        verdict(Ownership.ADOPT), MINE, Map.of()))).containsExactly("tag shop-pool {kaizen.dev/cluster=prod,"
        + " kaizen.dev/owner=shop/MailRoute/mail, kaizen.dev/uid=uid-1}", "scaling shop-pool MANAGED");
    assertThatThrownBy(() -> DedicatedIpPoolPlanner.plan(STANDARD, Optional.of(pool("MANAGED", MINE.asTags())),
        Map.of(), verdict(Ownership.OWNED), MINE, Map.of())).isInstanceOf(MailRouteStalled.class)
        .hasMessageContaining("is MANAGED, the spec asks for STANDARD: SES cannot convert a MANAGED pool to STANDARD");
  }

  @Test
  void aPoolOursByRuleIsTaggedWithoutRemovingOtherTags() {
    List<Change<MailRoutePorts>> changes = DedicatedIpPoolPlanner.plan(STANDARD, Optional.of(pool("STANDARD",
        Map.of("team", "mail"), "192.0.2.1", "192.0.2.2")), Map.of(), verdict(Ownership.ADOPT), MINE,
        Map.of("cost-center", "42"));
    assertThat(apply(changes)).containsExactly("tag shop-pool {cost-center=42, kaizen.dev/cluster=prod,"
        + " kaizen.dev/owner=shop/MailRoute/mail, kaizen.dev/uid=uid-1}");
  }

  @Test
  void anAccountDefaultTagMissingOnAPoolOfOursIsAddedAndNothingElseChanges() {
    List<Change<MailRoutePorts>> changes = DedicatedIpPoolPlanner.plan(STANDARD, Optional.of(pool("STANDARD",
        MINE.asTags(), "192.0.2.1", "192.0.2.2")), Map.of(), verdict(Ownership.OWNED), MINE,
        Map.of("cost-center", "42"));
    assertThat(changes).singleElement().satisfies(change -> assertThat(change.reason())
        .isEqualTo("tags cost-center not as wanted"));
  }

  @Test
  void aStandardPoolIsEmptiedBeforeItIsDeletedAManagedOneIsDeletedWithItsIps() {
    assertThat(apply(DedicatedIpPoolPlanner.removal(pool("STANDARD", MINE.asTags(), "192.0.2.1", "192.0.2.2"),
        "resource deleted"))).containsExactly("move 192.0.2.1 " + DEFAULT, "move 192.0.2.2 " + DEFAULT,
        "delete shop-pool");
    calls.clear();
    assertThat(apply(DedicatedIpPoolPlanner.removal(pool("MANAGED", MINE.asTags(), "198.51.100.1"),
        "resource deleted"))).containsExactly("delete shop-pool");
  }

  /** Records what the plan asked SES to do. */
  private final class RecordingPools implements DedicatedIpPoolGateway {
    @Override
    public Optional<ObservedDedicatedIpPool> describe(String name) {
      throw new AssertionError("a plan does not read");
    }

    @Override
    public Map<String, String> dedicatedIps() {
      throw new AssertionError("a plan does not read");
    }

    @Override
    public void create(String name, String scalingMode, Map<String, String> tags) {
      calls.add("create " + name + " " + scalingMode + " " + new java.util.TreeMap<>(tags));
    }

    @Override
    public void changeScalingMode(String name, String scalingMode) {
      calls.add("scaling " + name + " " + scalingMode);
    }

    @Override
    public void move(String ip, String pool) {
      calls.add("move " + ip + " " + pool);
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
    public DedicatedIpPoolGateway forCaller(AwsCaller caller) {
      return this;
    }
  }
}
