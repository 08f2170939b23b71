package dev.kaizen.operator.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private final ClusterIdentity cluster = new ClusterIdentity("cluster-a");
  private final OwnerTags mine = OwnerTags.of(cluster, "shop", "LogPipeline", "web", "uid-2");

  @Test
  void sameClusterOwnerAndUidIsOurs() {
    assertThat(Ownership.judge(OwnerTags.read(mine.asTags()), mine, false)).isEqualTo(Ownership.OWNED);
  }

  @Test
  void sameOwnerWithAnotherUidReattaches() {
    var earlier = new OwnerTags("cluster-a", "shop/LogPipeline/web", "uid-1");
    assertThat(Ownership.judge(earlier, mine, false)).isEqualTo(Ownership.REATTACH);
  }

  @Test
  void untaggedIsAdoptedOnlyWhenAsked() {
    var none = OwnerTags.read(Map.of("team", "shop"));
    assertThat(Ownership.judge(none, mine, false)).isEqualTo(Ownership.UNOWNED);
    assertThat(Ownership.judge(none, mine, true)).isEqualTo(Ownership.ADOPT);
  }

  @Test
  void anotherOwnerOrClusterIsNeverAdopted() {
    assertThat(Ownership.judge(new OwnerTags("cluster-a", "shop/LogPipeline/api", "u"), mine, true))
        .isEqualTo(Ownership.FOREIGN);
    assertThat(Ownership.judge(new OwnerTags("cluster-b", "shop/LogPipeline/web", "uid-2"), mine, true))
        .isEqualTo(Ownership.FOREIGN);
    assertThat(Ownership.judge(new OwnerTags(null, "shop/LogPipeline/web", null), mine, true))
        .isEqualTo(Ownership.FOREIGN);
  }

  @Test
  void aPreviousIdentityOfThisClusterIsTakenOverOnlyForTheSameOwner() {
    var rebuilt = new ClusterIdentity("cluster-a", java.util.Set.of("cluster-old"));
    assertThat(Ownership.judge(new OwnerTags("cluster-old", "shop/LogPipeline/web", "uid-1"), mine, false, rebuilt))
        .isEqualTo(Ownership.TAKE_OVER);
    assertThat(Ownership.judge(new OwnerTags("cluster-old", "shop/LogPipeline/api", "uid-1"), mine, false, rebuilt))
        .isEqualTo(Ownership.FOREIGN);
    assertThat(Ownership.judge(new OwnerTags("cluster-b", "shop/LogPipeline/web", "uid-1"), mine, false, rebuilt))
        .isEqualTo(Ownership.FOREIGN);
    assertThat(Ownership.judge(new OwnerTags("cluster-old", "shop/LogPipeline/web", "uid-1"), mine, false))
        .isEqualTo(Ownership.FOREIGN);
  }

  @Test
  void longOwnersAreHashedToFitATagValue() {
    String name = "n".repeat(253);
    var a = OwnerTags.of(cluster, "ns", "LogPipeline", name, "u");
    var b = OwnerTags.of(cluster, "ns", "LogPipeline", name.substring(1) + "m", "u");
    assertThat(a.owner()).hasSizeLessThanOrEqualTo(256).contains("/sha256=");
    assertThat(a.owner()).isNotEqualTo(b.owner());
    assertThat(OwnerTags.of(cluster, "ns", "LogPipeline", "web", "u").owner()).isEqualTo("ns/LogPipeline/web");
  }
}
