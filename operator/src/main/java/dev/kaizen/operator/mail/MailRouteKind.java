package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.api.v1alpha1.common.PendingChange;
import dev.kaizen.operator.api.v1alpha1.mail.DnsRecordStatus;
import dev.kaizen.operator.api.v1alpha1.mail.IdentityStatus;
import dev.kaizen.operator.api.v1alpha1.mail.MailRoute;
import dev.kaizen.operator.api.v1alpha1.mail.MailRouteStatus;
import dev.kaizen.operator.api.v1alpha1.mail.ReputationAlarmStatus;
import dev.kaizen.operator.api.v1alpha1.mail.SpfStatus;
import dev.kaizen.operator.api.v1alpha1.mail.DedicatedIpPoolStatus;
import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.Change;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.StatusCommit;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.listing.ListingRefresher;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.DetailCondition;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.reconcile.PendingState;
import dev.kaizen.operator.core.reconcile.Requests;
import dev.kaizen.operator.core.reconcile.Verdicts;
import dev.kaizen.operator.core.reconcile.Waiting;
import dev.kaizen.operator.core.shared.TxtRecordValues;
import dev.kaizen.operator.core.shared.TxtStrings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * MailRoute's part of the reconcile loop: the SES v2 identity (the root, judged on its tags), then each DNS part in
 * the hosted zone, judged on its ownership TXT record ({@code _kaizen-owner.<name>}). The zone is observed through
 * a shared listing of the names each resource manages in it ({@link ZoneCatalog}); DNS changes go in one batch per zone, followed to INSYNC through {@code status.pending}.
 */
public final class MailRouteKind implements Kind<MailRoute, MailRouteObservation, MailRoutePorts> {
  public static final String DKIM_VERIFIED = "DkimVerified";
  public static final String MAIL_FROM_VERIFIED = "MailFromVerified";
  public static final String SPF_WITHIN_LIMITS = "SpfWithinLimits";
  public static final String DMARC_PUBLISHED = "DmarcPublished";
  public static final String REPUTATION_HEALTHY = "ReputationHealthy";

  private final AwsClients clients;
  private final AwsCalls calls;
  private final Optional<Region> defaultRegion;
  private final ListingRefresher listings;
  private final MailRouteSettings settings;
  private final AccountIds accountIds;
  private final Map<AwsTarget, MailRoutePorts> ports = new ConcurrentHashMap<>();
  private final Map<String, ZoneCatalog> catalogs = new ConcurrentHashMap<>();
  private final Map<String, String> zoneIdsByName = new ConcurrentHashMap<>();
  /**
   * The last GetEmailIdentity per target and domain. Reused for one second by any observe: a reconcile whose light
   * observe turns into a full one must not need a second token of SES's one-request-per-second bucket (with a
   * bucket of one token it would never get both). Reused after that by light observes while the identity is
   * settled and the account's shared listing ({@link RestingListing}) still shows it verified and sending (see
   * {@link #identity}). Dropped when the resource changes it.
   */
  private final Map<String, IdentityRead> identityReads = new ConcurrentHashMap<>();
  /** Per account and region: the identities listed for the routes at rest (ListEmailIdentities). */
  private final Map<AwsTarget, RestingListing<IdentityGateway.ListedIdentity>> restingIdentities =
      new ConcurrentHashMap<>();
  private final java.time.Clock clock;
  /** How old the shared SES listings a light observe reads may be: a quarter of the resync, as the listings. */
  private final java.time.Duration restingReadsFreshFor;
  private static final long IDENTITY_REUSE_NANOS = java.time.Duration.ofSeconds(1).toNanos();
  /**
   * How long a light observe may reuse a route's last GetEmailIdentity / GetConfigurationSet: six resyncs (an hour
   * at the default), 24 freshness windows of the listings. What the listings cannot show (DKIM signing, MAIL FROM,
   * a set's sending, TLS or suppression settings changed by hand) is then put back within the hour rather than at
   * the full observe (6-9 h); each route's re-reads fall at its own times, so SES sees routes / hour of each Get —
   * within our half of its 1 request/s up to ~1,800 routes per account and region.
   */
  private static final int SETTINGS_REREAD_WINDOWS = 24;

  private long settingsRereadNanos() {
    return restingReadsFreshFor.multipliedBy(SETTINGS_REREAD_WINDOWS).toNanos();
  }

  private record IdentityRead(long atNanos, Optional<ObservedIdentity> identity) {}

  /**
   * The last GetConfigurationSet per target and name, reused for one second for the same reason; reused after that
   * by light observes while the account's shared ListConfigurationSets still lists the set (see
   * {@link #configurationSet}). Dropped when the resource changes it.
   */
  private final Map<String, ConfigurationSetRead> configurationSetReads = new ConcurrentHashMap<>();
  /** Per account and region: the configuration set names listed for the routes at rest (ListConfigurationSets). */
  private final Map<AwsTarget, RestingListing<Boolean>> restingSets = new ConcurrentHashMap<>();

  private record ConfigurationSetRead(long atNanos, Optional<ObservedConfigurationSet> set) {}

  /** The last read of a dedicated IP pool per target and name, reused for one second for the same reason. */
  private final Map<String, PoolRead> poolReads = new ConcurrentHashMap<>();
  /** Command line only: the apex SPF counts by domain and record text, so a record's DNS is queried once per run. */
  private final Map<String, SpfLookups.Count> commandLineSpfCounts = new ConcurrentHashMap<>();

  private record PoolRead(long atNanos, Optional<ObservedDedicatedIpPool> pool, Map<String, String> ips) {}

  /** The last read of each configuration set's event destination, per target and set (see {@link #destination}). */
  private final Map<String, Optional<ObservedDeliveryLog.Destination>> destinationReads = new ConcurrentHashMap<>();

  /**
   * @param accountIds the account ID behind each binding, for the ARNs SES tags are read and written on
   */
  public MailRouteKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion, ListingRefresher listings,
      MailRouteSettings settings, AccountIds accountIds) {
    this(clients, calls, defaultRegion, listings, settings, accountIds, java.time.Clock.systemUTC(),
        dev.kaizen.operator.core.reconcile.ReconcileTimings.defaults().listingInterval());
  }

  /**
   * @param restingReadsFreshFor how old the shared SES listings routes at rest read may be (the operator passes
   *     its listing interval, a quarter of the resync)
   */
  public MailRouteKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion, ListingRefresher listings,
      MailRouteSettings settings, AccountIds accountIds, java.time.Clock clock,
      java.time.Duration restingReadsFreshFor) {
    this.clock = clock;
    this.restingReadsFreshFor = restingReadsFreshFor;
    this.accountIds = accountIds;
    this.clients = clients;
    this.calls = calls;
    this.defaultRegion = defaultRegion;
    this.listings = listings;
    this.settings = settings;
  }

  @Override
  public KaizenStatus initStatus(MailRoute route) {
    if (route.getStatus() == null) {
      route.setStatus(new MailRouteStatus());
    }
    return route.getStatus();
  }

  @Override
  public List<String> problems(MailRoute route) {
    List<String> problems = new ArrayList<>();
    if (route.getSpec() == null || route.getSpec().getDomain() == null) {
      return List.of("spec.domain is required.");
    }
    if (route.getSpec().getDns() == null) {
      problems.add("spec.dns is required: a hostedZoneId, a hostedZoneName or manual: true.");
    }
    if (route.getSpec().getMailFrom() != null && route.getSpec().getMailFrom().getSubdomain() == null) {
      problems.add("spec.mailFrom.subdomain is required.");
    }
    if (route.getSpec().getDmarc() != null && route.getSpec().getDmarc().getPolicy() == null) {
      problems.add("spec.dmarc.policy is required.");
    }
    // The SPF budget on the command line (kaizen validate / plan), counted as the operator counts it in observe:
    // recursively through the resolver. An include it could not resolve counts its own one lookup (a lower bound).
    commandLineSpfCount(route).filter(count -> !count.withinLimits()).ifPresent(count -> problems.add("spec.spf: "
        + count.problem(route.getSpec().getDomain().toLowerCase(java.util.Locale.ROOT))
        + (count.unresolvedIncludes().isEmpty() ? "" : " (" + count.unresolvedIncludes().size() + " include(s) not"
            + " resolved, each counted as 1 lookup: the least it costs)")));
    return problems;
  }

  /**
   * On the command line, one plain line per SPF term whose name could not be resolved (it counted as 1 lookup), for
   * {@code kaizen validate} and {@code kaizen plan} to print; none in the operator (status lists the names).
   */
  public List<String> commandLineNotes(MailRoute route) {
    return commandLineSpfCount(route).map(count -> count.unresolvedIncludes().stream().map(SpfLookups.Unresolved::line)
        .distinct().toList()).orElse(List.of());
  }

  /** The apex SPF counted once per record text on the command line (problems and notes both need it). */
  private Optional<SpfLookups.Count> commandLineSpfCount(MailRoute route) {
    if (!settings.commandLine() || route.getSpec() == null || route.getSpec().getDomain() == null
        || route.getSpec().getSpf() == null || !route.getSpec().getSpf().managesApex()) {
      return Optional.empty();
    }
    String domain = route.getSpec().getDomain().toLowerCase(java.util.Locale.ROOT);
    String record = MailRecords.apexSpf(route.getSpec().getSpf());
    return Optional.of(commandLineSpfCounts.computeIfAbsent(domain + " " + record,
        key -> SpfLookups.count(domain, record, settings.resolver())));
  }

  public Optional<AwsTarget> target(MailRoute route) {
    return target(route, AccountBinding.OPERATOR);
  }

  private Optional<AwsTarget> target(MailRoute route, AccountBinding account) {
    return Optional.ofNullable(route.getSpec().getRegion())
        .or(account::defaultRegion)
        .map(Region::of)
        .or(() -> defaultRegion)
        .map(region -> new AwsTarget(account.account(), region));
  }

  @Override
  public MailRoutePorts gateway(MailRoute route, AccountBinding account) {
    AwsTarget target = target(route, account).orElseThrow(() -> new InvalidSpecException("spec.region is not set and"
        + " the operator has no default region: set spec.region, or start the operator with --region or AWS_REGION."));
    // Route 53's bucket is the account's, shared by every MailRoute: each reconcile keeps its turn on it.
    return ports(target).forCaller(AwsCaller.resource(route.getMetadata().getUid()), account.defaultTags());
  }

  public MailRoutePorts ports(AwsTarget target) {
    return ports.computeIfAbsent(target, t -> new MailRoutePorts(t,
        new SesIdentityGateway(clients.client(t, SesV2Client.class), calls, t, accountIds),
        new SesConfigurationSetGateway(clients.client(t, SesV2Client.class), calls, t, accountIds),
        new SesDedicatedIpPoolGateway(clients.client(t, SesV2Client.class), calls, t, accountIds),
        new Route53DnsGateway(clients.client(t, Route53Client.class), calls, t), settings.resolver(), Map.of(),
        new AwsDeliveryLogGateway(clients.client(t, CloudWatchLogsClient.class),
            clients.client(t, EventBridgeClient.class), clients.client(t, SesV2Client.class), calls, t, accountIds),
        new CloudWatchReputationAlarmGateway(clients.client(t, CloudWatchClient.class), calls, t)));
  }

  @Override
  public MailRouteObservation observe(MailRoute route, MailRoutePorts ports, boolean full) {
    AwsTarget target = ports.target();
    DesiredMailRoute desired = DesiredMailRoute.of(route, target.region().id());
    // The SPF budget is checked before any AWS call: a record over it must never be written.
    Optional<SpfLookups.Count> spf = desired.apexSpf().map(text -> SpfLookups.count(desired.domain(), text,
        ports.resolver()));
    spf.filter(count -> !count.withinLimits()).ifPresent(count -> {
      throw new MailRouteStalled(MailRouteStalled.SPF_LOOKUP_LIMIT, count.problem(desired.domain()));
    });
    Optional<ObservedIdentity> identity = identity(ports, desired, full);
    Optional<IdentityGateway.SendingAccount> account = full ? Optional.of(ports.ses().account()) : Optional.empty();
    Optional<String> zoneId = desired.manualDns() ? Optional.empty() : Optional.of(zoneId(route, ports));
    List<DnsPart> parts = parts(route, desired, identity);
    Map<String, List<RecordSet>> records = Map.of();
    if (zoneId.isPresent()) {
      Set<String> names = new LinkedHashSet<>();
      parts.forEach(part -> {
        names.add(part.name());
        names.add(DnsMarkers.markerName(part.name()));
      });
      records = catalog(target).recordsAt(zoneId.get(), names, full, ports.dns(), uid(route));
    }
    // The set the spec names; else the identity's default; else the one status last showed (a dropped set whose
    // deletion failed after the identity stopped pointing at it must not be lost: ours only, judged on its tags).
    Optional<ObservedConfigurationSet> configurationSet = desired.configurationSet().map(DesiredConfigurationSet::name)
        .or(() -> identity.map(ObservedIdentity::configurationSet))
        .or(() -> lastShown(route).map(MailRouteStatus::getConfigurationSet))
        .flatMap(name -> configurationSet(ports, name, full));
    Optional<DesiredDedicatedIpPool> wantedPool = desired.configurationSet()
        .flatMap(DesiredConfigurationSet::dedicatedIpPool);
    // The pool the spec names, or the one our set still sends from after the spec dropped it.
    Optional<PoolRead> pool = wantedPool.map(DesiredDedicatedIpPool::name)
        .or(() -> configurationSet.filter(set -> owner(route).equals(OwnerTags.read(set.tags()).owner()))
            .map(ObservedConfigurationSet::sendingPoolName))
        .or(() -> lastShown(route).map(MailRouteStatus::getDedicatedIpPool).map(DedicatedIpPoolStatus::getName))
        .map(name -> pool(ports, name));
    Map<String, Optional<String>> ipPools = new java.util.LinkedHashMap<>();
    pool.ifPresent(read -> wantedPool.filter(DesiredDedicatedIpPool::standard).ifPresent(wanted -> wanted.ips()
        .stream().filter(ip -> !read.pool().map(ObservedDedicatedIpPool::ips).orElse(List.of()).contains(ip))
        .forEach(ip -> ipPools.put(ip, Optional.ofNullable(read.ips().get(ip))))));
    // The delivery log hangs off the configuration set: read once the identity exists (it is planned after it).
    // A delivery log the spec dropped is read from the names status kept, to be removed when its tags say it is ours.
    Optional<ObservedDeliveryLog> deliveryLog = desired.deliveryLog()
        .or(() -> droppedDeliveryLog(route, configurationSet.map(ObservedConfigurationSet::name)))
        .filter(log -> identity.isPresent())
        .map(log -> ports.deliveryLog().describe(log).withDestination(configurationSet.isEmpty() ? Optional.empty()
            : destination(ports, log.configurationSet(), full)))
        .map(found -> desired.deliveryLog().isPresent() ? found : statementLeft(ports, route, identity.get(), found));
    Optional<ObservedReputationAlarms> alarms = identity.isEmpty() ? Optional.empty()
        : reputationAlarms(route, desired, ports, full);
    return new MailRouteObservation(target, desired, identity, zoneId, parts, records, spf, account, configurationSet,
        pool.flatMap(PoolRead::pool), ipPools, ports.defaultTags(), deliveryLog, alarms);
  }

  /**
   * A dropped delivery log whose group is gone while our statement is still in the shared policy (its removal failed
   * between the two): one DescribeLogGroups page says whether another group under the prefix still needs it. If none
   * does, status keeps naming the group, so the next reconcile (or the operator after a restart) removes the
   * statement; if one does, the statement stays for it.
   */
  private static ObservedDeliveryLog statementLeft(MailRoutePorts ports, MailRoute route, ObservedIdentity identity,
      ObservedDeliveryLog found) {
    if (found.group().isPresent() || !found.holdsStatement(DeliveryLogPlanner.sid(ourTags(route, identity)))) {
      return found;
    }
    String group = DesiredDeliveryLog.of(new dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec(), "",
        route.getMetadata().getNamespace(), route.getMetadata().getName()).groupName();
    return found.withOthersUnderPrefix(ports.deliveryLog().otherGroupsUnder(DesiredDeliveryLog.GROUP_PREFIX, group));
  }

  /**
   * The alarms the spec asks for, or those status still lists after the spec dropped them: one DescribeAlarms by
   * their prefix; their tags on full observes, and always for dropped ones (removed only when ours).
   */
  private static Optional<ObservedReputationAlarms> reputationAlarms(MailRoute route, DesiredMailRoute desired,
      MailRoutePorts ports, boolean full) {
    List<String> names = alarmNamesInPlay(route, desired);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    String prefix = names.get(0).substring(0, names.get(0).lastIndexOf(':') + 1);
    List<ObservedReputationAlarm> found = ports.reputationAlarms().describe(prefix).stream()
        .filter(alarm -> names.contains(alarm.name())).toList();
    boolean dropped = desired.reputationAlarms().isEmpty();
    Optional<Map<String, Map<String, String>>> tags = !full && !dropped ? Optional.empty()
        : Optional.of(found.stream().collect(java.util.stream.Collectors.toMap(ObservedReputationAlarm::name,
            alarm -> ports.reputationAlarms().tags(alarm.arn()))));
    return Optional.of(new ObservedReputationAlarms(found, tags));
  }

  /** The alarm names the spec asks for; else those status still lists (dropped from the spec, not yet deleted). */
  private static List<String> alarmNamesInPlay(MailRoute route, DesiredMailRoute desired) {
    if (!desired.reputationAlarms().isEmpty()) {
      return desired.reputationAlarms().stream().map(DesiredReputationAlarm::name).toList();
    }
    return droppedAlarmNames(route);
  }

  private static List<String> droppedAlarmNames(MailRoute route) {
    if (route.getSpec().getReputationAlarms() != null) {
      return List.of();
    }
    return lastShown(route).map(MailRouteStatus::getReputationAlarms).orElse(List.of()).stream()
        .map(dev.kaizen.operator.api.v1alpha1.mail.ReputationAlarmStatus::getName)
        .filter(name -> name != null && name.startsWith("kaizen:mail:") && name.lastIndexOf(':') > 11).toList();
  }

  /** Alarms the spec dropped whose tags name this resource: ours to delete. */
  private static List<String> removableAlarms(MailRoute route, MailRouteObservation observed) {
    if (!observed.desired().reputationAlarms().isEmpty()) {
      return List.of();
    }
    return observed.reputationAlarms().map(found -> found.alarms().stream().map(ObservedReputationAlarm::name)
        .filter(name -> found.tagsOf(name).map(tags -> ours(route, tags)).orElse(false)).toList())
        .orElse(List.of());
  }

  /**
   * The delivery log the spec no longer asks for, from the group status last showed (its names are derived from the
   * resource, the set is the one observed): empty while the spec has one, or status shows none.
   */
  static Optional<DesiredDeliveryLog> droppedDeliveryLog(MailRoute route, Optional<String> set) {
    if (route.getSpec().getDeliveryLog() != null) {
      return Optional.empty();
    }
    return lastShown(route).map(MailRouteStatus::getDeliveryLogGroup)
        .map(group -> DesiredDeliveryLog.of(new dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec(),
            set.orElse(""), route.getMetadata().getNamespace(), route.getMetadata().getName()))
        .filter(log -> log.groupName().equals(lastShown(route).get().getDeliveryLogGroup()));
  }

  /** The delivery log this observation is about: the spec's, or one it dropped (ours only). */
  private static Optional<DesiredDeliveryLog> deliveryLogInPlay(MailRoute route, MailRouteObservation observed) {
    return observed.desired().deliveryLog().or(() -> droppedDeliveryLog(route,
        observed.configurationSet().map(ObservedConfigurationSet::name)));
  }

  private static boolean ours(MailRoute route, Map<String, String> tags) {
    return owner(route).equals(OwnerTags.read(tags).owner());
  }

  private static Optional<MailRouteStatus> lastShown(MailRoute route) {
    return Optional.ofNullable((MailRouteStatus) route.getStatus());
  }

  /** The pool with its IPs, and where every dedicated IP of the account is (to place those the spec lists). */
  private PoolRead pool(MailRoutePorts ports, String name) {
    String key = ports.target() + " " + name;
    PoolRead last = poolReads.get(key);
    long now = System.nanoTime();
    if (last != null && now - last.atNanos() < IDENTITY_REUSE_NANOS) {
      return last;
    }
    Optional<ObservedDedicatedIpPool> found = ports.pools().describe(name);
    Map<String, String> ips = ports.pools().dedicatedIps();
    PoolRead read = new PoolRead(now, found.map(pool -> new ObservedDedicatedIpPool(pool.name(), pool.scalingMode(),
        pool.tags(), ips.entrySet().stream().filter(ip -> ip.getValue().equals(name)).map(Map.Entry::getKey)
        .toList())), ips);
    poolReads.put(key, read);
    return read;
  }

  /**
   * The set's event destination: read on full observes (or when nothing was read yet), else the last read. One more
   * SES read on every observe starved reconciles on SES's one-request-per-second buckets (measured: a route held
   * back for good on GetConfigurationSetEventDestinations beside a second route). The resource's own changes drop it.
   */
  private Optional<ObservedDeliveryLog.Destination> destination(MailRoutePorts ports, String set, boolean full) {
    String key = ports.target() + " " + set;
    Optional<ObservedDeliveryLog.Destination> last = destinationReads.get(key);
    if (!full && last != null) {
      return last;
    }
    Optional<ObservedDeliveryLog.Destination> read = ports.deliveryLog().destination(set,
        DesiredDeliveryLog.DESTINATION_NAME);
    destinationReads.put(key, read);
    return read;
  }

  /**
   * The identity: read with GetEmailIdentity, except (beyond the one-second reuse) at a light observe of a settled
   * identity, which reuses its last read when the account's shared listing still shows it verified and sending.
   * Settled: the last read saw it verified (VerificationStatus and DKIM SUCCESS) and, when the spec wants a custom
   * MAIL FROM, that domain verified too: nothing is waited for that only GetEmailIdentity shows. Anything else (no
   * earlier read since the operator started or since the route changed it, absent from the listing, another status,
   * sending disabled) reads GetEmailIdentity at once. What the listing cannot show (DKIM signing settings, the MAIL
   * FROM domain and its MX behaviour, the default configuration set, tags) is read again once the last read is
   * {@link #SETTINGS_REREAD_WINDOWS} windows old, and at the full observe.
   */
  private Optional<ObservedIdentity> identity(MailRoutePorts ports, DesiredMailRoute desired, boolean full) {
    String domain = desired.domain();
    String key = ports.target() + " " + domain;
    IdentityRead last = identityReads.get(key);
    long now = System.nanoTime();
    if (last != null && now - last.atNanos() < IDENTITY_REUSE_NANOS) {
      return last.identity();
    }
    if (!full && last != null && now - last.atNanos() < settingsRereadNanos()
        && last.identity().filter(seen -> settled(seen, desired)).isPresent()
        && listedVerifiedAndSending(ports, domain)) {
      return last.identity();
    }
    Optional<ObservedIdentity> read = ports.ses().describe(domain);
    identityReads.put(key, new IdentityRead(now, read));
    return read;
  }

  /** Nothing about the identity is waited for that only GetEmailIdentity would show. */
  private static boolean settled(ObservedIdentity identity, DesiredMailRoute desired) {
    return "SUCCESS".equals(identity.verificationStatus()) && identity.dkimVerified()
        && (desired.mailFromDomain().isEmpty() || "SUCCESS".equals(identity.mailFromStatus()));
  }

  /** Whether the account's shared ListEmailIdentities shows the identity verified and allowed to send. */
  private boolean listedVerifiedAndSending(MailRoutePorts ports, String domain) {
    return restingIdentities.computeIfAbsent(ports.target(), t -> new RestingListing<>(clock, restingReadsFreshFor))
        .read(token -> {
          IdentityGateway.IdentityPage page = ports.ses().listIdentities(token);
          return new RestingListing.Page<>(page.identities(), page.nextToken());
        }).find(domain)
        .filter(listed -> "SUCCESS".equals(listed.verificationStatus()) && listed.sendingEnabled()).isPresent();
  }

  /** Whether the account's shared ListConfigurationSets still lists the set. */
  private boolean stillListed(MailRoutePorts ports, String set) {
    return restingSets.computeIfAbsent(ports.target(), t -> new RestingListing<>(clock, restingReadsFreshFor))
        .read(token -> {
          ConfigurationSetGateway.NamePage page = ports.configurationSets().listNames(token);
          Map<String, Boolean> listed = new java.util.HashMap<>();
          page.names().forEach(name -> listed.put(name, Boolean.TRUE));
          return new RestingListing.Page<>(listed, page.nextToken());
        }).find(set).isPresent();
  }

  /**
   * The configuration set: read with GetConfigurationSet, except (beyond the one-second reuse) at a light observe of
   * a set the last read found, which reuses that read while the account's shared ListConfigurationSets still lists
   * it. The listing says nothing but names: a set deleted by hand is read at once, while its settings changed by
   * hand (TLS policy, sending pool, sending enabled, reputation metrics, suppression, tags) are read, and corrected,
   * once the last read is {@link #SETTINGS_REREAD_WINDOWS} windows old (an hour at the default resync).
   */
  private Optional<ObservedConfigurationSet> configurationSet(MailRoutePorts ports, String name, boolean full) {
    String key = ports.target() + " " + name;
    ConfigurationSetRead last = configurationSetReads.get(key);
    long now = System.nanoTime();
    if (last != null && now - last.atNanos() < IDENTITY_REUSE_NANOS) {
      return last.set();
    }
    if (!full && last != null && now - last.atNanos() < settingsRereadNanos() && last.set().isPresent()
        && stillListed(ports, name)) {
      return last.set();
    }
    Optional<ObservedConfigurationSet> read = ports.configurationSets().describe(name);
    configurationSetReads.put(key, new ConfigurationSetRead(now, read));
    return read;
  }

  private String zoneId(MailRoute route, MailRoutePorts ports) {
    var dns = route.getSpec().getDns();
    if (dns.getHostedZoneId() != null) {
      return dns.getHostedZoneId();
    }
    String name = RecordSet.fqdn(dns.getHostedZoneName());
    String key = ports.target().account() + " " + name;
    String cached = zoneIdsByName.get(key);
    if (cached != null) {
      return cached;
    }
    String id = ports.dns().publicZoneId(name).orElseThrow(() -> new InvalidSpecException("The account has no public"
        + " hosted zone named " + dns.getHostedZoneName() + ": create it, or set dns.hostedZoneId."));
    zoneIdsByName.put(key, id);
    return id;
  }

  /**
   * The DNS parts: the DKIM CNAMEs of the identity's tokens, the MAIL FROM MX and SPF, DMARC, the apex SPF; and, to
   * be removed, those status lists from before that the spec no longer asks for (old DKIM tokens, a MAIL FROM gone).
   */
  static List<DnsPart> parts(MailRoute route, DesiredMailRoute desired, Optional<ObservedIdentity> identity) {
    List<DnsPart> parts = new ArrayList<>();
    identity.ifPresent(found -> found.tokens().forEach(token -> parts.add(DnsPart.whole(
        MailRecords.dkimName(token, desired.domain()), "CNAME", MailRecords.dkimTarget(token), MailRecords.DKIM_TTL))));
    desired.mailFromDomain().ifPresent(mailFrom -> {
      parts.add(DnsPart.whole(mailFrom, "MX", MailRecords.mailFromMx(desired.region()), MailRecords.TTL));
      parts.add(DnsPart.txtValue(mailFrom, "TXT/spf", TxtRecordValues.SPF, MailRecords.MAIL_FROM_SPF, MailRecords.TTL));
    });
    desired.dmarc().ifPresent(text -> parts.add(DnsPart.txtValue("_dmarc." + desired.domain(), "TXT/dmarc",
        MailRecords.DMARC, text, MailRecords.TTL)));
    desired.apexSpf().ifPresent(text -> parts.add(DnsPart.txtValue(desired.domain(), "TXT/spf", TxtRecordValues.SPF,
        text, MailRecords.TTL)));
    if (!desired.manualDns()) {
      Set<String> wanted = new LinkedHashSet<>(parts.stream().map(DnsPart::key).toList());
      previous(route).stream().filter(part -> !wanted.contains(part.key())).forEach(parts::add);
    }
    return parts;
  }

  /** The parts status lists from the last observe, as parts to remove. */
  private static List<DnsPart> previous(MailRoute route) {
    if (route.getStatus() == null) {
      return List.of();
    }
    return ((MailRouteStatus) route.getStatus()).getDnsRecords().stream()
        .filter(record -> record.getName() != null && record.getType() != null && record.getPart() != null)
        .map(record -> new DnsPart(record.getName(), record.getType(), record.getPart(), kindOf(record.getPart()),
            Optional.empty(), MailRecords.TTL))
        .toList();
  }

  private static Predicate<String> kindOf(String part) {
    return switch (part) {
      case "TXT/spf" -> TxtRecordValues.SPF;
      case "TXT/dmarc" -> MailRecords.DMARC;
      default -> null;
    };
  }

  @Override
  public MailRouteObservation emptyAccount(MailRoute route) {
    AwsTarget target = target(route).orElse(AwsTarget.of(Region.of("unset")));
    DesiredMailRoute desired = DesiredMailRoute.of(route, target.region().id());
    // By id, or by the name the plan shows it under (resolving a name is a read of the account).
    Optional<String> zone = Optional.ofNullable(route.getSpec().getDns()).filter(d -> !d.isManual())
        .map(d -> d.getHostedZoneId() != null ? d.getHostedZoneId() : d.getHostedZoneName());
    return new MailRouteObservation(target, desired, Optional.empty(), zone, parts(route, desired, Optional.empty()),
        Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(),
        Optional.empty(), Optional.empty());
  }

  @Override
  public List<OwnedObject> owned(MailRoute route, MailRouteObservation observed) {
    List<OwnedObject> objects = new ArrayList<>();
    String domain = observed.desired().domain();
    objects.add(new OwnedObject(identityKey(domain), observed.identity().isPresent(),
        observed.identity().map(found -> OwnerTags.read(found.tags())),
        observed.identity().map(found -> "ses:" + observed.target().region().id() + ":" + domain)));
    observed.desired().configurationSet().ifPresent(set -> objects.add(new OwnedObject(
        ConfigurationSetPlanner.key(set.name()), observed.configurationSet().isPresent(),
        observed.configurationSet().map(found -> OwnerTags.read(found.tags())),
        observed.configurationSet().map(found -> "ses:" + observed.target().region().id() + ":configuration-set/"
            + set.name()))));
    // A default set the spec no longer names is listed only when its tags say it is ours: another's is none of ours.
    removableConfigurationSet(route, observed).ifPresent(found -> objects.add(new OwnedObject(
        ConfigurationSetPlanner.key(found.name()), true, Optional.of(OwnerTags.read(found.tags())),
        Optional.of("ses:" + observed.target().region().id() + ":configuration-set/" + found.name()))));
    // The pool the spec names; or, dropped from the spec, the one our set still sends from if it is ours.
    observed.desired().configurationSet().flatMap(DesiredConfigurationSet::dedicatedIpPool).ifPresentOrElse(
        wanted -> objects.add(poolObject(observed, wanted.name(), observed.dedicatedIpPool().isPresent(),
            observed.dedicatedIpPool().map(found -> OwnerTags.read(found.tags())))),
        () -> removablePool(route, observed).ifPresent(found -> objects.add(poolObject(observed, found.name(), true,
            Optional.of(OwnerTags.read(found.tags()))))));
    boolean wantsLog = observed.desired().deliveryLog().isPresent();
    deliveryLogInPlay(route, observed).ifPresent(log -> {
      // a dropped log's objects are listed only when their tags name this resource: another's are none of ours
      Optional<ObservedDeliveryLog.Group> group = observed.deliveryLog().flatMap(ObservedDeliveryLog::group)
          .filter(found -> wantsLog || ours(route, found.tags()));
      if (wantsLog || group.isPresent()) {
        objects.add(new OwnedObject(DeliveryLogPlanner.groupKey(log.groupName()), group.isPresent(),
            group.map(found -> OwnerTags.read(found.tags())), group.map(ObservedDeliveryLog.Group::arn)));
      }
      Optional<ObservedDeliveryLog.Rule> rule = observed.deliveryLog().flatMap(ObservedDeliveryLog::rule)
          .filter(found -> wantsLog || ours(route, found.tags()));
      if (wantsLog || rule.isPresent()) {
        objects.add(new OwnedObject(DeliveryLogPlanner.ruleKey(log.ruleName()), rule.isPresent(),
            rule.map(found -> OwnerTags.read(found.tags())), rule.map(found -> "events:" + observed.target()
                .region().id() + ":rule/" + found.name())));
      }
    });
    observed.desired().reputationAlarms().forEach(alarm -> {
      Optional<ObservedReputationAlarm> found = observed.reputationAlarms().flatMap(all -> all.find(alarm.name()));
      objects.add(new OwnedObject(ReputationAlarmPlanner.key(alarm.name()), "CloudWatch alarm " + alarm.name(),
          found.isPresent(), found.flatMap(f -> observed.reputationAlarms().get().tagsOf(f.name()))
              .map(OwnerTags::read), found.map(ObservedReputationAlarm::arn)));
    });
    // Dropped alarms are listed only when their tags name this resource: another's are none of ours.
    removableAlarms(route, observed).forEach(name -> {
      ObservedReputationAlarms all = observed.reputationAlarms().get();
      objects.add(new OwnedObject(ReputationAlarmPlanner.key(name), "CloudWatch alarm " + name, true,
          all.tagsOf(name).map(OwnerTags::read), all.find(name).map(ObservedReputationAlarm::arn)));
    });
    if (observed.zoneId().isEmpty()) {
      return objects;
    }
    String owner = owner(route);
    for (DnsPart part : observed.parts()) {
      boolean exists = exists(observed, part);
      Optional<OwnerTags> marker = exists ? Optional.of(DnsMarkers.ownerOf(observed.record(
          DnsMarkers.markerName(part.name()), "TXT").map(RecordSet::values).orElse(List.of()), part.part(), owner))
          : Optional.empty();
      if (part.value().isEmpty() && marker.map(m -> !owner.equals(m.owner())).orElse(true)) {
        continue; // a part to remove that is not ours (or gone) is none of our business
      }
      objects.add(new OwnedObject(part.key(), "DNS " + part.part() + " record " + RecordSet.display(part.name()),
          exists, marker, Optional.empty()));
    }
    return objects;
  }

  private static OwnedObject poolObject(MailRouteObservation observed, String name, boolean exists,
      Optional<OwnerTags> marker) {
    return new OwnedObject(DedicatedIpPoolPlanner.key(name), exists, marker,
        exists ? Optional.of("ses:" + observed.target().region().id() + ":dedicated-ip-pool/" + name) : Optional.empty());
  }

  /**
   * The pool our configuration set sends from when the spec names none (dropped from the spec), if its tags name
   * this resource: ours to empty and delete.
   */
  static Optional<ObservedDedicatedIpPool> removablePool(MailRoute route, MailRouteObservation observed) {
    boolean wanted = observed.desired().configurationSet().flatMap(DesiredConfigurationSet::dedicatedIpPool)
        .isPresent();
    return wanted ? Optional.empty() : observed.dedicatedIpPool()
        .filter(found -> owner(route).equals(OwnerTags.read(found.tags()).owner()));
  }

  /** The identity's default configuration set when the spec names none and its tags name this resource. */
  static Optional<ObservedConfigurationSet> removableConfigurationSet(MailRoute route, MailRouteObservation observed) {
    if (observed.desired().configurationSet().isPresent()) {
      return Optional.empty();
    }
    return observed.configurationSet().filter(found -> owner(route).equals(OwnerTags.read(found.tags()).owner()));
  }

  static String identityKey(String domain) {
    return "SES identity " + domain;
  }

  private static boolean exists(MailRouteObservation observed, DnsPart part) {
    Optional<RecordSet> set = observed.record(part.name(), part.type());
    if (!part.sharedTxt()) {
      return set.isPresent();
    }
    return set.map(s -> s.values().stream().map(TxtStrings::decode).anyMatch(part.txtKind())).orElse(false);
  }

  @Override
  public Plan<MailRoutePorts> plan(MailRoute route, MailRouteObservation observed, Verdicts verdicts,
      OwnerTags mine) {
    Plan<MailRoutePorts> plan = recordingCreations(route, observed, MailRoutePlanner.plan(observed, verdicts,
        mine, Requests.pending(route, route.getStatus(), MailRoutePlanner.RETRY_VERIFICATION)));
    if (observed.identity().isEmpty() && settings.planAhead()) {
      return PlanAhead.plan(plan, observed, verdicts, mine); // the command line: what follows the identity's creation
    }
    Optional<ObservedConfigurationSet> dropped = removableConfigurationSet(route, observed);
    Optional<ObservedDedicatedIpPool> droppedPool = removablePool(route, observed)
        .filter(pool -> verdicts.deletable(DedicatedIpPoolPlanner.key(pool.name())));
    Optional<DesiredDeliveryLog> droppedLog = observed.desired().deliveryLog().isPresent() ? Optional.empty()
        : deliveryLogInPlay(route, observed);
    List<String> droppedAlarms = removableAlarms(route, observed);
    if (dropped.isEmpty() && droppedPool.isEmpty() && droppedLog.isEmpty() && droppedAlarms.isEmpty()
        || observed.identity().isEmpty() || !verdicts.root().mayManage()) {
      return plan;
    }
    List<Change<MailRoutePorts>> changes = new ArrayList<>(plan.changes());
    observed.reputationAlarms().ifPresent(found -> changes.addAll(ReputationAlarmPlanner.removal(droppedAlarms, found,
        verdicts, "spec.reputationAlarms removed")));
    // The dropped delivery log first: its event destination lives in the set, which may be going too.
    droppedLog.ifPresent(log -> observed.deliveryLog().ifPresent(found -> changes.addAll(DeliveryLogPlanner.deletion(
        log, found, verdicts, mine, "spec.deliveryLog removed"))));
    dropped.ifPresent(set -> changes.addAll(ConfigurationSetPlanner.removal(set.name(), observed.identity().get(),
        verdicts)));
    // After the set stopped sending from it (the set's delivery options are planned before).
    droppedPool.ifPresent(pool -> changes.addAll(DedicatedIpPoolPlanner.removal(pool,
        "spec.configurationSet.dedicatedIpPool removed")));
    return new Plan<>(changes, plan.commit());
  }

  /**
   * A plan that creates objects found again only from status when the spec drops them (the delivery log's group, the
   * reputation alarms) first writes their names to status (locked, before any change): if the spec drops them before
   * a reconcile could observe the new objects (AWS throttling, a restart), status still says where they are, and they
   * are removed instead of left behind.
   */
  static Plan<MailRoutePorts> recordingCreations(MailRoute route, MailRouteObservation observed,
      Plan<MailRoutePorts> plan) {
    if (plan.changes().isEmpty()) {
      return plan;
    }
    // Whatever status showed before: describe writes what this reconcile observed, which lacks what it creates.
    Optional<String> creatingGroup = observed.desired().deliveryLog().map(DesiredDeliveryLog::groupName)
        .filter(group -> observed.deliveryLog().isPresent() && observed.deliveryLog().get().group().isEmpty());
    List<DesiredReputationAlarm> creatingAlarms = observed.reputationAlarms().isEmpty() ? List.of()
        : observed.desired().reputationAlarms().stream()
            .filter(alarm -> observed.reputationAlarms().get().find(alarm.name()).isEmpty()).toList();
    if (creatingGroup.isEmpty() && creatingAlarms.isEmpty()) {
      return plan;
    }
    List<String> recorded = new ArrayList<>();
    creatingGroup.ifPresent(group -> recorded.add("delivery log group " + group));
    creatingAlarms.forEach(alarm -> recorded.add("alarm " + alarm.name()));
    StatusCommit record = new StatusCommit("record " + String.join(", ", recorded), status -> {
      MailRouteStatus mail = (MailRouteStatus) status;
      creatingGroup.ifPresent(mail::setDeliveryLogGroup);
      List<ReputationAlarmStatus> alarms = new ArrayList<>(mail.getReputationAlarms());
      creatingAlarms.stream().filter(alarm -> alarms.stream().noneMatch(a -> alarm.name().equals(a.getName())))
          .forEach(alarm -> alarms.add(new ReputationAlarmStatus(alarm.name(), alarm.metric().metricName,
              alarm.thresholdPercent(), null)));
      mail.setReputationAlarms(alarms);
    });
    StatusCommit commit = plan.commit().map(first -> new StatusCommit(first.describe() + "; " + record.describe(),
        status -> {
          first.edit().accept(status);
          record.edit().accept(status);
        })).orElse(record);
    return new Plan<>(plan.changes(), Optional.of(commit));
  }

  @Override
  public void describe(MailRoute route, MailRouteObservation observed) {
    MailRouteStatus status = (MailRouteStatus) initStatus(route);
    IdentityStatus identity = new IdentityStatus();
    identity.setName(observed.desired().domain());
    observed.identity().ifPresent(found -> {
      identity.setVerificationStatus(found.verificationStatus());
      identity.setDkimStatus(found.dkimStatus());
      if (!found.dkimVerified() && found.keyGeneratedAt() != null) {
        identity.setDkimPendingSince(found.keyGeneratedAt().toString());
      }
      identity.setMailFromDomain(found.mailFromDomain());
      identity.setMailFromStatus(found.mailFromStatus());
    });
    status.setIdentity(identity);
    // A set or pool the spec dropped stays in status while it exists and is ours: the next observe finds it there
    // if its removal stopped half-way (the identity no longer pointing at the set, the set gone before the pool).
    status.setConfigurationSet(observed.identity().map(ObservedIdentity::configurationSet)
        .or(() -> removableConfigurationSet(route, observed).map(ObservedConfigurationSet::name)).orElse(null));
    status.setDedicatedIpPool(observed.desired().configurationSet().flatMap(DesiredConfigurationSet::dedicatedIpPool)
        .flatMap(wanted -> observed.dedicatedIpPool()).or(() -> removablePool(route, observed))
        .map(pool -> new DedicatedIpPoolStatus(pool.name(), pool.scalingMode(), pool.ips())).orElse(null));
    // A dropped delivery log stays named while its group exists, or while its removal left our policy statement
    // that no other group needs: the next observe finds it there and finishes the removal.
    status.setDeliveryLogGroup(observed.deliveryLog().flatMap(ObservedDeliveryLog::group)
        .map(ObservedDeliveryLog.Group::name)
        .or(() -> observed.identity().flatMap(sender -> observed.deliveryLog()
            .filter(log -> log.statementLeftBehind(DeliveryLogPlanner.sid(ourTags(route, sender))))
            .flatMap(log -> droppedDeliveryLog(route, Optional.empty())).map(DesiredDeliveryLog::groupName)))
        .orElse(null));
    // Dropped alarms stay listed while they exist and are ours, so a removal that stopped half-way is found again.
    List<String> droppedAlarms = removableAlarms(route, observed);
    status.setReputationAlarms(observed.reputationAlarms().map(found -> found.alarms().stream()
        .filter(alarm -> !observed.desired().reputationAlarms().isEmpty() || droppedAlarms.contains(alarm.name()))
        .map(alarm -> new dev.kaizen.operator.api.v1alpha1.mail.ReputationAlarmStatus(alarm.name(),
            alarm.metricName(), ReputationHealth.percentOf(alarm.threshold()), alarm.state())).toList())
        .orElse(List.of()));
    status.setHostedZoneId(observed.zoneId().orElse(null));
    List<DnsRecordStatus> records = new ArrayList<>();
    for (DnsPart part : observed.parts()) {
      boolean manual = observed.zoneId().isEmpty();
      if (part.value().isPresent()) {
        records.add(new DnsRecordStatus(RecordSet.display(part.name()), part.type(), part.part(),
            part.sharedTxt() ? "\"" + part.value().get() + "\"" : part.value().get(),
            manual ? null : inPlace(observed, part)));
      } else if (exists(observed, part)) {
        records.add(new DnsRecordStatus(RecordSet.display(part.name()), part.type(), part.part(), null, true));
      }
    }
    status.setDnsRecords(records);
    status.setApexSpf(observed.apexSpf().map(count -> {
      SpfStatus spf = new SpfStatus();
      spf.setRecord(observed.desired().apexSpf().orElse(null));
      spf.setLookups(count.lookups());
      spf.setVoidLookups(count.voidLookups());
      spf.setUnresolved(count.unresolved());
      return spf;
    }).orElse(null));
    observed.account().ifPresent(account -> {
      status.setSandbox(!account.productionAccess());
      status.setEnforcementStatus(account.enforcementStatus());
    });
  }

  private static boolean inPlace(MailRouteObservation observed, DnsPart part) {
    Optional<RecordSet> set = observed.record(part.name(), part.type());
    if (part.sharedTxt()) {
      return set.map(s -> s.values().stream().map(TxtStrings::decode).anyMatch(part.value().get()::equals))
          .orElse(false);
    }
    return set.map(s -> s.values().equals(List.of(part.value().get()))).orElse(false);
  }

  @Override
  public void describeIntent(MailRoute route) {
    IdentityStatus identity = new IdentityStatus();
    identity.setName(route.getSpec().getDomain());
    ((MailRouteStatus) initStatus(route)).setIdentity(identity);
  }

  @Override
  public Optional<Waiting> waiting(MailRoute route, MailRouteObservation observed) {
    Optional<ObservedIdentity> identity = observed.identity();
    if (identity.isEmpty()) {
      return Optional.empty();
    }
    String where = observed.zoneId().isPresent() ? "" : " Create the records listed in status.dnsRecords.";
    if (!identity.get().dkimVerified()) {
      return Optional.of(new Waiting("DkimPending", "SES is looking for the DKIM records of "
          + observed.desired().domain() + " (status " + identity.get().dkimStatus() + "; it gives up after 72 hours)."
          + where, settings.verificationRecheck()));
    }
    if (observed.desired().mailFromDomain().isPresent() && !"SUCCESS".equals(identity.get().mailFromStatus())) {
      return Optional.of(new Waiting("MailFromPending", "SES is looking for the MX record of the MAIL FROM domain "
          + observed.desired().mailFromDomain().get() + " (status " + identity.get().mailFromStatus() + ")." + where,
          settings.verificationRecheck()));
    }
    return Optional.empty();
  }

  @Override
  public PendingState poll(MailRoute route, MailRoutePorts ports, PendingChange pending) {
    String handle = pending.getHandle();
    if (handle == null || !handle.startsWith(MailRoutePlanner.ROUTE53_HANDLE)) {
      return PendingState.DONE;
    }
    String changeId = handle.substring(MailRoutePlanner.ROUTE53_HANDLE.length());
    return ports.dns().inSync(changeId) ? PendingState.DONE : PendingState.waiting(new Waiting("DnsChangePending",
        "Route 53 change " + changeId + " is still PENDING (not yet on every Route 53 name server).",
        settings.dnsChangeRecheck()));
  }

  @Override
  public List<DetailCondition> details(MailRoute route, Optional<MailRouteObservation> observed,
      Optional<Failure> failure) {
    List<DetailCondition> details = new ArrayList<>();
    Optional<ObservedIdentity> identity = observed.flatMap(MailRouteObservation::identity);
    if (failure.map(f -> MailRouteStalled.DKIM_VERIFICATION_FAILED.equals(f.reason())).orElse(false)) {
      details.add(DetailCondition.of(DKIM_VERIFIED, false, "DkimVerificationFailed", failure.get().message()));
    } else if (identity.isEmpty()) {
      details.add(DetailCondition.unknown(DKIM_VERIFIED, "NotObserved", "The SES identity was not read."));
    } else {
      details.add(DetailCondition.of(DKIM_VERIFIED, identity.get().dkimVerified(),
          identity.get().dkimVerified() ? "Verified" : "DkimPending", "DKIM status " + identity.get().dkimStatus() + "."));
    }
    boolean wantsMailFrom = route.getSpec().getMailFrom() != null;
    if (!wantsMailFrom) {
      details.add(DetailCondition.of(MAIL_FROM_VERIFIED, true, "NotConfigured", "SES's own MAIL FROM domain is used."));
    } else if (identity.isEmpty()) {
      details.add(DetailCondition.unknown(MAIL_FROM_VERIFIED, "NotObserved", "The SES identity was not read."));
    } else {
      boolean verified = "SUCCESS".equals(identity.get().mailFromStatus());
      details.add(DetailCondition.of(MAIL_FROM_VERIFIED, verified, verified ? "Verified" : "MailFromPending",
          "MAIL FROM status " + identity.get().mailFromStatus() + "."));
    }
    if (failure.map(f -> MailRouteStalled.SPF_LOOKUP_LIMIT.equals(f.reason())).orElse(false)) {
      details.add(DetailCondition.of(SPF_WITHIN_LIMITS, false, MailRouteStalled.SPF_LOOKUP_LIMIT,
          failure.get().message()));
    } else if (route.getSpec().getSpf() == null || !route.getSpec().getSpf().managesApex()) {
      details.add(DetailCondition.of(SPF_WITHIN_LIMITS, true, "NotManaged", "The apex SPF record is not managed."));
    } else {
      Optional<SpfLookups.Count> count = observed.flatMap(MailRouteObservation::apexSpf);
      details.add(count.map(c -> DetailCondition.of(SPF_WITHIN_LIMITS, true, "WithinLimits", c.lookups()
              + " DNS lookups of " + SpfLookups.MAX_LOOKUPS + ", " + c.voidLookups() + " void of "
              + SpfLookups.MAX_VOID_LOOKUPS + (c.unresolved().isEmpty() ? "." : "; not resolved: "
              + String.join(", ", c.unresolved()) + ".")))
          .orElse(DetailCondition.unknown(SPF_WITHIN_LIMITS, "NotCounted", "The apex SPF record was not counted.")));
    }
    if (route.getSpec().getDmarc() == null) {
      details.add(DetailCondition.of(DMARC_PUBLISHED, false, "NotConfigured", "spec.dmarc is not set."));
    } else {
      Optional<Boolean> published = observed.flatMap(o -> o.parts().stream()
          .filter(p -> p.part().equals("TXT/dmarc") && p.value().isPresent()).findFirst()
          .map(p -> o.zoneId().isEmpty() ? null : inPlace(o, p)));
      details.add(published.map(in -> DetailCondition.of(DMARC_PUBLISHED, in, in ? "Published" : "NotPublished",
              in ? "The DMARC record is in place." : "The DMARC record is not in place yet."))
          .orElse(DetailCondition.unknown(DMARC_PUBLISHED, "NotObserved", "The DMARC record was not read.")));
    }
    details.add(ReputationHealth.condition(route.getSpec().getReputationAlarms() != null,
        observed.flatMap(MailRouteObservation::reputationAlarms), lastShown(route)
            .flatMap(status -> dev.kaizen.operator.core.Conditions.find(status.getConditions(), REPUTATION_HEALTHY))
            .map(c -> new DetailCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage()))));
    return details;
  }

  @Override
  public Optional<Failure> classify(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof MailRouteStalled stalled) {
        return Optional.of(new Failure(FailureKind.INVALID, stalled.reason(), stalled.getMessage(), Optional.empty()));
      }
      if (cause instanceof InvalidChangeBatchException rejected) {
        // The zone changed since it was read (a record created or edited by someone else): read it again and replan.
        return Optional.of(new Failure(FailureKind.TRANSIENT, "DnsChangeRejected", "Route 53 refused the change"
            + " batch as the zone now stands (" + rejected.awsErrorDetails().errorMessage() + "); the zone is read"
            + " again and the change planned anew.", Optional.empty()));
      }
    }
    return Optional.empty();
  }

  @Override
  public Plan<MailRoutePorts> deletionPlan(MailRoute route, MailRouteObservation observed, Verdicts verdicts) {
    if (!verdicts.deletable(identityKey(observed.desired().domain()))) {
      return Plan.empty();
    }
    List<Change<MailRoutePorts>> changes = new ArrayList<>();
    observed.zoneId().ifPresent(zoneId -> {
      List<DnsPart> removals = observed.parts().stream().map(DnsPart::removed).toList();
      List<RecordChange> batch = DnsPlanner.plan(removals, observed::recordsAt, verdicts::of,
          ownerTagsFromVerdicts(route, observed));
      if (!batch.isEmpty()) {
        changes.add(MailRoutePlanner.dnsDeletion(zoneId, batch));
      }
    });
    // The delivery log first: its event destination lives in the set, deleted below.
    deliveryLogInPlay(route, observed).ifPresent(log -> observed.deliveryLog().ifPresent(found -> changes.addAll(
        DeliveryLogPlanner.deletion(log, found, verdicts, ownerTagsFromVerdicts(route, observed),
            "resource deleted"))));
    observed.reputationAlarms().ifPresent(found -> changes.addAll(ReputationAlarmPlanner.removal(
        found.alarms().stream().map(ObservedReputationAlarm::name).toList(), found, verdicts, "resource deleted")));
    String domain = observed.desired().domain();
    changes.add(Change.of(dev.kaizen.operator.core.Effect.DELETE, "DeleteEmailIdentity", domain, "resource deleted",
        ports -> ports.ses().delete(domain)));
    // After the identity: while it exists its mail goes through the set.
    observed.desired().configurationSet().map(DesiredConfigurationSet::name)
        .or(() -> removableConfigurationSet(route, observed).map(ObservedConfigurationSet::name))
        .filter(name -> verdicts.deletable(ConfigurationSetPlanner.key(name)))
        .ifPresent(name -> changes.add(Change.of(dev.kaizen.operator.core.Effect.DELETE, "DeleteConfigurationSet", name,
            "resource deleted", ports -> ports.configurationSets().delete(name))));
    // Last: the set sent from it until it went; its leased IPs go back to SES's default pool first.
    observed.dedicatedIpPool().filter(pool -> verdicts.deletable(DedicatedIpPoolPlanner.key(pool.name())))
        .ifPresent(pool -> changes.addAll(DedicatedIpPoolPlanner.removal(pool, "resource deleted")));
    return new Plan<>(changes);
  }

  /**
   * Removing our marker values needs our owner tags: the identity's own tags say them (it is ours, or the deletion
   * plan would be empty).
   */
  private static OwnerTags ownerTagsFromVerdicts(MailRoute route, MailRouteObservation observed) {
    return ownerTags(route, observed.identity().map(ObservedIdentity::tags).orElse(Map.of()));
  }

  /** Our owner tags as the identity carries them (its cluster names our statement in the shared policy). */
  private static OwnerTags ourTags(MailRoute route, ObservedIdentity identity) {
    return ownerTags(route, identity.tags());
  }

  private static OwnerTags ownerTags(MailRoute route, Map<String, String> tags) {
    OwnerTags read = OwnerTags.read(tags);
    return new OwnerTags(read.cluster(), read.owner() != null ? read.owner() : owner(route),
        read.uid() != null ? read.uid() : uid(route));
  }

  @Override
  public void changed(MailRoute route) {
    MailRouteStatus status = (MailRouteStatus) route.getStatus();
    target(route).ifPresent(target -> {
      identityReads.remove(target + " " + route.getSpec().getDomain().toLowerCase(java.util.Locale.ROOT));
      // the set the spec names, or the one it dropped (status says which the identity used)
      Optional.ofNullable(route.getSpec().getConfigurationSet()).ifPresent(set -> {
        configurationSetReads.remove(target + " " + set.getName());
        destinationReads.remove(target + " " + set.getName());
        Optional.ofNullable(set.getDedicatedIpPool()).ifPresent(pool -> poolReads.remove(target + " " + pool.getName()));
      });
      Optional.ofNullable(status).map(MailRouteStatus::getDedicatedIpPool)
          .ifPresent(pool -> poolReads.remove(target + " " + pool.getName()));
      Optional.ofNullable(status).map(MailRouteStatus::getConfigurationSet)
          .ifPresent(name -> configurationSetReads.remove(target + " " + name));
      if (status != null && status.getHostedZoneId() != null) {
        Set<String> names = new LinkedHashSet<>();
        status.getDnsRecords().forEach(record -> {
          names.add(RecordSet.fqdn(record.getName()));
          names.add(DnsMarkers.markerName(record.getName()));
        });
        catalog(target).changed(status.getHostedZoneId(), names);
      }
    });
  }

  @Override
  public Optional<String> driftDetectionBehind(MailRoute route) {
    return target(route).map(t -> catalogs.get(t.account())).flatMap(ZoneCatalog::behind);
  }

  /** After deletion: the zone listing no longer needs this resource. */
  public void forget(MailRoute route) {
    target(route).ifPresent(target -> {
      catalog(target).forget(uid(route));
      identityReads.remove(target + " " + route.getSpec().getDomain().toLowerCase(java.util.Locale.ROOT));
    });
  }

  /** Route 53 is global: one catalog per account, whatever the region. */
  private ZoneCatalog catalog(AwsTarget target) {
    return catalogs.computeIfAbsent(target.account(), account -> new ZoneCatalog(ports(target).dns(), listings,
        account + "@route53"));
  }

  private static String uid(MailRoute route) {
    return Optional.ofNullable(route.getMetadata().getUid()).orElse("(not yet created)");
  }

  private static String owner(MailRoute route) {
    return OwnerTags.owner(route.getMetadata().getNamespace(), MailRoute.KIND, route.getMetadata().getName());
  }
}
