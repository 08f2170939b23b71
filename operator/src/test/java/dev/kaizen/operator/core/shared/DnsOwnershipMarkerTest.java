package dev.kaizen.operator.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.ownership.Ownership;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DnsOwnershipMarkerTest {
  private static final ClusterIdentity CLUSTER = new ClusterIdentity("prod-eu");
  private static final String UID = "3f1c2e7a-0000-4000-8000-000000000001";
  private static final DnsOwnershipMarker MINE = new DnsOwnershipMarker("prod-eu", "shop/MailRoute/web", UID,
      "TXT/spf");
  private static final String EXTERNAL_DNS =
      "\"heritage=external-dns,external-dns/owner=default,external-dns/resource=ingress/shop/web\"";

  @Test
  void rendersTheDocumentedFormatAndParsesItBack() {
    String text = MINE.render();

    assertThat(text).isEqualTo("heritage=kaizen-operator,kaizen.dev/cluster=prod-eu,kaizen.dev/owner="
        + "shop/MailRoute/web,kaizen.dev/uid=" + UID + ",kaizen.dev/part=TXT/spf");
    assertThat(DnsOwnershipMarker.parse(text)).contains(MINE);
    assertThat(DnsOwnershipMarker.recordName("example.com")).isEqualTo("_kaizen-owner.example.com");
  }

  @Test
  void valuesOfOtherToolsAreNotMarkers() {
    assertThat(DnsOwnershipMarker.parse(TxtStrings.decode(EXTERNAL_DNS))).isEmpty();
    assertThat(DnsOwnershipMarker.parse("google-site-verification=abc")).isEmpty();
    assertThat(DnsOwnershipMarker.parse("kaizen.dev/owner=x,heritage=kaizen-operator")).isEmpty();
  }

  @Test
  void aLongOwnerIsShortenedWithAHashToFitOneCharacterString() {
    var a = new DnsOwnershipMarker("prod-eu", "shop/MailRoute/" + "n".repeat(250) + "a", UID, "TXT/spf");
    var b = new DnsOwnershipMarker("prod-eu", "shop/MailRoute/" + "n".repeat(250) + "b", UID, "TXT/spf");

    assertThat(a.render()).hasSizeLessThanOrEqualTo(255).contains("/sha256=");
    assertThat(a.render()).isNotEqualTo(b.render());
    assertThat(TxtStrings.encode(a.render())).doesNotContain("\" \"");
  }

  @Test
  void aClusterIdentityTooLongForTheMarkerIsRefusedWithASentence() {
    var marker = new DnsOwnershipMarker("c".repeat(240), "shop/MailRoute/web", UID, "TXT/spf");

    assertThatThrownBy(marker::render).isInstanceOf(SharedObjectTooLargeException.class)
        .hasMessageContaining("cannot fit in 255 characters");
  }

  @Test
  void judgesThePartByItsMarkerValues() {
    String mine = TxtStrings.encode(MINE.render());
    String otherOwner = TxtStrings.encode(new DnsOwnershipMarker("prod-eu", "shop/MailRoute/other", UID, "TXT/spf")
        .render());
    String otherPart = TxtStrings.encode(new DnsOwnershipMarker("prod-eu", "shop/MailRoute/other", UID, "MX")
        .render());
    String otherUid = TxtStrings.encode(new DnsOwnershipMarker("prod-eu", "shop/MailRoute/web", "uid-2", "TXT/spf")
        .render());
    String previous = TxtStrings.encode(new DnsOwnershipMarker("old", "shop/MailRoute/web", UID, "TXT/spf")
        .render());

    assertThat(DnsOwnershipMarker.judge(List.of(EXTERNAL_DNS, mine, otherPart), MINE, CLUSTER, false))
        .isEqualTo(Ownership.OWNED);
    assertThat(DnsOwnershipMarker.judge(List.of(otherPart, EXTERNAL_DNS), MINE, CLUSTER, false))
        .isEqualTo(Ownership.UNOWNED);
    assertThat(DnsOwnershipMarker.judge(List.of(otherPart), MINE, CLUSTER, true)).isEqualTo(Ownership.ADOPT);
    assertThat(DnsOwnershipMarker.judge(List.of(mine, otherOwner), MINE, CLUSTER, true)).isEqualTo(Ownership.FOREIGN);
    assertThat(DnsOwnershipMarker.judge(List.of(otherUid), MINE, CLUSTER, false)).isEqualTo(Ownership.REATTACH);
    assertThat(DnsOwnershipMarker.judge(List.of(previous), MINE, new ClusterIdentity("prod-eu", Set.of("old")), false))
        .isEqualTo(Ownership.TAKE_OVER);
    assertThat(DnsOwnershipMarker.judge(List.of(previous), MINE, CLUSTER, false)).isEqualTo(Ownership.FOREIGN);
  }

  @Test
  void addingOurMarkerKeepsOtherValuesAndNoWriteWhenAlreadyThere() {
    String other = TxtStrings.encode(new DnsOwnershipMarker("prod-eu", "shop/MailRoute/other", UID, "MX").render());

    var edit = DnsOwnershipMarker.edit(Optional.of(List.of(EXTERNAL_DNS, other)), MINE, CLUSTER, true);

    assertThat(TxtRecordValues.values(edit)).containsExactly(EXTERNAL_DNS, other, TxtStrings.encode(MINE.render()));
    assertThat(DnsOwnershipMarker.edit(Optional.of(TxtRecordValues.values(edit)), MINE, CLUSTER, true).writes())
        .isFalse();
  }

  @Test
  void aReattachedOwnerRewritesItsValueInPlace() {
    String old = TxtStrings.encode(new DnsOwnershipMarker("prod-eu", "shop/MailRoute/web", "uid-2", "TXT/spf")
        .render());

    var edit = DnsOwnershipMarker.edit(Optional.of(List.of(old, EXTERNAL_DNS)), MINE, CLUSTER, true);

    assertThat(TxtRecordValues.values(edit)).containsExactly(TxtStrings.encode(MINE.render()), EXTERNAL_DNS);
  }

  @Test
  void removingOurMarkerKeepsTheRecordWhileOthersRemainAndTheLastOneDeletesIt() {
    String mine = TxtStrings.encode(MINE.render());
    String other = TxtStrings.encode(new DnsOwnershipMarker("prod-eu", "shop/MailRoute/other", UID, "MX").render());

    assertThat(TxtRecordValues.values(DnsOwnershipMarker.edit(Optional.of(List.of(mine, other)), MINE, CLUSTER,
        false))).containsExactly(other);
    assertThat(DnsOwnershipMarker.edit(Optional.of(List.of(mine)), MINE, CLUSTER, false))
        .isEqualTo(new SharedEdit.Delete<>());
    assertThat(DnsOwnershipMarker.edit(Optional.of(List.of(other)), MINE, CLUSTER, false).writes()).isFalse();
  }

  @Test
  void anotherOwnersMarkerForTheSamePartIsNeverTakenAsOurs() {
    String other = TxtStrings.encode(new DnsOwnershipMarker("other-cluster", "shop/MailRoute/web", UID, "TXT/spf")
        .render());

    var edit = DnsOwnershipMarker.edit(Optional.of(List.of(other)), MINE, CLUSTER, false);

    assertThat(edit.writes()).isFalse();
  }

  @Test
  void fieldsThatWouldBreakTheFormatAreRefused() {
    assertThatThrownBy(() -> new DnsOwnershipMarker("a,b", "o", "u", "p")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DnsOwnershipMarker("a b", "o", "u", "p")).isInstanceOf(IllegalArgumentException.class);
  }
}
