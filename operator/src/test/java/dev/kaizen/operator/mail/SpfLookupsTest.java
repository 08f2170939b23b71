package dev.kaizen.operator.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.mail.SpfSpec;
import dev.kaizen.operator.core.shared.TxtStrings;
import dev.kaizen.operator.fakes.FakeDnsResolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpfLookupsTest {
  private final FakeDnsResolver dns = new FakeDnsResolver();

  @Test
  void countsIncludesRecursivelyAndTermsThatQueryDns() {
    dns.txt("_spf.google.com", "v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all")
        .txt("_netblocks.google.com", "v=spf1 ip4:198.51.100.0/24 ~all")
        .txt("_netblocks2.google.com", "v=spf1 ip6:2001:db8::/32 ~all")
        .addresses("example.com", 1).mx("example.com", "mx.example.com");
    var count = SpfLookups.count("example.com", "v=spf1 ip4:192.0.2.1 a mx include:_spf.google.com -all", dns);
    assertThat(count.lookups()).isEqualTo(5); // a, mx, include + its two includes; ip4/ip6/all cost none
    assertThat(count.voidLookups()).isZero();
    assertThat(count.withinLimits()).isTrue();
    assertThat(count.termCosts()).containsExactly("a (1 lookup)", "mx (1 lookup)", "include:_spf.google.com (3 lookups)");
  }

  @Test
  void overTenLookupsOrTwoVoidLookupsIsOverBudgetNamingTheTerms() {
    List<String> includes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      dns.txt("vendor" + i + ".example", "v=spf1 include:a.vendor" + i + ".example include:b.vendor" + i + ".example ~all")
          .txt("a.vendor" + i + ".example", "v=spf1 ip4:192.0.2." + i + " ~all")
          .txt("b.vendor" + i + ".example", "v=spf1 ip4:198.51.100." + i + " ~all");
      includes.add("include:vendor" + i + ".example");
    }
    var over = SpfLookups.count("example.com", "v=spf1 " + String.join(" ", includes) + " ~all", dns);
    assertThat(over.lookups()).isEqualTo(12);
    assertThat(over.withinLimits()).isFalse();
    assertThat(over.problem("example.com")).contains("12 DNS lookups", "include:vendor0.example (3 lookups)");

    var voids = SpfLookups.count("example.com", "v=spf1 include:gone1.example include:gone2.example "
        + "include:gone3.example ~all", dns);
    assertThat(voids.lookups()).isEqualTo(3);
    assertThat(voids.voidLookups()).isEqualTo(3);
    assertThat(voids.withinLimits()).isFalse();
  }

  @Test
  void namesTheResolverCouldNotAnswerForAndStopsAtLoops() {
    dns.unreachable("slow.example").txt("loop.example", "v=spf1 include:loop.example ~all");
    var count = SpfLookups.count("example.com", "v=spf1 include:slow.example include:loop.example ~all", dns);
    assertThat(count.unresolved()).containsExactly("slow.example");
    assertThat(count.lookups()).isEqualTo(3); // slow, loop, and loop's include of itself (counted, not followed)
    assertThat(count.unresolvedTerms()).singleElement().satisfies(term -> assertThat(term.line())
        .isEqualTo("could not resolve include:slow.example: SocketTimeoutException (no answer); counted as 1 lookup"));
  }

  @Test
  void anIncludeNotResolvedDeeperDownIsNamedAsWrittenAndWithoutDnsEveryIncludeIsOneLookup() {
    dns.txt("_spf.example.com", "v=spf1 include:_spf2.example.com ip4:192.0.2.0/24 ~all").unreachable("_spf2.example.com");
    var count = SpfLookups.count("example.com", "v=spf1 include:_spf.example.com mx ~all", dns);
    assertThat(count.lookups()).isEqualTo(3);
    assertThat(count.unresolvedTerms()).extracting(SpfLookups.Unresolved::line).containsExactly(
        "could not resolve include:_spf2.example.com: SocketTimeoutException (no answer); counted as 1 lookup");

    int queries = dns.queries();
    var offline = SpfLookups.count("example.com", "v=spf1 include:_spf.example.com mx ~all", DnsResolver.NOT_QUERIED);
    assertThat(offline.lookups()).isEqualTo(2);
    assertThat(offline.unresolved()).containsExactly("_spf.example.com", "example.com");
    // the mx costs its one lookup whatever its answer: only the include's record is missing from the count
    assertThat(offline.unresolvedIncludes()).extracting(SpfLookups.Unresolved::line).containsExactly(
        "could not resolve include:_spf.example.com: DNS not queried (--no-dns); counted as 1 lookup");
    assertThat(dns.queries()).isEqualTo(queries);
  }

  @Test
  void composesTheApexRecordAndSplitsALongOneInto255CharacterStrings() {
    SpfSpec spf = new SpfSpec();
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ips.add("192.0.2." + i);
    }
    spf.setIp4(ips);
    spf.setA(true);
    spf.setInclude(List.of("_spf.Google.com"));
    spf.setAll(SpfSpec.All.fail);
    String text = MailRecords.apexSpf(spf);
    assertThat(text).startsWith("v=spf1 ip4:192.0.2.0 ip4:192.0.2.1 ").endsWith(" a include:_spf.google.com -all");
    String stored = TxtStrings.encode(text);
    assertThat(text.length()).isGreaterThan(255);
    assertThat(stored).matches("\"[^\"]{255}\" \"[^\"]+\"");
    assertThat(TxtStrings.decode(stored)).isEqualTo(text);
    assertThat(dev.kaizen.operator.fakes.FakeRoute53.txtProblem(stored)).isEmpty();
  }
}
