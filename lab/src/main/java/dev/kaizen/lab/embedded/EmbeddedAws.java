package dev.kaizen.lab.embedded;

import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.ClientRegions;
import dev.kaizen.operator.fakes.FakeAutoScaling;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.fakes.FakeEc2;
import dev.kaizen.operator.fakes.FakeElbV2;
import dev.kaizen.operator.fakes.FakeEventBridge;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeScheduler;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.fakes.FakeSsm;
import dev.kaizen.operator.fakes.FakeSts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS in this process: the stateful fakes of every service the kinds call, one per (account, Region) — one per
 * account for a global service (Route 53) — each enforcing its own per-account quotas. Every call resolves the
 * credentials of its target's account binding (the operator's own, or an AwsAccount's role assumed through the real
 * {@link AccountCredentials} and the SDK's assume-role provider against {@link FakeSts}) and reaches the fakes of the
 * account those credentials belong to, as AWS decides it. Every call is recorded ({@link #calls()}, listeners), and
 * may be slowed by a fixed latency, as a network would.
 */
public final class EmbeddedAws implements AwsClients, AutoCloseable {
  /** The operator's own account and role (what `kaizen run` gets from IRSA in a cluster). */
  public static final String OPERATOR_ACCOUNT = "111122223333";
  public static final String OPERATOR_ROLE = "arn:aws:iam::" + OPERATOR_ACCOUNT + ":role/kaizen-operator";

  private record Key(String account, Region region, Class<?> service) {}

  private final Map<Class<?>, BiFunction<String, Region, FakeAwsService>> factories = Map.ofEntries(
      Map.entry(CloudWatchLogsClient.class, (account, region) -> new FakeCloudWatchLogs(region, account)),
      Map.entry(CloudWatchClient.class, (account, region) -> new FakeCloudWatch(region.id(), account)),
      Map.entry(SesV2Client.class, (account, region) -> new FakeSesV2(region.id(), account)),
      Map.entry(Route53Client.class, (account, region) -> route53WithAliasTargets(account)),
      Map.entry(Ec2Client.class, (account, region) -> new FakeEc2(region.id(), account)),
      Map.entry(ElasticLoadBalancingV2Client.class, (account, region) -> new FakeElbV2(region.id(), account)),
      Map.entry(AutoScalingClient.class, (account, region) -> new FakeAutoScaling(region.id(), account,
          ec2(account, region), elb(account, region))),
      Map.entry(SsmClient.class, (account, region) -> new FakeSsm(region.id(), account)),
      Map.entry(SchedulerClient.class, (account, region) -> new FakeScheduler(region.id(), account)),
      Map.entry(EventBridgeClient.class, (account, region) -> new FakeEventBridge(region.id(), account)));

  private final Map<Key, FakeAwsService> fakes = new ConcurrentHashMap<>();
  private final Region home;
  private final FakeSts sts;
  private final AwsCredentialsProvider operatorKeys;
  private final AccountCredentials credentials;
  private final Duration latency;
  private final Clock clock = Clock.systemUTC();
  private final List<AwsCall> calls = new CopyOnWriteArrayList<>();
  private final List<Consumer<AwsCall>> listeners = new CopyOnWriteArrayList<>();

  /** @param latency added to every call (zero for none), as a network round trip would */
  public EmbeddedAws(Region stsRegion, Duration latency) {
    this.latency = latency;
    this.home = stsRegion;
    this.sts = new FakeSts(stsRegion.id(), OPERATOR_ACCOUNT);
    this.operatorKeys = sts.principal("AKIAKAIZENOPERATOR01", OPERATOR_ACCOUNT, OPERATOR_ROLE);
    this.credentials = new AccountCredentials(operatorKeys, sts::client, AccountCredentials.Refresh.DEFAULT);
  }

  /** Route 53 alias records may target the account's load balancers in any Region (a SolrCluster's endpoint). */
  private FakeRoute53 route53WithAliasTargets(String account) {
    FakeRoute53 route53 = new FakeRoute53(account);
    route53.aliasTargets((zone, dns) -> all(FakeElbV2.class).stream()
        .filter(elb -> elb.accountId().equals(account)).anyMatch(elb -> elb.isAliasTarget(zone, dns)));
    return route53;
  }

  // ---- set-up: what exists in AWS before the operator runs ---------------------------------------------------------

  /** A role the operator's own role may assume (its trust policy), optionally requiring an external ID. */
  public void trustOperator(String roleArn, Optional<String> externalId) {
    sts.role(roleArn, Set.of(OPERATOR_ROLE), externalId);
  }

  public FakeSts sts() {
    return sts;
  }

  public FakeCloudWatchLogs logs(String account, Region region) {
    return fake(account, region, CloudWatchLogsClient.class);
  }

  public FakeCloudWatch cloudWatch(String account, Region region) {
    return fake(account, region, CloudWatchClient.class);
  }

  public FakeSesV2 ses(String account, Region region) {
    return fake(account, region, SesV2Client.class);
  }

  /** Route 53 of an account (global: one whatever the Region). */
  public FakeRoute53 route53(String account) {
    return fake(account, Region.AWS_GLOBAL, Route53Client.class);
  }

  public FakeEc2 ec2(String account, Region region) {
    return fake(account, region, Ec2Client.class);
  }

  public FakeElbV2 elb(String account, Region region) {
    return fake(account, region, ElasticLoadBalancingV2Client.class);
  }

  public FakeAutoScaling autoScaling(String account, Region region) {
    return fake(account, region, AutoScalingClient.class);
  }

  public FakeSsm ssm(String account, Region region) {
    return fake(account, region, SsmClient.class);
  }

  public FakeScheduler scheduler(String account, Region region) {
    return fake(account, region, SchedulerClient.class);
  }

  /** Every fake created so far, of one type (the world's clock ticks them: instances launch, checks pass). */
  public <F extends FakeAwsService> List<F> all(Class<F> type) {
    List<F> found = new ArrayList<>();
    fakes.values().stream().filter(type::isInstance).map(type::cast).forEach(found::add);
    return found;
  }

  @SuppressWarnings("unchecked")
  private <F extends FakeAwsService> F fake(String account, Region region, Class<?> service) {
    Key key = new Key(account, ClientRegions.regionFor(service.asSubclass(SdkClient.class), region), service);
    FakeAwsService existing = fakes.get(key);
    if (existing != null) {
      return (F) existing;
    }
    // Not computeIfAbsent: Auto Scaling's factory creates the EC2 and ELB fakes it drives.
    FakeAwsService created = factories.get(service).apply(account, key.region());
    FakeAwsService raced = fakes.putIfAbsent(key, created);
    return (F) (raced != null ? raced : created);
  }

  /**
   * Builds every service's client once, on a background thread; completes when all are built. Defining a JDK proxy
   * class of an SDK client interface initializes every request and response class its methods name (JDK 17's
   * generated proxy resolves each with {@code Class.forName}): SSM's 454 methods, CloudWatch Logs' 285, a second or
   * more each on a busy machine, on the thread of the first reconcile that needs the service. Even EC2's written-out
   * client ({@link RoutedEc2Client}) loads EC2's ~1,400 model classes when the interface is linked. Paid while the
   * cluster starts, this stays out of the resources' time to converge.
   */
  public CompletableFuture<Void> prepareClients() {
    ExecutorService builder = Executors.newSingleThreadExecutor(work -> {
      Thread thread = new Thread(work, "embedded-aws-clients");
      thread.setDaemon(true);
      return thread;
    });
    CompletableFuture<?>[] built = factories.keySet().stream().map(type -> CompletableFuture.runAsync(
        () -> client(new AwsTarget(OPERATOR_ACCOUNT, home), type.asSubclass(SdkClient.class)), builder))
        .toArray(CompletableFuture[]::new);
    builder.shutdown();
    return CompletableFuture.allOf(built);
  }

  // ---- what the operator sees --------------------------------------------------------------------------------------

  /** Every call so far, in order (since {@link #forgetCalls}). */
  public List<AwsCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * Drops the calls kept so far. A long run that takes its calls from {@link #onCall} (the benchmark) calls this now
   * and then: kept, they would fill the heap the operator shares with them, and each one kept copies the whole list.
   */
  public void forgetCalls() {
    calls.clear();
  }

  /** Called with each call as it is answered (on the caller's thread: keep it short). */
  public void onCall(Consumer<AwsCall> listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<AccountCredentials> accountCredentials() {
    return Optional.of(credentials);
  }

  /** The fakes stand for AWS itself: the routing resolves the binding's current credentials on every call. */
  @Override
  public void evict(String account) {}

  @Override
  public <C extends SdkClient> C client(AwsTarget target, Class<C> type) {
    AwsCredentialsProvider signer = () -> credentials.credentialsFor(target.account()).resolveCredentials();
    if (type == StsClient.class) {
      return type.cast(recorded(StsClient.class, sts.client(signer), () -> sts.accountOf(
          signer.resolveCredentials()), target.region()));
    }
    if (!factories.containsKey(type)) {
      throw new IllegalStateException("the embedded AWS has no " + type.getSimpleName());
    }
    Region region = ClientRegions.regionFor(type, target.region());
    Route route = (method, call) -> route(type, target, region, signer, method, call);
    if (type == Ec2Client.class) {
      return type.cast(new RoutedEc2Client(route));
    }
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class || method.getName().equals("serviceName")
          || method.getName().equals("close")) {
        return objectMethod(type, target, method.getName());
      }
      return route.call(method.getName(), fake -> {
        try {
          return method.invoke(fake, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });
    });
    return type.cast(proxy);
  }

  /** One call of an embedded client, on the fake it reaches. */
  @FunctionalInterface
  interface FakeCall {
    Object on(Object fake) throws Throwable;
  }

  /** Where an embedded client's calls go: {@code method} is the client method's name (describeLogGroups). */
  @FunctionalInterface
  interface Route {
    Object call(String method, FakeCall call) throws Throwable;
  }

  /**
   * One call: after the latency, to the fakes of the account the call's credentials belong to (a refused role
   * reaches none), recorded with what it answered.
   */
  private Object route(Class<?> type, AwsTarget target, Region region, AwsCredentialsProvider signer, String method,
      FakeCall call) throws Throwable {
    pause();
    String account;
    try {
      account = sts.accountOf(signer.resolveCredentials());
    } catch (RuntimeException refused) {
      record(target.account(), region, type, method, refused);
      throw refused;
    }
    Object fake = fake(account, region, type);
    Object result;
    try {
      result = call.on(fake);
    } catch (Throwable error) {
      record(account, region, type, method, error);
      throw error;
    }
    record(account, region, type, method, null);
    return result;
  }

  /** STS itself, recorded like the others (its account is the caller's). */
  private <C extends SdkClient> C recorded(Class<C> type, C delegate, java.util.function.Supplier<String> account,
      Region region) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class || method.getName().equals("serviceName")
          || method.getName().equals("close")) {
        return method.invoke(delegate, args);
      }
      pause();
      try {
        Object result = method.invoke(delegate, args);
        record(account.get(), region, type, method.getName(), null);
        return result;
      } catch (InvocationTargetException e) {
        record(OPERATOR_ACCOUNT, region, type, method.getName(), e.getCause());
        throw e.getCause();
      }
    });
    return type.cast(proxy);
  }

  private static Object objectMethod(Class<?> type, AwsTarget target, String name) {
    return switch (name) {
      case "serviceName" -> type.getSimpleName();
      case "toString" -> "embedded " + type.getSimpleName() + " for " + target;
      case "hashCode" -> System.identityHashCode(target);
      case "equals" -> false;
      default -> null;
    };
  }

  private void pause() throws InterruptedException {
    if (!latency.isZero()) {
      Thread.sleep(latency.toMillis());
    }
  }

  private void record(String account, Region region, Class<?> type, String method, Throwable error) {
    String errorCode = error == null ? "" : error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        ? aws.awsErrorDetails().errorCode() : error.getClass().getSimpleName();
    AwsCall call = new AwsCall(clock.instant(), account, region.id(), serviceName(type), operation(method), errorCode);
    calls.add(call);
    listeners.forEach(listener -> listener.accept(call));
  }

  /** CloudWatchLogsClient -> CloudWatchLogs, as the operator's metrics and CloudTrail name services. */
  static String serviceName(Class<?> type) {
    return type.getSimpleName().replaceFirst("Client$", "");
  }

  /** describeLogGroups -> DescribeLogGroups (the API's operation name); a paginator counts as its operation. */
  static String operation(String method) {
    String name = method.replaceFirst("Paginator$", "");
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  @Override
  public void close() {
    credentials.close();
  }
}
