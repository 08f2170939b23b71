package dev.kaizen.operator.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneConfig;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchChangeException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.PriorRequestNotCompleteException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.route53.model.ThrottlingException;

/**
 * Stateful fake of Route 53 (hosted zones and their record sets) for one account, implementing the SDK client.
 *
 * <p>As Route 53 does (API reference, ChangeResourceRecordSets; Developer Guide, "Supported DNS record types"):
 * <ul>
 *   <li>a change batch is atomic and validated as a whole, its changes applied in order: a CREATE of an existing
 *       record set fails, a DELETE must name the record set exactly (TTL and values), a CNAME shares its name with no
 *       other record set and has one value, a name must be in the zone, a TXT value is one or more quoted strings
 *       of at most 255 characters, a value at most 4,000 characters, at most 1,000 records per batch;
 *       {@code InvalidChangeBatch} (400) lists every problem and nothing changes;
 *   <li>an accepted change is {@code PENDING}, then {@code INSYNC} after {@link #setPropagation} (or when
 *       {@link #releasePending} is called while {@link #holdPending} is on); {@code GetChange} answers its state;
 *   <li>a zone that just took a change is busy for {@link #setBusyAfterChange} ({@code PriorRequestNotComplete},
 *       400, which AWS asks to retry);
 *   <li>{@code ListResourceRecordSets} sorts by name with its labels reversed (ASCII, trailing dot kept), then type,
 *       starts at the first record set at or after {@code StartRecordName} (and {@code StartRecordType}; a type
 *       without a name is {@code InvalidInput}), whether or not that name exists, and pages with
 *       {@code NextRecordName}/{@code NextRecordType} and {@code IsTruncated} ({@code MaxItems}, at most 300 a page);
 *   <li>every request of the account counts against one quota (Route 53 counts per account, across operations):
 *       a token bucket of {@link #ACCOUNT_BURST} refilled at 10 requests per second ({@code Throttling}, 400, "Rate
 *       exceeded"), as Route 53's current throttling page gives
 *       (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html; older pages and the
 *       MailRoute issue say 5, and the operator's share of 10 is that 5). Its per-operation buckets (50, 10/s for
 *       every operation called here) never refuse what the account's lets through, and are not modelled.
 * </ul>
 * Alias records (simple routing) are modelled: an {@code AliasTarget} and neither TTL nor values ({@code InvalidInput}
 * otherwise, as Route 53 answers "Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], ...]"); the
 * target must be another record set of the same type in the same zone, or a resource {@link #aliasTargets} knows
 * (load balancers: the test wires FakeElbV2's), else {@code InvalidChangeBatch} "...but the alias target name does not
 * lie within the target zone" and "...but that target was not found"; stored with the target's DNS name lower case
 * and fully qualified, as Route 53 returns it. Weighted and other routing-policy record sets are not modelled
 * (refused as unsupported).
 */
public class FakeRoute53 extends FakeAwsService implements Route53Client {
  /** Requests per second for the account, all operations together (current throttling page; older pages: 5). */
  public static final int ACCOUNT_QUOTA = 10;
  /** The account bucket's capacity: requests Route 53 absorbs at once after a quiet spell. */
  public static final int ACCOUNT_BURST = 50;
  public static final int MAX_RECORDS_PER_BATCH = 1000;
  public static final int MAX_PAGE = 300;
  private static final List<String> OPERATIONS = List.of("ChangeResourceRecordSets", "GetChange",
      "ListResourceRecordSets", "ListHostedZonesByName", "GetHostedZone");

  static final ServiceErrors ERRORS = new ServiceErrors(
      Route53Exception::builder,
      ServiceErrors.shape(ThrottlingException::builder, 400, "Throttling").saying("Rate exceeded"),
      ServiceErrors.shape(Route53Exception::builder, 503, "ServiceUnavailable")
          .saying("The service is unavailable. Try again later."),
      ServiceErrors.shape(InvalidInputException::builder, 400, "InvalidInput"),
      ServiceErrors.shape(NoSuchHostedZoneException::builder, 404, "NoSuchHostedZone"),
      ServiceErrors.shape(InvalidInputException::builder, 400, "InvalidInput")
          .saying("Invalid pagination token"));

  private record Zone(String id, String name, boolean privateZone, TreeMap<String, ResourceRecordSet> records) {}

  private record ChangeState(String id, String zoneId, Instant submittedAt) {}

  private final Map<String, Zone> zones = new LinkedHashMap<>();
  private final Map<String, ChangeState> changes = new LinkedHashMap<>();
  private final Map<String, Instant> busyUntil = new LinkedHashMap<>();
  private final java.util.Set<String> released = new HashSet<>();
  private final AtomicLong ids = new AtomicLong(1);
  private Duration propagation = Duration.ofMillis(300);
  private Duration busyAfterChange = Duration.ZERO;
  private boolean holdPending;
  /** Alias targets outside this account's zones (canonical hosted zone id, DNS name): none unless wired. */
  private java.util.function.BiPredicate<String, String> aliasTargets = (zone, dns) -> false;

  public FakeRoute53(String accountId) {
    super("Route 53", ERRORS, quotas(), "us-east-1", accountId);
  }

  private static Map<String, Integer> quotas() {
    Map<String, Integer> quotas = new LinkedHashMap<>();
    OPERATIONS.forEach(op -> quotas.put(op, ACCOUNT_QUOTA));
    return quotas;
  }

  @Override
  protected String quotaWindow(String operation) {
    return "account";
  }

  @Override
  protected int quotaBurst(String operation) {
    return ACCOUNT_BURST;
  }

  @Override
  protected void resetState() {
    zones.clear();
    changes.clear();
    busyUntil.clear();
    released.clear();
    propagation = Duration.ofMillis(300);
    busyAfterChange = Duration.ZERO;
    holdPending = false;
  }

  @Override
  public String serviceName() {
    return "route53";
  }

  @Override
  protected Authorization authorization(String operation, Object request) {
    String resource = "*";
    if (request instanceof ChangeResourceRecordSetsRequest r) {
      resource = "arn:aws:route53:::hostedzone/" + bareZoneId(r.hostedZoneId());
    } else if (request instanceof ListResourceRecordSetsRequest r) {
      resource = "arn:aws:route53:::hostedzone/" + bareZoneId(r.hostedZoneId());
    } else if (request instanceof GetHostedZoneRequest r) {
      resource = "arn:aws:route53:::hostedzone/" + bareZoneId(r.id());
    } else if (request instanceof GetChangeRequest r) {
      resource = "arn:aws:route53:::change/" + r.id().replaceFirst("^/change/", "");
    }
    return new Authorization("route53:" + operation, resource, Map.of());
  }

  // ---- backdoors -------------------------------------------------------------------------------------------------

  /** Creates a hosted zone (as a person would, outside the operator) and returns its id. */
  public String createZone(String name, boolean privateZone) {
    synchronized (lock) {
      String id = "Z" + String.format("%010d", ids.getAndIncrement()) + "KAIZEN";
      zones.put(id, new Zone(id, normalize(name), privateZone, new TreeMap<>()));
      return id;
    }
  }

  /** Puts a record set directly (someone else's records: external-dns, a person), replacing one of the same key. */
  public void seed(String zoneId, String name, String type, long ttl, String... values) {
    synchronized (lock) {
      ResourceRecordSet set = ResourceRecordSet.builder().name(normalize(name)).type(type).ttl(ttl)
          .resourceRecords(java.util.Arrays.stream(values).map(v -> ResourceRecord.builder().value(v).build()).toList())
          .build();
      zone(zoneId).records().put(key(set.name(), set.typeAsString()), set);
    }
  }

  /** Deletes a record set directly (a person deleting a record by hand). */
  public void removeDirectly(String zoneId, String name, String type) {
    synchronized (lock) {
      zone(zoneId).records().remove(key(normalize(name), type));
    }
  }

  /** The record set at {@code name} of {@code type}, if any. */
  public Optional<ResourceRecordSet> record(String zoneId, String name, String type) {
    synchronized (lock) {
      return Optional.ofNullable(zone(zoneId).records().get(key(normalize(name), type)));
    }
  }

  /** Every record set of the zone, in Route 53's order. */
  public List<ResourceRecordSet> records(String zoneId) {
    synchronized (lock) {
      return List.copyOf(zone(zoneId).records().values());
    }
  }

  /** What an alias may target besides record sets of this account's zones, e.g. FakeElbV2::isAliasTarget. */
  public void aliasTargets(java.util.function.BiPredicate<String, String> targets) {
    synchronized (lock) {
      aliasTargets = targets;
    }
  }

  /** Puts an alias record set directly (someone else's, or a person's hand edit), replacing one of the same key. */
  public void seedAlias(String zoneId, String name, String type, String targetZoneId, String dnsName,
      boolean evaluateTargetHealth) {
    synchronized (lock) {
      ResourceRecordSet set = ResourceRecordSet.builder().name(normalize(name)).type(type)
          .aliasTarget(a -> a.hostedZoneId(targetZoneId).dnsName(normalize(dnsName))
              .evaluateTargetHealth(evaluateTargetHealth)).build();
      zone(zoneId).records().put(key(set.name(), set.typeAsString()), set);
    }
  }

  /** How long an accepted change stays PENDING (unless held). */
  public void setPropagation(Duration propagation) {
    synchronized (lock) {
      this.propagation = propagation;
    }
  }

  /** While on, changes stay PENDING until {@link #releasePending}. */
  public void holdPending(boolean hold) {
    synchronized (lock) {
      holdPending = hold;
    }
  }

  /** Lets every change submitted so far become INSYNC. */
  public void releasePending() {
    synchronized (lock) {
      released.addAll(changes.keySet());
    }
  }

  /** How long a zone refuses further changes with PriorRequestNotComplete after accepting one. */
  public void setBusyAfterChange(Duration busy) {
    synchronized (lock) {
      busyAfterChange = busy;
    }
  }

  // ---- SDK operations --------------------------------------------------------------------------------------------

  @Override
  public ChangeResourceRecordSetsResponse changeResourceRecordSets(ChangeResourceRecordSetsRequest request) {
    return invoke("ChangeResourceRecordSets", request, () -> {
      Zone zone = zone(request.hostedZoneId());
      Instant now = now();
      if (busyUntil.getOrDefault(zone.id(), Instant.MIN).isAfter(now)) {
        throw serviceError(PriorRequestNotCompleteException.builder(), 400, "PriorRequestNotComplete",
            "The request was rejected because Route 53 was still processing a prior request.");
      }
      List<Change> batch = request.changeBatch() == null ? List.of() : request.changeBatch().changes();
      if (batch.isEmpty()) {
        throw validationError("ChangeBatch must contain at least one change.");
      }
      int recordCount = batch.stream().mapToInt(c -> c.resourceRecordSet().resourceRecords().size()).sum();
      if (recordCount > MAX_RECORDS_PER_BATCH) {
        throw validationError("Number of records in the ChangeBatch exceeds " + MAX_RECORDS_PER_BATCH + ".");
      }
      TreeMap<String, ResourceRecordSet> next = new TreeMap<>(zone.records());
      List<String> problems = new ArrayList<>();
      for (Change change : batch) {
        apply(zone, next, change, problems);
      }
      if (!problems.isEmpty()) {
        throw serviceError(InvalidChangeBatchException.builder(), 400, "InvalidChangeBatch",
            "[" + String.join(", ", problems) + "]");
      }
      zone.records().clear();
      zone.records().putAll(next);
      String id = "C" + String.format("%012d", ids.getAndIncrement());
      changes.put(id, new ChangeState(id, zone.id(), now));
      busyUntil.put(zone.id(), now.plus(busyAfterChange));
      return ok(ChangeResourceRecordSetsResponse.builder().changeInfo(info(changes.get(id))));
    });
  }

  @Override
  public GetChangeResponse getChange(GetChangeRequest request) {
    return invoke("GetChange", request, () -> {
      String id = request.id().replaceFirst("^/change/", "");
      ChangeState state = changes.get(id);
      if (state == null) {
        throw serviceError(NoSuchChangeException.builder(), 404, "NoSuchChange",
            "A change with the specified change ID does not exist.");
      }
      return ok(GetChangeResponse.builder().changeInfo(info(state)));
    });
  }

  @Override
  public ListResourceRecordSetsResponse listResourceRecordSets(ListResourceRecordSetsRequest request) {
    return invoke("ListResourceRecordSets", request, () -> {
      Zone zone = zone(request.hostedZoneId());
      if (request.startRecordType() != null && request.startRecordName() == null) {
        throw validationError("The input is not valid: StartRecordType requires StartRecordName.");
      }
      int max = request.maxItems() == null ? MAX_PAGE : Math.min(MAX_PAGE, Integer.parseInt(request.maxItems()));
      String from = request.startRecordName() == null ? "" : key(normalize(request.startRecordName()),
          request.startRecordTypeAsString() == null ? "" : request.startRecordTypeAsString());
      List<ResourceRecordSet> after = zone.records().tailMap(from, true).values().stream().toList();
      List<ResourceRecordSet> page = after.subList(0, Math.min(max, after.size()));
      var response = ListResourceRecordSetsResponse.builder().resourceRecordSets(page)
          .maxItems(String.valueOf(max)).isTruncated(after.size() > max);
      if (after.size() > max) {
        ResourceRecordSet nextSet = after.get(max);
        response.nextRecordName(nextSet.name()).nextRecordType(nextSet.typeAsString());
      }
      return ok(response);
    });
  }

  @Override
  public ListHostedZonesByNameResponse listHostedZonesByName(ListHostedZonesByNameRequest request) {
    return invoke("ListHostedZonesByName", request, () -> {
      String from = request.dnsName() == null ? "" : reversed(normalize(request.dnsName()));
      int max = request.maxItems() == null ? 100 : Math.min(100, Integer.parseInt(request.maxItems()));
      List<Zone> sorted = zones.values().stream().sorted(Comparator.comparing((Zone z) -> reversed(z.name()))
          .thenComparing(Zone::id)).filter(z -> reversed(z.name()).compareTo(from) >= 0).toList();
      List<HostedZone> page = sorted.stream().limit(max).map(FakeRoute53::hostedZone).toList();
      var response = ListHostedZonesByNameResponse.builder().hostedZones(page).maxItems(String.valueOf(max))
          .isTruncated(sorted.size() > max).dnsName(request.dnsName());
      if (sorted.size() > max) {
        response.nextDNSName(sorted.get(max).name()).nextHostedZoneId(sorted.get(max).id());
      }
      return ok(response);
    });
  }

  @Override
  public GetHostedZoneResponse getHostedZone(GetHostedZoneRequest request) {
    return invoke("GetHostedZone", request, () -> ok(GetHostedZoneResponse.builder()
        .hostedZone(hostedZone(zone(request.id())))));
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private void apply(Zone zone, TreeMap<String, ResourceRecordSet> records, Change change, List<String> problems) {
    ResourceRecordSet set = change.resourceRecordSet();
    if (set == null || set.name() == null || set.type() == null) {
      problems.add("A change needs a ResourceRecordSet with Name and Type");
      return;
    }
    if (set.setIdentifier() != null) {
      throw new UnsupportedOperationException("routing-policy record sets are not modelled");
    }
    String name = normalize(set.name());
    String type = set.typeAsString();
    String label = "[name='" + name + "', type='" + type + "']";
    if (set.aliasTarget() != null && (set.ttl() != null || !set.resourceRecords().isEmpty())) {
      throw validationError("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords],"
          + " or TrafficPolicyInstanceId], but found more than one in Change with [Action=" + change.actionAsString()
          + ", Name=" + name + ", Type=" + type + ", SetIdentifier=null]");
    }
    if (set.aliasTarget() != null) {
      set = set.toBuilder().aliasTarget(set.aliasTarget().toBuilder()
          .dnsName(set.aliasTarget().dnsName() == null ? null : normalize(set.aliasTarget().dnsName())).build()).build();
    }
    if (!name.equals(zone.name()) && !name.endsWith("." + zone.name())) {
      problems.add("RRSet with DNS name " + name + " is not permitted in zone " + zone.name());
      return;
    }
    String key = key(name, type);
    ResourceRecordSet existing = records.get(key);
    switch (change.action()) {
      case CREATE, UPSERT -> {
        if (change.action() == ChangeAction.CREATE && existing != null) {
          problems.add("Tried to create resource record set " + label + " but it already exists");
          return;
        }
        if (set.aliasTarget() != null ? !validAlias(zone, name, type, set, records, problems)
            : !valid(name, type, set, records, problems)) {
          return;
        }
        records.put(key, set.toBuilder().name(name).build());
      }
      case DELETE -> {
        if (existing == null) {
          problems.add("Tried to delete resource record set " + label + " but it was not found");
        } else if (!sameContent(existing, set)) {
          problems.add("Tried to delete resource record set " + label
              + " but the values provided do not match the current values");
        } else {
          records.remove(key);
        }
      }
      default -> problems.add("Unknown action " + change.actionAsString());
    }
  }

  /** An alias: a target Route 53 knows, and the CNAME rules of any record set. */
  private boolean validAlias(Zone zone, String name, String type, ResourceRecordSet set,
      TreeMap<String, ResourceRecordSet> records, List<String> problems) {
    var target = set.aliasTarget();
    if (target.hostedZoneId() == null || target.dnsName() == null || target.evaluateTargetHealth() == null) {
      problems.add("AliasTarget needs HostedZoneId, DNSName and EvaluateTargetHealth for " + name);
      return false;
    }
    String dns = target.dnsName();
    boolean inThisZone = bareZoneId(target.hostedZoneId()).equals(zone.id());
    boolean found = inThisZone ? records.containsKey(key(dns, type))
        : aliasTargets.test(bareZoneId(target.hostedZoneId()), dns);
    if (!found) {
      String tried = "Tried to create an alias that targets " + dns + ", type " + type + " in zone "
          + bareZoneId(target.hostedZoneId());
      problems.add(tried + ", but the alias target name does not lie within the target zone");
      problems.add(tried + ", but that target was not found");
      return false;
    }
    boolean otherTypesHere = records.values().stream()
        .anyMatch(r -> r.name().equals(name) && !r.typeAsString().equals(type));
    if (type.equals("CNAME") && otherTypesHere || !type.equals("CNAME") && records.containsKey(key(name, "CNAME"))) {
      problems.add("RRSet of type " + type + " with DNS name " + name
          + " is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists");
      return false;
    }
    return true;
  }

  private boolean valid(String name, String type, ResourceRecordSet set, TreeMap<String, ResourceRecordSet> records,
      List<String> problems) {
    if (set.ttl() == null || set.ttl() < 0 || set.ttl() > 2147483647L) {
      problems.add("TTL is required and must be between 0 and 2147483647 for " + name);
      return false;
    }
    if (set.resourceRecords().isEmpty()) {
      problems.add("ResourceRecords must hold at least one value for " + name);
      return false;
    }
    boolean otherTypesHere = records.values().stream()
        .anyMatch(r -> r.name().equals(name) && !r.typeAsString().equals(type));
    if (type.equals("CNAME") && (otherTypesHere || set.resourceRecords().size() > 1)) {
      problems.add("RRSet of type CNAME with DNS name " + name
          + " is not permitted as it conflicts with other records with the same DNS name in zone");
      return false;
    }
    if (!type.equals("CNAME") && records.containsKey(key(name, "CNAME"))) {
      problems.add("RRSet of type " + type + " with DNS name " + name
          + " is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists");
      return false;
    }
    for (ResourceRecord record : set.resourceRecords()) {
      String value = record.value();
      if (value == null || value.isEmpty() || value.length() > 4000) {
        problems.add("Invalid Resource Record: a value must have 1 to 4000 characters");
        return false;
      }
      if (type.equals("TXT") || type.equals("SPF")) {
        Optional<String> problem = txtProblem(value);
        if (problem.isPresent()) {
          problems.add("Invalid Resource Record: 'FATAL problem: " + problem.get() + " encountered with '"
              + value + "''");
          return false;
        }
      }
      if (type.equals("MX") && !value.matches("\\d{1,5} \\S+")) {
        problems.add("Invalid Resource Record: 'FATAL problem: MX record must be priority and host' with '" + value
            + "'");
        return false;
      }
    }
    if (new HashSet<>(set.resourceRecords().stream().map(ResourceRecord::value).toList()).size()
        != set.resourceRecords().size()) {
      problems.add("Duplicate Resource Record: '" + set.resourceRecords().get(0).value() + "'");
      return false;
    }
    return true;
  }

  /** A TXT value as Route 53 reads it: quoted strings of at most 255 characters (escapes counted as one). */
  public static Optional<String> txtProblem(String value) {
    String s = value.strip();
    if (!s.startsWith("\"")) {
      return s.length() > 255 ? Optional.of("TXTRDATATooLong") : Optional.empty();
    }
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (c != '"') {
        return Optional.of("InvalidCharacterString");
      }
      i++;
      int length = 0;
      while (i < s.length() && s.charAt(i) != '"') {
        if (s.charAt(i) == '\\') {
          i += i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) ? 4 : 2;
        } else {
          i++;
        }
        length++;
      }
      if (i >= s.length()) {
        return Optional.of("InvalidQuotedString");
      }
      if (length > 255) {
        return Optional.of("TXTRDATATooLong");
      }
      i++;
    }
    return Optional.empty();
  }

  private static boolean sameContent(ResourceRecordSet a, ResourceRecordSet b) {
    if (a.aliasTarget() != null || b.aliasTarget() != null) {
      return a.aliasTarget() != null && b.aliasTarget() != null
          && bareZoneId(a.aliasTarget().hostedZoneId()).equals(bareZoneId(b.aliasTarget().hostedZoneId()))
          && normalize(a.aliasTarget().dnsName()).equals(normalize(b.aliasTarget().dnsName()))
          && java.util.Objects.equals(a.aliasTarget().evaluateTargetHealth(), b.aliasTarget().evaluateTargetHealth());
    }
    return java.util.Objects.equals(a.ttl(), b.ttl())
        && new HashSet<>(a.resourceRecords()).equals(new HashSet<>(b.resourceRecords()))
        && a.resourceRecords().size() == b.resourceRecords().size();
  }

  private ChangeInfo info(ChangeState state) {
    boolean inSync = !holdPending && !state.submittedAt().plus(propagation).isAfter(now())
        || released.contains(state.id());
    return ChangeInfo.builder().id("/change/" + state.id()).submittedAt(state.submittedAt())
        .status(inSync ? ChangeStatus.INSYNC : ChangeStatus.PENDING).build();
  }

  private Zone zone(String id) {
    Zone zone = zones.get(bareZoneId(id));
    if (zone == null) {
      throw notFoundError("No hosted zone found with ID: " + id);
    }
    return zone;
  }

  private static HostedZone hostedZone(Zone zone) {
    return HostedZone.builder().id("/hostedzone/" + zone.id()).name(zone.name()).callerReference(zone.id())
        .config(HostedZoneConfig.builder().privateZone(zone.privateZone()).build())
        .resourceRecordSetCount((long) zone.records().size()).build();
  }

  static String bareZoneId(String id) {
    return id == null ? "" : id.replaceFirst("^/hostedzone/", "");
  }

  /** Route 53 names are case-insensitive and fully qualified: lower case, with the final dot. */
  static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  /**
   * Route 53's listing order: ASCII order of the name with its labels reversed and the trailing dot kept
   * ({@code www.example.com.} sorts as {@code com.example.www.}; API reference, ListResourceRecordSets, "Sort order":
   * the dot matters for names holding characters below it, such as {@code -}: {@code example-a.com.} sorts before
   * {@code example.com.}). A name's subtree is contiguous, right after the name itself.
   */
  static String reversed(String name) {
    List<String> labels = new ArrayList<>(List.of(name.replaceAll("\\.$", "").split("\\.")));
    Collections.reverse(labels);
    return String.join(".", labels) + ".";
  }

  private static String key(String name, String type) {
    return reversed(name) + "\u0000" + type;
  }
}
