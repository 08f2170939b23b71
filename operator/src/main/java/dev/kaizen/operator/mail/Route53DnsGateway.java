package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.listing.Page;
import java.util.ArrayList;
import java.util.List;
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
 * A listing token is the next record's name and type ({@code NextRecordName}/{@code NextRecordType}).
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
  public Page<RecordSet> page(String zoneId, String token) {
    ListResourceRecordSetsResponse page = calls.listingPage(target, SERVICE, "ListResourceRecordSets",
        () -> client.listResourceRecordSets(request(zoneId, token)));
    return new Page<>(page.resourceRecordSets().stream().filter(Route53DnsGateway::plain)
        .map(Route53DnsGateway::toRecordSet).toList(), nextToken(page));
  }

  @Override
  public List<RecordSet> subtree(String zoneId, String domain) {
    String apex = RecordSet.fqdn(domain);
    List<RecordSet> found = new ArrayList<>();
    String token = apex + "\t";
    while (token != null) {
      String from = token;
      ListResourceRecordSetsResponse page = call("ListResourceRecordSets",
          () -> client.listResourceRecordSets(request(zoneId, from)));
      for (ResourceRecordSet set : page.resourceRecordSets()) {
        RecordSet record = toRecordSet(set);
        if (!record.name().equals(apex) && !record.name().endsWith("." + apex)) {
          return found; // past the subtree: Route 53 lists a name's subtree together
        }
        if (plain(set)) {
          found.add(record);
        }
      }
      token = nextToken(page);
    }
    return found;
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

  private static software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest request(String zoneId,
      String token) {
    var request = software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest.builder()
        .hostedZoneId(zoneId).maxItems(String.valueOf(PAGE_SIZE));
    if (token != null) {
      int tab = token.indexOf('\t');
      request.startRecordName(token.substring(0, tab));
      if (tab + 1 < token.length()) {
        request.startRecordType(token.substring(tab + 1));
      }
    }
    return request.build();
  }

  private static String nextToken(ListResourceRecordSetsResponse page) {
    return Boolean.TRUE.equals(page.isTruncated()) ? page.nextRecordName() + "\t" + page.nextRecordTypeAsString()
        : null;
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
