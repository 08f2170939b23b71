package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.ownership.Ownership;
import dev.kaizen.operator.core.shared.DnsOwnershipMarker;
import dev.kaizen.operator.core.shared.TxtRecordValues;
import dev.kaizen.operator.core.shared.TxtStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DnsPlannerTest {
  private static final OwnerTags MINE = new OwnerTags("prod", "shop/MailRoute/mail", "uid-1");
  private static final String SITE = "\"google-site-verification=abc\\\"q\\\" \\010\"";

  private final List<RecordSet> zone = new ArrayList<>();

  private Function<String, List<RecordSet>> at() {
    Map<String, List<RecordSet>> byName = zone.stream().collect(Collectors.groupingBy(RecordSet::name));
    return name -> byName.getOrDefault(name, List.of());
  }

  private static String marker(String part) {
    return TxtStrings.encode(DnsOwnershipMarker.of(MINE, part).render());
  }

  private static DnsPart apexSpf(String text) {
    return DnsPart.txtValue("example.com", "TXT/spf", TxtRecordValues.SPF, text, 300);
  }

  private static DnsPart dmarc(String text) {
    return DnsPart.txtValue("_dmarc.example.com", "TXT/dmarc", MailRecords.DMARC, text, 300);
  }

  @Test
  void ourSpfValueJoinsAForeignTxtRecordSetWhoseValueStaysByteForByte() {
    zone.add(new RecordSet("example.com", "TXT", 3600, List.of(SITE)));
    List<RecordChange> batch = DnsPlanner.plan(List.of(apexSpf("v=spf1 include:amazonses.com ~all")), at(),
        key -> Ownership.OWNED, MINE);
    assertThat(batch).extracting(RecordChange::describe)
        .containsExactly("DELETE TXT example.com", "CREATE TXT example.com", "CREATE TXT _kaizen-owner.example.com");
    assertThat(batch.get(0).recordSet().values()).containsExactly(SITE); // deleted exactly as read
    RecordSet written = batch.get(1).recordSet();
    assertThat(written.ttl()).isEqualTo(3600); // the record set's TTL is not ours to change
    assertThat(written.values()).containsExactly(SITE, "\"v=spf1 include:amazonses.com ~all\"");
    assertThat(batch.get(2).recordSet().values()).containsExactly(marker("TXT/spf"));
  }

  @Test
  void aDmarcChangeIsExactlyTheDmarcRecordReplaced() {
    zone.add(new RecordSet("_dmarc.example.com", "TXT", 300, List.of("\"v=DMARC1; p=none\"")));
    zone.add(new RecordSet("_kaizen-owner._dmarc.example.com", "TXT", 300, List.of(marker("TXT/dmarc"))));
    List<RecordChange> batch = DnsPlanner.plan(List.of(dmarc("v=DMARC1; p=reject")), at(), key -> Ownership.OWNED,
        MINE);
    assertThat(batch).extracting(RecordChange::describe)
        .containsExactly("DELETE TXT _dmarc.example.com", "CREATE TXT _dmarc.example.com");
    assertThat(batch.get(1).recordSet().values()).containsExactly("\"v=DMARC1; p=reject\"");
    assertThat(DnsPlanner.plan(List.of(dmarc("v=DMARC1; p=none")), at(), key -> Ownership.OWNED, MINE)).isEmpty();
  }

  @Test
  void removingOurPartKeepsOthersValuesAndOthersMarkers() {
    String otherMarker = TxtStrings.encode(DnsOwnershipMarker.of(new OwnerTags("prod", "web/MailRoute/x", "u2"),
        "MX").render());
    zone.add(new RecordSet("example.com", "TXT", 300, List.of(SITE, "\"v=spf1 -all\"")));
    zone.add(new RecordSet("_kaizen-owner.example.com", "TXT", 300, List.of(otherMarker, marker("TXT/spf"))));
    List<RecordChange> batch = DnsPlanner.plan(List.of(apexSpf("v=spf1 -all").removed()), at(),
        key -> Ownership.OWNED, MINE);
    assertThat(batch).extracting(RecordChange::describe).containsExactly("DELETE TXT example.com",
        "DELETE TXT _kaizen-owner.example.com", "CREATE TXT example.com", "CREATE TXT _kaizen-owner.example.com");
    assertThat(batch.get(2).recordSet().values()).containsExactly(SITE);
    assertThat(batch.get(3).recordSet().values()).containsExactly(otherMarker);
  }

  @Test
  void anSpfValueNotOursIsLeftAloneUnlessAdoptedAndTwoAreAConflict() {
    zone.add(new RecordSet("example.com", "TXT", 300, List.of("\"v=spf1 mx -all\"")));
    assertThat(DnsPlanner.plan(List.of(apexSpf("v=spf1 a -all")), at(), key -> Ownership.UNOWNED, MINE)).isEmpty();
    List<RecordChange> adopted = DnsPlanner.plan(List.of(apexSpf("v=spf1 a -all")), at(), key -> Ownership.ADOPT,
        MINE);
    assertThat(adopted.get(1).recordSet().values()).containsExactly("\"v=spf1 a -all\"");

    zone.set(0, new RecordSet("example.com", "TXT", 300, List.of("\"v=spf1 mx -all\"", "\"v=spf1 a -all\"")));
    assertThatThrownBy(() -> DnsPlanner.plan(List.of(apexSpf("v=spf1 a -all")), at(), key -> Ownership.OWNED, MINE))
        .isInstanceOf(MailRouteStalled.class).hasMessageContaining("RFC 7208");
  }

  @Test
  void aDkimCnameDeletedByHandIsCreatedAgainAlone() {
    zone.add(new RecordSet("_kaizen-owner.t1._domainkey.example.com", "TXT", 300, List.of(marker("CNAME"))));
    List<RecordChange> batch = DnsPlanner.plan(List.of(DnsPart.whole("t1._domainkey.example.com", "CNAME",
        "t1.dkim.amazonses.com", 1800)), at(), key -> Ownership.OWNED, MINE);
    assertThat(batch).extracting(RecordChange::describe).containsExactly("CREATE CNAME t1._domainkey.example.com");
  }
}
