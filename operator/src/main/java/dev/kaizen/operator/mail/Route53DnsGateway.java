package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.listing.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * {@link DnsGateway} on the AWS SDK; every call through {@link AwsCalls} against Route 53's one account-wide quota.
 * A listing token is where the next page starts: a name and, when continuing where a page stopped, a type
 * ({@code StartRecordName}/{@code StartRecordType}); MailRoute reads only the names it manages (see {@link ZoneOrder}).
 */
public final class Route53DnsGateway implements DnsGateway {
  static final String SERVICE = "Route53";
  /** ListResourceRecordSets returns at most 300 record sets a page. */
  static final int PAGE_SIZE = 300;

  private final Route53Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;

  public Route53DnsGateway(Route53Client client, AwsCalls calls, AwsTarget target) {
    this(client, calls, target, AwsCaller.UNQUEUED);
  }

  private Route53DnsGateway(Route53Client client, AwsCalls calls, AwsTarget target, AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  @Override
  public Route53DnsGateway forCaller(AwsCaller caller) {
    return new Route53DnsGateway(client, calls, target, caller);
  }

  @Override
  public Page<RecordSet> page(String zoneId, NavigableSet<String> names, String token) {
    return pageOf(zoneId, names, token, () -> calls.listingPage(target, SERVICE, "ListResourceRecordSets",
        () -> client.listResourceRecordSets(request(zoneId, names, token))));
  }

  @Override
  public List<RecordSet> read(String zoneId, NavigableSet<String> names) {
    List<RecordSet> found = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      Page<RecordSet> page = pageOf(zoneId, names, from, () -> call("ListResourceRecordSets",
          () -> client.listResourceRecordSets(request(zoneId, names, from))));
      found.addAll(page.items());
      token = page.nextToken();
    } while (token != null);
    return found;
  }

  /**
   * The wanted record sets of one page, and where the next page starts: where this one stopped when that is a wanted
   * name, else the next wanted name (Route 53 lists in {@link ZoneOrder}: the records in between are others').
   */
  private static Page<RecordSet> pageOf(String zoneId, NavigableSet<String> names, String token,
      Supplier<ListResourceRecordSetsResponse> list) {
    if (names.isEmpty()) {
      return new Page<>(List.of(), null);
    }
    ListResourceRecordSetsResponse page = list.get();
    List<RecordSet> wanted = page.resourceRecordSets().stream().filter(Route53DnsGateway::plain)
        .map(Route53DnsGateway::toRecordSet).filter(set -> names.contains(set.name())).toList();
    if (!Boolean.TRUE.equals(page.isTruncated())) {
      return new Page<>(wanted, null);
    }
    String next = RecordSet.fqdn(page.nextRecordName());
    String firstLeft = names.ceiling(next);
    if (firstLeft == null) {
      return new Page<>(wanted, null);
    }
    return new Page<>(wanted, firstLeft.equals(next) ? next + "\t" + page.nextRecordTypeAsString() : firstLeft + "\t");
  }

  @Override
  public String change(String zoneId, List<RecordChange> changes) {
    List<Change> batch = changes.stream().map(change -> Change.builder()
        .action(change.action() == RecordChange.Action.CREATE ? ChangeAction.CREATE : ChangeAction.DELETE)
        .resourceRecordSet(ResourceRecordSet.builder().name(change.recordSet().name()).type(change.recordSet().type())
            .ttl(change.recordSet().ttl())
            .resourceRecords(change.recordSet().values().stream()
                .map(value -> ResourceRecord.builder().value(value).build()).toList())
            .build())
        .build()).toList();
    return call("ChangeResourceRecordSets", () -> client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
        .changeBatch(b -> b.comment("kaizen-operator MailRoute").changes(batch)))).changeInfo().id();
  }

  @Override
  public boolean inSync(String changeId) {
    return call("GetChange", () -> client.getChange(r -> r.id(changeId))).changeInfo().status() == ChangeStatus.INSYNC;
  }

  @Override
  public Optional<String> publicZoneId(String name) {
    String fqdn = RecordSet.fqdn(name);
    List<HostedZone> zones = call("ListHostedZonesByName", () -> client.listHostedZonesByName(r -> r.dnsName(fqdn)
        .maxItems("10"))).hostedZones().stream()
        .filter(zone -> RecordSet.fqdn(zone.name()).equals(fqdn))
        .filter(zone -> zone.config() == null || !Boolean.TRUE.equals(zone.config().privateZone()))
        .toList();
    if (zones.size() > 1) {
      throw new InvalidSpecException("The account has " + zones.size() + " public hosted zones named " + name
          + ": set dns.hostedZoneId to say which one holds the domain's records.");
    }
    return zones.stream().findFirst().map(zone -> zone.id().replaceFirst("^/hostedzone/", ""));
  }

  /** From {@code token}, or from the first wanted name. */
  private static software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest request(String zoneId,
      NavigableSet<String> names, String from) {
    String token = from != null ? from : names.first() + "\t";
    var request = software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest.builder()
        .hostedZoneId(zoneId).maxItems(String.valueOf(PAGE_SIZE));
    int tab = token.indexOf('\t');
    request.startRecordName(token.substring(0, tab));
    if (tab + 1 < token.length()) {
      request.startRecordType(token.substring(tab + 1));
    }
    return request.build();
  }

  /** Alias and routing-policy record sets are never MailRoute's: kept out of what it reads. */
  private static boolean plain(ResourceRecordSet set) {
    return set.aliasTarget() == null && set.setIdentifier() == null;
  }

  private static RecordSet toRecordSet(ResourceRecordSet set) {
    return new RecordSet(set.name(), set.typeAsString(), set.ttl() == null ? 0 : set.ttl(),
        set.resourceRecords().stream().map(ResourceRecord::value).toList());
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
