package dev.kaizen.operator.testing;

import dev.kaizen.operator.fakes.FakeDnsResolver;
import dev.kaizen.operator.fakes.FakeRoute53;
import dev.kaizen.operator.fakes.FakeSesV2;
import dev.kaizen.operator.mail.MailRouteSettings;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.KaizenOperator;
import dev.kaizen.operator.KindDependencies;
import dev.kaizen.operator.OperatorSettings;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.ownership.ClusterIdentity;
import dev.kaizen.operator.core.reconcile.ReconcileTimings;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The whole operator as it runs, against the fabric8 mock API server in CRUD mode (real HTTP, informers and
 * watches) and the stateful AWS fakes — one per service and region, shared by every resource of a test.
 */
public final class OperatorHarness implements AutoCloseable {
  public static final String ACCOUNT = "111122223333";
  public static final Region REGION = Region.EU_WEST_1;
  public static final ClusterIdentity CLUSTER = new ClusterIdentity("test-cluster-uid");

  /** Short intervals so resyncs, confirms and backoffs happen within a test. */
  public static ReconcileTimings fastTimings(Duration resync) {
    return new ReconcileTimings(resync, Duration.ofHours(1), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  public static final String FLUENT_BIT_NAMESPACE = "logging";
  public static final String FLUENT_BIT_CONFIGMAP = "kaizen-fluent-bit";

  private final KubernetesMockServer server;
  private final KubernetesCrudDispatcher dispatcher;
  private final KubernetesClient client;
  /** The operator's own client, with its own User-Agent so {@link ApiRequests} can tell its requests apart. */
  private final KubernetesClient operatorClient;
  private final Map<Region, FakeCloudWatchLogs> logs = new ConcurrentHashMap<>();
  private final Map<Region, FakeCloudWatch> cloudWatch = new ConcurrentHashMap<>();
  private final Map<Region, FakeSesV2> ses = new ConcurrentHashMap<>();
  private final FakeRoute53 route53 = new FakeRoute53(ACCOUNT);
  private final FakeDnsResolver dns = new FakeDnsResolver();
  /** MailRoute looks again quickly in tests: a Route 53 change and a verification every few hundred ms. */
  private MailRouteSettings mailSettings = new MailRouteSettings(dns, Duration.ofMillis(200), Duration.ofMillis(300));
  private final Map<Region, dev.kaizen.operator.fakes.FakeEc2> ec2 = new ConcurrentHashMap<>();
  private final Map<Region, dev.kaizen.operator.fakes.FakeElbV2> elb = new ConcurrentHashMap<>();
  private final Map<Region, dev.kaizen.operator.fakes.FakeAutoScaling> autoScaling = new ConcurrentHashMap<>();
  private final Map<Region, dev.kaizen.operator.fakes.FakeSsm> ssm = new ConcurrentHashMap<>();
  /** STS for the operator's own credentials (GetCallerIdentity: the account ID some ARNs need). */
  private final dev.kaizen.operator.fakes.FakeSts sts = new dev.kaizen.operator.fakes.FakeSts("us-east-1", ACCOUNT);
  private final software.amazon.awssdk.auth.credentials.AwsCredentialsProvider operatorCredentials =
      sts.principal("AKIAKAIZENOPERATOR01", ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":role/kaizen-operator");
  private FakeSolrClouds solr;
  private KaizenOperator operator;
  private OperatorSettings settings;
  private final List<KaizenOperator> others = new java.util.concurrent.CopyOnWriteArrayList<>();

  public OperatorHarness() {
    // Route 53 alias records may target the load balancers of any Region's ELBv2 fake (SolrCluster's endpoint).
    route53.aliasTargets((zone, dns) -> elb.values().stream().anyMatch(f -> f.isAliasTarget(zone, dns)));
    dispatcher = new RulesReviewingDispatcher();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
    operatorClient = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(ApiRequests.OPERATOR_AGENT).build())
        .build();
    // Every kind's CRD, so the status subresource behaves as on a real API server.
    dev.kaizen.operator.api.v1alpha1.Kinds.ALL.forEach(kind -> installCrd(
        dev.kaizen.operator.api.v1alpha1.Kinds.crdName(kind)));
  }

  /** Starts the operator; the fakes exist before so a test can prepare AWS state. */
  public OperatorHarness start(ReconcileTimings timings) {
    return start(settings(timings));
  }

  /** The settings {@link #start(ReconcileTimings)} uses; tests add sharding, leader election, a registry. */
  public static OperatorSettings settings(ReconcileTimings timings) {
    return new OperatorSettings(CLUSTER, Optional.of(REGION), timings, 4, Clock.systemUTC())
        .withFluentBit(new OperatorSettings.FluentBit(FLUENT_BIT_NAMESPACE, FLUENT_BIT_CONFIGMAP, 1,
            dev.kaizen.operator.logs.fluentbit.FluentBitFormat.YAML));
  }

  public OperatorHarness start(OperatorSettings settings) {
    this.settings = settings;
    operator = new KaizenOperator(operatorClient, aws == null ? awsClients() : aws, settings, dependencies());
    operator.start();
    return this;
  }

  /** AWS clients used instead of {@link #awsClients()} by this and later starts (several accounts, say). */
  private AwsClients aws;

  public OperatorHarness start(OperatorSettings settings, AwsClients aws) {
    this.aws = aws;
    return start(settings);
  }

  /** Stops the operator and starts a new one with the same settings, against the same API server and fakes. */
  public OperatorHarness restart() {
    operator.close();
    return start(settings);
  }

  /** AWS clients served by this harness's fakes, one per service and region. */
  public AwsClients awsClients() {
    return new FakeAwsClients(this::logs, this::cloudWatch)
        .serve(SesV2Client.class, this::ses)
        .serve(Route53Client.class, region -> route53)
        .serve(software.amazon.awssdk.services.ec2.Ec2Client.class, this::ec2)
        .serve(software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client.class, this::elb)
        .serve(software.amazon.awssdk.services.autoscaling.AutoScalingClient.class, this::autoScaling)
        .serve(software.amazon.awssdk.services.ssm.SsmClient.class, this::ssm)
        .serve(software.amazon.awssdk.services.sts.StsClient.class, region -> sts.client(operatorCredentials))
        .serve(software.amazon.awssdk.services.scheduler.SchedulerClient.class, this::scheduler)
        .serve(software.amazon.awssdk.services.eventbridge.EventBridgeClient.class, this::eventBridge);
  }

  /** STS as the operator's own credentials see it. */
  public dev.kaizen.operator.fakes.FakeSts sts() {
    return sts;
  }

  // ---- CronJobSet's EventBridge target: EventBridge Scheduler ----------------------------------------------------

  private final Map<Region, dev.kaizen.operator.fakes.FakeScheduler> scheduler = new ConcurrentHashMap<>();
  private final Map<Region, dev.kaizen.operator.fakes.FakeEventBridge> eventBridge = new ConcurrentHashMap<>();

  /** EventBridge (rules on the default bus) in the harness's default region. */
  public dev.kaizen.operator.fakes.FakeEventBridge eventBridge() {
    return eventBridge(REGION);
  }

  public dev.kaizen.operator.fakes.FakeEventBridge eventBridge(Region region) {
    return eventBridge.computeIfAbsent(region, r -> new dev.kaizen.operator.fakes.FakeEventBridge(r.id(), ACCOUNT));
  }

  public dev.kaizen.operator.fakes.FakeScheduler scheduler() {
    return scheduler(REGION);
  }

  public dev.kaizen.operator.fakes.FakeScheduler scheduler(Region region) {
    return scheduler.computeIfAbsent(region, r -> new dev.kaizen.operator.fakes.FakeScheduler(r.id(), ACCOUNT));
  }

  // ---- SolrCluster's fakes: EC2, ELBv2, Auto Scaling (wired to both), SSM, and the colours' SolrClouds ----------

  public dev.kaizen.operator.fakes.FakeEc2 ec2() {
    return ec2(REGION);
  }

  public dev.kaizen.operator.fakes.FakeEc2 ec2(Region region) {
    return ec2.computeIfAbsent(region, r -> new dev.kaizen.operator.fakes.FakeEc2(r.id(), ACCOUNT));
  }

  public dev.kaizen.operator.fakes.FakeElbV2 elb() {
    return elb(REGION);
  }

  public dev.kaizen.operator.fakes.FakeElbV2 elb(Region region) {
    return elb.computeIfAbsent(region, r -> new dev.kaizen.operator.fakes.FakeElbV2(r.id(), ACCOUNT));
  }

  public dev.kaizen.operator.fakes.FakeAutoScaling autoScaling() {
    return autoScaling(REGION);
  }

  public dev.kaizen.operator.fakes.FakeAutoScaling autoScaling(Region region) {
    return autoScaling.computeIfAbsent(region, r -> new dev.kaizen.operator.fakes.FakeAutoScaling(r.id(), ACCOUNT,
        ec2(r), elb(r)));
  }

  public dev.kaizen.operator.fakes.FakeSsm ssm() {
    return ssm(REGION);
  }

  public dev.kaizen.operator.fakes.FakeSsm ssm(Region region) {
    return ssm.computeIfAbsent(region, r -> new dev.kaizen.operator.fakes.FakeSsm(r.id(), ACCOUNT));
  }

  /** The colours' SolrClouds, routed through the fake load balancer of the operator's region. */
  public synchronized FakeSolrClouds solr() {
    if (solr == null) {
      solr = new FakeSolrClouds(elb(), ec2());
    }
    return solr;
  }

  /**
   * Edits a resource as a person does with {@code kubectl edit}: read afresh, change, write — and again when the
   * operator wrote its status in between (409 Conflict: the write carries the resourceVersion it read).
   */
  public static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T edit(
      io.fabric8.kubernetes.client.dsl.Resource<T> resource, java.util.function.UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return resource.edit(change);
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 20) {
          throw e;
        }
      }
    }
  }

  /** The fakes of what the kinds reach besides Kubernetes and AWS: DNS and Solr. */
  public KindDependencies dependencies() {
    return new KindDependencies(mailSettings, solr());
  }

  /** The operator started by {@code start}. */
  public KaizenOperator operator() {
    return operator;
  }

  /**
   * Starts another operator instance against the same API server (a second replica or shard), with its own AWS
   * clients so a test can tell which instance did what. Stopped by {@link #close()} unless stopped before.
   */
  public KaizenOperator startAnother(OperatorSettings settings, dev.kaizen.operator.aws.AwsClients aws) {
    KaizenOperator another = new KaizenOperator(operatorClient, aws, settings, dependencies());
    others.add(another);
    another.start();
    return another;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The client the operator uses (requests recorded in {@link ApiRequests}). */
  public KubernetesClient operatorClient() {
    return operatorClient;
  }

  public FakeCloudWatchLogs logs() {
    return logs(REGION);
  }

  public FakeCloudWatchLogs logs(Region region) {
    return logs.computeIfAbsent(region, r -> new FakeCloudWatchLogs(r, ACCOUNT));
  }

  public FakeCloudWatch cloudWatch() {
    return cloudWatch(REGION);
  }

  public FakeCloudWatch cloudWatch(Region region) {
    return cloudWatch.computeIfAbsent(region, r -> new FakeCloudWatch(r.id(), ACCOUNT));
  }

  public FakeSesV2 ses() {
    return ses(REGION);
  }

  public FakeSesV2 ses(Region region) {
    return ses.computeIfAbsent(region, r -> new FakeSesV2(r.id(), ACCOUNT));
  }

  /** Route 53 of the account (a global service: one fake whatever the region). */
  public FakeRoute53 route53() {
    return route53;
  }

  /** The public DNS MailRoute counts SPF lookups with. */
  public FakeDnsResolver dns() {
    return dns;
  }

  /** Other MailRoute settings (resolver, recheck intervals) for the operators started next. */
  public OperatorHarness withMailSettings(MailRouteSettings settings) {
    this.mailSettings = settings;
    return this;
  }

  /** The Fluent Bit configuration the operator keeps for one LogPipeline, if any. */
  public Optional<String> fluentBitConfig(String key) {
    var configMap = client.configMaps().inNamespace(FLUENT_BIT_NAMESPACE).withName(FLUENT_BIT_CONFIGMAP).get();
    return Optional.ofNullable(configMap).map(c -> c.getData()).map(data -> data.get(key));
  }

  /** How long operator tests wait for an outcome before failing. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  public Resource<LogPipeline> logPipeline(String namespace, String name) {
    return client.resources(LogPipeline.class).inNamespace(namespace).withName(name);
  }

  /**
   * Waits until the pipeline's condition has {@code status} (and {@code reason}, unless null) for generation
   * {@code minGeneration} or later, and returns the pipeline as it was then.
   */
  public LogPipeline awaitCondition(String namespace, String name, String type, String status, String reason,
      long minGeneration) {
    LogPipeline[] seen = new LogPipeline[1];
    await().atMost(WAIT).until(() -> {
      LogPipeline p = logPipeline(namespace, name).get();
      seen[0] = p;
      return p != null && p.getStatus() != null && p.getStatus().getObservedGeneration() != null
          && p.getStatus().getObservedGeneration() >= minGeneration
          && Conditions.find(p.getStatus().getConditions(), type)
              .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
              .isPresent();
    });
    return seen[0];
  }

  /** Waits until the pipeline is Ready (InSync). */
  public LogPipeline awaitReady(String namespace, String name) {
    return awaitReadyAt(namespace, name, 0);
  }

  /** Waits until the pipeline is Ready (InSync) for generation {@code generation} or later. */
  public LogPipeline awaitReadyAt(String namespace, String name, long generation) {
    return awaitCondition(namespace, name, Conditions.READY, "True", Reasons.IN_SYNC, generation);
  }

  public List<Event> events(String namespace, String involvedName) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  public boolean hasEvent(String namespace, String involvedName, String reason) {
    return events(namespace, involvedName).stream().anyMatch(e -> reason.equals(e.getReason()));
  }

  private void installCrd(String name) {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml")) {
      var crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      try {
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        // Seen under heavy load: the client resent a create whose answer was slow, and the resend found it made.
        if (e.getCode() != 409) {
          throw e;
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("generated CRD " + name + " not found: run the build's process-classes", e);
    }
  }

  @Override
  public void close() {
    others.forEach(KaizenOperator::close);
    if (operator != null) {
      operator.close();
    }
    operatorClient.close();
    client.close();
    server.destroy();
  }

  /**
   * CRUD mode, plus an answer to SelfSubjectRulesReview (which JOSDK's leader election sends to check it may use
   * Leases, and which the mock server would store and return without a status): every rule is granted.
   */
  /**
   * Makes the API server answer the next {@code times} PATCHes of a custom resource itself (not its status) with
   * 409 Conflict, as a real API server does when the object changed since it was read. The mock server never
   * does this on its own.
   */
  public void conflictOnNextResourcePatches(int times) {
    ((RulesReviewingDispatcher) dispatcher).conflicts.set(times);
  }

  /**
   * Makes the API server refuse the operator's requests whose path contains {@code pathFragment} with 403, as RBAC
   * does when a Role is missing (e.g. {@code /namespaces/logging/configmaps}).
   */
  public void forbidOperator(String pathFragment) {
    ((RulesReviewingDispatcher) dispatcher).forbidden.add(pathFragment);
  }

  /**
   * Lets a test answer the operator's own requests in place of the API server (a 409 on a status write, a 503
   * while the server is away): {@code fault} returns the answer, or empty to let the request through. One at a
   * time; {@code null} removes it. The mock server produces neither on its own.
   */
  public void interceptOperatorRequests(
      java.util.function.Function<RecordedRequest, Optional<MockResponse>> fault) {
    ((RulesReviewingDispatcher) dispatcher).interceptor = fault;
  }

  private static final class RulesReviewingDispatcher extends KubernetesCrudDispatcher {
    private volatile java.util.function.Function<RecordedRequest, Optional<MockResponse>> interceptor;
    private final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Set<String> forbidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ResourceVersionCheck versions = new ResourceVersionCheck(
        path -> Optional.ofNullable(findResource(getKey(path))).map(Map.Entry::getValue));

    RulesReviewingDispatcher() {
      super(List.of());
    }

    @Override
    public io.fabric8.mockwebserver.http.MockResponse dispatch(io.fabric8.mockwebserver.http.RecordedRequest request) {
      ApiRequests.record(request.getHeader("User-Agent"), request.getMethod(), request.getPath());
      var intercept = interceptor;
      String from = request.getHeader("User-Agent");
      if (intercept != null && from != null && from.startsWith(ApiRequests.OPERATOR_AGENT)) {
        var injected = intercept.apply(request);
        if (injected.isPresent()) {
          return injected.get();
        }
      }
      var staleStatusWrite = versions.conflict(request);
      if (staleStatusWrite.isPresent()) {
        return staleStatusWrite.get();
      }
      String agent = request.getHeader("User-Agent");
      if (agent != null && agent.startsWith(ApiRequests.OPERATOR_AGENT)
          && forbidden.stream().anyMatch(request.getPath()::contains)) {
        return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(403).setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
            + "\"message\":\"forbidden: User \\\"system:serviceaccount:kaizen-system:kaizen-operator\\\" cannot "
            + request.getMethod().toLowerCase(java.util.Locale.ROOT) + " path " + request.getPath().split("\\?")[0]
            + "\",\"code\":403}");
      }
      // Only the operator's patches conflict: a test's own edit must not take the conflict meant for a finalizer.
      if ("PATCH".equals(request.getMethod()) && request.getPath().startsWith("/apis/kaizen.dev/")
          && !request.getPath().contains("/status") && agent != null && agent.startsWith(ApiRequests.OPERATOR_AGENT)
          && conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(409).setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Conflict\","
            + "\"message\":\"the object has been modified; please apply your changes to the latest version\","
            + "\"code\":409}");
      }
      if (request.getPath().contains("/selfsubjectrulesreviews")) {
        return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(201).setBody(
            "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectRulesReview\",\"spec\":{},"
            + "\"status\":{\"incomplete\":false,\"nonResourceRules\":[],\"resourceRules\":["
            + "{\"verbs\":[\"*\"],\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}]}}");
      }
      try {
        return super.dispatch(request);
      } catch (io.fabric8.zjsonpatch.JsonPatchException e) {
        // A JSON patch computed from a stale copy (an array index gone): the API server refuses it with 422, and
        // the client retries. The mock server would let the exception escape its event loop and never answer.
        return new io.fabric8.mockwebserver.http.MockResponse().setResponseCode(422).setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Invalid\","
            + "\"message\":\"the JSON patch does not apply: " + e.getMessage().replace("\"", "'") + "\",\"code\":422}");
      }
    }
  }
}
