package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.RateLimitedException;
import dev.kaizen.operator.core.listing.Page;
import dev.kaizen.operator.fakes.FakeRoute53;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;

/** MailRoute reads only the names it manages, however many records others keep in the zone. */
class Route53DnsGatewayReadTest {
  private final FakeRoute53 route53 = new FakeRoute53("111122223333");
  private final Route53DnsGateway dns = new Route53DnsGateway(route53, new AwsCalls(new RateLimits()),
      AwsTarget.of(Region.EU_WEST_1));
  private String zone;

  /** Ours: the apex SPF, DMARC, MAIL FROM, two DKIM CNAMEs and each one's marker. */
  private final NavigableSet<String> names = ZoneOrder.sorted(List.of("example.com", "_kaizen-owner.example.com",
      "_dmarc.example.com", "_kaizen-owner._dmarc.example.com", "bounce.example.com",
      "_kaizen-owner.bounce.example.com", "tok1._domainkey.example.com", "_kaizen-owner.tok1._domainkey.example.com",
      "tok2._domainkey.example.com", "_kaizen-owner.tok2._domainkey.example.com"));

  @BeforeEach
  void zone() {
    route53.setQuotasEnforced(false);
    zone = route53.createZone("example.com", false);
    // 3,000 record sets of others, before, between and after ours in Route 53's order (digits < '_' < letters).
    for (int i = 0; i < 1000; i++) {
      route53.seed(zone, "1host" + i + ".example.com", "A", 300, "192.0.2.1");
      route53.seed(zone, "svc" + i + ".example.com", "A", 300, "192.0.2.2");
      route53.seed(zone, "a-svc" + i + ".example.com", "TXT", 300, "\"heritage=external-dns\"");
    }
    route53.seed(zone, "example-shop.com.example.com", "A", 300, "192.0.2.3");
    route53.seed(zone, "_github-challenge.example.com", "TXT", 300, "\"abc\"");
    route53.seed(zone, "example.com", "TXT", 300, "\"google-site-verification=x\"", "\"v=spf1 -all\"");
    route53.seed(zone, "example.com", "MX", 300, "10 mx.example.net");
    route53.seed(zone, "_kaizen-owner.example.com", "TXT", 300, "\"heritage=kaizen-operator\"");
    route53.seed(zone, "_dmarc.example.com", "TXT", 300, "\"v=DMARC1; p=none\"");
    route53.seed(zone, "bounce.example.com", "MX", 300, "10 feedback-smtp.eu-west-1.amazonses.com");
    route53.seed(zone, "bounce.example.com", "TXT", 300, "\"v=spf1 include:amazonses.com ~all\"");
    route53.seed(zone, "tok1._domainkey.example.com", "CNAME", 300, "tok1.dkim.amazonses.com");
    route53.seed(zone, "tok2._domainkey.example.com", "CNAME", 300, "tok2.dkim.amazonses.com");
    route53.seed(zone, "google._domainkey.example.com", "TXT", 300, "\"v=DKIM1; k=rsa\"");
  }

  @Test
  void aDirectReadSkipsOthersRecordsAndFindsEveryOneOfOurs() {
    List<RecordSet> read = dns.read(zone, names);

    assertThat(read).extracting(set -> set.name() + " " + set.type()).containsExactlyInAnyOrder(
        "example.com. MX", "example.com. TXT", "_kaizen-owner.example.com. TXT", "_dmarc.example.com. TXT",
        "bounce.example.com. MX", "bounce.example.com. TXT", "tok1._domainkey.example.com. CNAME",
        "tok2._domainkey.example.com. CNAME");
    // The whole zone is 11 pages of 300; ours: the apex page, the underscore names, the MAIL FROM domain.
    List<ListResourceRecordSetsRequest> requests = route53.calls("ListResourceRecordSets").stream()
        .map(call -> call.request(ListResourceRecordSetsRequest.class)).toList();
    assertThat(route53.records(zone).size()).isGreaterThan(3000);
    assertThat(requests).hasSize(3);
    assertThat(requests).allSatisfy(request -> assertThat(names).contains(request.startRecordName()));
  }

  @Test
  void listingPagesSayWhereToSkipToAndStopOnceNoNameIsLeft() {
    List<RecordSet> listed = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String from = token;
      // a listing page takes a token of the listings' share, which a test's quick succession may find empty
      Page<RecordSet> page = await().ignoreExceptionsInstanceOf(RateLimitedException.class)
          .until(() -> dns.page(zone, names, from), p -> true);
      listed.addAll(page.items());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(dns.read(zone, names));
  }

  @Test
  void aDomainWhoseNamesSitTogetherIsOnePage() {
    String sub = route53.createZone("mail.example.org", false);
    for (int i = 0; i < 1000; i++) {
      route53.seed(sub, "host" + i + ".mail.example.org", "A", 300, "192.0.2.1");
    }
    route53.seed(sub, "_dmarc.mail.example.org", "TXT", 300, "\"v=DMARC1; p=none\"");
    int before = route53.callCount("ListResourceRecordSets");

    List<RecordSet> read = dns.read(sub, ZoneOrder.sorted(List.of("_dmarc.mail.example.org",
        "_kaizen-owner._dmarc.mail.example.org")));

    assertThat(read).extracting(RecordSet::name).containsExactly("_dmarc.mail.example.org.");
    assertThat(route53.callCount("ListResourceRecordSets") - before).isEqualTo(1);
  }

  @Test
  void namesSortAsRoute53ListsThem() {
    assertThat(ZoneOrder.sorted(List.of("bounce.example.com", "example-a.com", "example.com", "a-b.example.com",
        "a.example.com", "_dmarc.example.com", "1.example.com")))
        .containsExactly("example-a.com.", "example.com.", "1.example.com.", "_dmarc.example.com.", "a-b.example.com.",
            "a.example.com.", "bounce.example.com.");
  }
}
