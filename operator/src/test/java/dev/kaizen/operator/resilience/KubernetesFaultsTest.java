package dev.kaizen.operator.resilience;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.fakes.FakeAwsService.Outcome;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.mockwebserver.http.MockResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;

/**
 * Faults on the Kubernetes side, injected at the mock API server (which produces none of them itself): conflicts on
 * status writes, a finalizer removed by hand, a resource deleted while its reconcile is in flight, the API server
 * away for a few seconds. The operator must not crash nor stop serving other resources, must not lose or duplicate
 * an AWS object, and must reach the right final state.
 */
@org.junit.jupiter.api.extension.ExtendWith(Figures.class)
class KubernetesFaultsTest {
  private static final String NS = "shop";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeCloudWatchLogs logs = harness.logs();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void conflictsOnStatusWritesAreRetriedAndNothingIsCreatedTwice() {
    AtomicInteger conflictsLeft = new AtomicInteger(5);
    harness.interceptOperatorRequests(request -> isStatusWrite(request.getMethod(), request.getPath())
        && conflictsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.of(conflict()) : Optional.empty());
    harness.start(OperatorHarness.fastTimings(Duration.ofMillis(500)));

    create(logPipeline(NS, "web").retentionDays(30).deletionPolicy(DeletionPolicy.Delete).build());
    create(logPipeline(NS, "api").retentionDays(7).deletionPolicy(DeletionPolicy.Delete).build());

    awaitReady("web");
    awaitReady("api");
    assertThat(conflictsLeft).as("every injected conflict was met").hasValue(0);
    assertThat(logs.calls("CreateLogGroup")).hasSize(2);
    assertThat(logs.groupNames()).containsExactlyInAnyOrder("/shop/web", "/shop/api");
    Figures.add("Kubernetes faults: status-write conflicts injected", 5);
  }

  @Test
  void aFinalizerRemovedByHandIsPutBackSoDeletionStillRemovesTheGroup() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMillis(500)));
    create(logPipeline(NS, "web").retentionDays(30).deletionPolicy(DeletionPolicy.Delete).build());
    awaitReady("web");
    List<String> finalizers = pipeline("web").get().getMetadata().getFinalizers();
    assertThat(finalizers).isNotEmpty();

    OperatorHarness.edit(pipeline("web"), p -> {
      p.getMetadata().setFinalizers(new java.util.ArrayList<>());
      return p;
    });

    await().atMost(WAIT).until(() -> pipeline("web").get().getMetadata().getFinalizers().containsAll(finalizers));
    pipeline("web").delete();
    await().atMost(WAIT).until(() -> pipeline("web").get() == null);
    assertThat(logs.groupNames()).as("no orphan").isEmpty();
    assertThat(logs.calls("CreateLogGroup")).hasSize(1);
    Figures.add("Kubernetes faults: finalizers removed by hand", 1);
  }

  @Test
  void aResourceDeletedWhileItsCreateIsInFlightLeavesNoOrphanAndOthersCarryOn() throws Exception {
    CountDownLatch createStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holdOnce = new AtomicBoolean(true);
    var aws = ((dev.kaizen.operator.testing.FakeAwsClients) harness.awsClients()).serve(CloudWatchLogsClient.class, region -> holdingCreate(harness.logs(region),
        "/shop/doomed", holdOnce, createStarted, release));
    harness.start(OperatorHarness.settings(OperatorHarness.fastTimings(Duration.ofMillis(500))), aws);

    create(logPipeline(NS, "doomed").retentionDays(30).deletionPolicy(DeletionPolicy.Delete).build());
    assertThat(createStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the create reached AWS").isTrue();
    pipeline("doomed").delete();
    // While that reconcile is held inside its AWS call, another resource is served.
    create(logPipeline(NS, "web").retentionDays(7).deletionPolicy(DeletionPolicy.Delete).build());
    awaitReady("web");
    release.countDown();

    await().atMost(WAIT).until(() -> pipeline("doomed").get() == null);
    assertThat(logs.calls("CreateLogGroup")).filteredOn(c -> c.outcome() == Outcome.SUCCEEDED)
        .as("the held create did take effect").hasSize(2);
    assertThat(logs.groupNames()).as("the group made after the deletion request was removed").containsExactly(
        "/shop/web");
    Figures.add("Kubernetes faults: deleted while the create was in flight", 1);
  }

  @Test
  void theApiServerAwayForSecondsIsRiddenOutWithoutDuplicates() {
    harness.start(OperatorHarness.fastTimings(Duration.ofMillis(500)));
    create(logPipeline(NS, "web").retentionDays(30).deletionPolicy(DeletionPolicy.Delete).build());
    awaitReady("web");

    AtomicBoolean away = new AtomicBoolean(true);
    AtomicInteger refused = new AtomicInteger();
    harness.interceptOperatorRequests(request -> {
      if (!away.get()) {
        return Optional.empty();
      }
      refused.incrementAndGet();
      return Optional.of(new MockResponse().setResponseCode(503).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
          + "\"status\":\"Failure\",\"reason\":\"ServiceUnavailable\",\"message\":\"the server is currently unable"
          + " to handle the request\",\"code\":503}"));
    });
    // Changes made while the operator cannot reach the API server: a new resource and a spec edit.
    create(logPipeline(NS, "api").retentionDays(7).deletionPolicy(DeletionPolicy.Delete).build());
    OperatorHarness.edit(pipeline("web"), p -> {
      p.getSpec().getLogGroup().setRetentionDays(90);
      return p;
    });
    long outageStart = System.nanoTime();
    long refusedBefore = refused.get();
    // The outage lasts until the operator has been refused a dozen times (its watches reconnecting, its writes).
    await().atMost(WAIT).until(() -> refused.get() >= refusedBefore + 12);
    away.set(false);
    long back = System.nanoTime();

    awaitReady("api");
    await().atMost(WAIT).until(() -> logs.group("/shop/web").orElseThrow().retentionInDays() == 90);
    LogPipeline web = awaitReady("web");
    assertThat(web.getStatus().getObservedGeneration()).isEqualTo(web.getMetadata().getGeneration());
    assertThat(logs.calls("CreateLogGroup")).hasSize(2);
    assertThat(logs.groupNames()).containsExactlyInAnyOrder("/shop/web", "/shop/api");
    System.out.printf("API server away %.1f s (%d operator requests refused); all Ready %.1f s after it came back%n",
        (back - outageStart) / 1e9, refused.get(), (System.nanoTime() - back) / 1e9);
    Figures.add("Kubernetes faults: API server outages", 1);
    Figures.add("Kubernetes faults: operator requests refused with 503", refused.get());
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private static boolean isStatusWrite(String method, String path) {
    return ("PATCH".equals(method) || "PUT".equals(method)) && path.startsWith("/apis/kaizen.dev/")
        && path.split("\\?")[0].endsWith("/status");
  }

  private static MockResponse conflict() {
    return new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":"
        + "\"Failure\",\"reason\":\"Conflict\",\"code\":409,\"message\":\"Operation cannot be fulfilled: the object"
        + " has been modified; please apply your changes to the latest version and try again\"}");
  }

  /** The fake, except that the first CreateLogGroup of {@code group} waits for the test before it reaches AWS. */
  private static CloudWatchLogsClient holdingCreate(FakeCloudWatchLogs fake, String group, AtomicBoolean holdOnce,
      CountDownLatch started, CountDownLatch release) {
    return (CloudWatchLogsClient) Proxy.newProxyInstance(CloudWatchLogsClient.class.getClassLoader(),
        new Class<?>[] {CloudWatchLogsClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("createLogGroup") && args != null && args.length == 1) {
            // The gateway may call the consumer-builder form (a default method): build the request it stands for.
            CreateLogGroupRequest request = args[0] instanceof CreateLogGroupRequest r ? r : build(args[0]);
            if (request.logGroupName().equals(group) && holdOnce.getAndSet(false)) {
              started.countDown();
              release.await(60, TimeUnit.SECONDS);
            }
            return fake.createLogGroup(request);
          }
          try {
            return method.invoke(fake, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static CreateLogGroupRequest build(Object consumer) {
    CreateLogGroupRequest.Builder builder = CreateLogGroupRequest.builder();
    ((java.util.function.Consumer<CreateLogGroupRequest.Builder>) consumer).accept(builder);
    return builder.build();
  }

  private Resource<LogPipeline> pipeline(String name) {
    return harness.logPipeline(NS, name);
  }

  private void create(LogPipeline pipeline) {
    harness.client().resources(LogPipeline.class).inNamespace(NS).resource(pipeline).create();
  }

  private LogPipeline awaitReady(String name) {
    return ResourceConditions.awaitReady(harness, LogPipeline.class, NS, name, WAIT);
  }
}
