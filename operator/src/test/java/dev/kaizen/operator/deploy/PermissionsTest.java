package dev.kaizen.operator.deploy;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import dev.kaizen.operator.core.Reasons;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.cron.CronJobSetOperatorTest;
import dev.kaizen.operator.cli.RunCommand;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeAwsService.Authorization;
import dev.kaizen.operator.testing.ApiRequests;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked against what the code did: a representative scenario (plus whatever other tests ran
 * before in this JVM) records the operator's Kubernetes requests and its AWS calls; every one must be allowed by
 * the RBAC files (base and components/fluent-bit) and deploy/iam/policy.json, and every permission granted must have
 * been used (or, for IAM, be on deploy/iam/implicit-permissions.json with its reason).
 */
class PermissionsTest {
  private static final String NS = "shop";
  private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/7f1c2a4e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";
  /** Generous: three operators start at once in a fresh JVM, on two cores other builds share. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  /**
   * The kinds' scenarios side by side, each against its own API server, fakes and operator: they share nothing but
   * the JVM-wide records of requests and calls the tests below read, so the set-up takes the longest scenario's
   * time, not the sum (most of it is waiting for AWS's paced quotas).
   */
  @BeforeAll
  static void scenario() throws InterruptedException {
    ExecutorService scenarios = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> running = List.of(
          scenarios.submit(PermissionsTest::logPipelineScenario),
          scenarios.submit(() -> {
            try (OperatorHarness harness = startedHarness()) {
              mailRouteScenario(harness);
              cronJobSetScenario(harness);
              cronJobSetEventBridgeScenario(harness);
            }
          }),
          scenarios.submit(() -> {
            try (OperatorHarness harness = startedHarness()) {
              solrClusterScenario(harness);
            }
            accountsScenario();
          }));
      for (Future<?> scenario : running) {
        try {
          scenario.get();
        } catch (ExecutionException e) {
          scenarios.shutdownNow(); // the others would only record calls no test reads
          throw e.getCause() instanceof Error error ? error : new AssertionError(e.getCause());
        }
      }
    } finally {
      scenarios.shutdownNow();
    }
  }

  private static OperatorHarness startedHarness() {
    OperatorHarness harness = new OperatorHarness();
    harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
    return harness;
  }

  /** LogPipeline: created (one adopted), edited option by option, deleted; the operator's cluster identity read. */
  private static void logPipelineScenario() {
    try (OperatorHarness harness = new OperatorHarness()) {
      var client = harness.client();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata()
          .build()).create();
      RunCommand.clusterIdentity(harness.operatorClient(), null, null);
      harness.logs().backdoorCreate("/legacy/payments");
      harness.start(OperatorHarness.fastTimings(Duration.ofMinutes(10)));
      // A real API server answers 409 when the object changed since it was read; JOSDK then re-reads the resource
      // (GET) and patches again. The mock server never conflicts by itself.
      harness.conflictOnNextResourcePatches(1);
      var pipelines = client.resources(LogPipeline.class).inNamespace(NS);
      pipelines.resource(logPipeline(NS, "web").retentionDays(30).kmsKeyArn(KEY).tag("team", "shop")
          .tag("cost", "1").deletionPolicy(DeletionPolicy.Delete)
          .metricFilter("errors", "ERROR", 5.0).metricFilter("fatal", "FATAL", 1.0)
          .subscription("arn:aws:lambda:eu-west-1:" + OperatorHarness.ACCOUNT + ":function:ship")
          .pods("app", "web").build()).create();
      pipelines.resource(logPipeline(NS, "legacy").groupName("/legacy/payments").adopt(true).build()).create();
      awaitReady(harness, "web");
      awaitReady(harness, "legacy");
      edit(harness, "web", p -> p.getSpec().getLogGroup().setRetentionDays(90));
      edit(harness, "web", p -> p.getSpec().getLogGroup().setRetentionDays(null));
      edit(harness, "web", p -> p.getSpec().getLogGroup().setKmsKeyArn(null));
      edit(harness, "web", p -> p.getSpec().getLogGroup().setKmsKeyArn(KEY));
      edit(harness, "web", p -> p.getSpec().getLogGroup().getTags().remove("cost"));
      edit(harness, "web", p -> p.getSpec().getMetricFilters().removeIf(f -> f.getName().equals("fatal")));
      edit(harness, "web", p -> p.getSpec().setSubscription(null));
      // Another pod selection updates the pipeline's key; removing the last key deletes the operator's ConfigMap.
      edit(harness, "web", p -> p.getSpec().getPods().getMatchLabels().put("tier", "front"));
      edit(harness, "web", p -> p.getSpec().setPods(null));
      pipelines.withName("web").delete();
      await().atMost(WAIT).until(() -> pipelines.withName("web").get() == null);
      assertThat(harness.logs().group("/shop/web")).isEmpty();
    }
  }

  /** SolrCluster: a first colour brought up (AMI from SSM, configset from a ConfigMap), then deleted with Retain. */
  private static void solrClusterScenario(OperatorHarness harness) {
    var solr = new dev.kaizen.operator.solr.SolrClusterFixture(harness);
    harness.conflictOnNextResourcePatches(1); // the finalizer patch conflicts: JOSDK re-reads (get) and retries
    harness.route53().createZone("search.example.com", false);
    solr.create(dev.kaizen.operator.solr.SolrClusterFixture.cluster("products", spec -> {
      var reindex = new dev.kaizen.operator.api.v1alpha1.solr.RolloutJobSpec();
      reindex.setImage("reindexer:1");
      spec.getRollout().setReindex(reindex);
      // The live endpoint's Route 53 alias record (issue 12): zone found by name, record and marker written.
      var dns = new dev.kaizen.operator.api.v1alpha1.solr.EndpointDnsSpec();
      dns.setHostedZoneName("search.example.com");
      dns.setRecordName("solr.search.example.com");
      spec.setDns(dns);
    }));
    solr.awaitReady("products", 1);
    // A configset change starts the rollout (issue 13): its reindex Job is created, then read by name.
    harness.client().configMaps().inNamespace(dev.kaizen.operator.solr.SolrClusterFixture.NS)
        .withName("products-configset").edit(c -> {
          c.getData().put("schema.xml", c.getData().get("schema.xml") + "\n<!-- v2 -->");
          return c;
        });
    // ConfigMaps are not watched: an on-demand resync makes the operator look now.
    dev.kaizen.operator.testing.OperatorHarness.edit(solr.resource("products"), c -> {
      c.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of(
          "kaizen.dev/reconcile-requested-at", java.time.Instant.now().plusSeconds(1).toString())));
      return c;
    });
    await().atMost(Duration.ofSeconds(90)).until(() -> {
      harness.autoScaling().settle();
      harness.elb().settle();
      return !harness.client().batch().v1().jobs().inNamespace(dev.kaizen.operator.solr.SolrClusterFixture.NS)
          .list().getItems().isEmpty();
    });
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true); // read back
    solr.resource("products").delete();
    await().atMost(WAIT).until(() -> solr.resource("products").get() == null);
    // ... and one adopted: objects of its names that nobody owns are tagged as its own, then managed.
    solr.leftoversWithoutTags("legacy");
    solr.create(dev.kaizen.operator.solr.SolrClusterFixture.cluster("legacy", spec -> spec.setAdopt(true)));
    solr.awaitReady("legacy", 1);
  }

  /**
   * An AwsAccount with an external ID in a Secret, a namespace bound to it by label, a pipeline in its account, and
   * the account's deletion held until the pipeline is gone.
   */
  private static void accountsScenario() {
    String operatorRole = "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":role/kaizen-operator";
    String teamRole = "arn:aws:iam::210987654321:role/kaizen-operator";
    try (OperatorHarness harness = new OperatorHarness()) {
      var sts = new dev.kaizen.operator.fakes.FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
      var keys = sts.principal("AKIAPERMISSIONS00001", OperatorHarness.ACCOUNT, operatorRole);
      sts.role(teamRole, Set.of(operatorRole), java.util.Optional.of("team-external-id"));
      var aws = new dev.kaizen.operator.testing.AccountRoutedAwsClients(harness, sts,
          new dev.kaizen.operator.aws.AccountCredentials(keys, sts::client,
              dev.kaizen.operator.aws.AccountCredentials.Refresh.DEFAULT));
      var client = harness.client();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kaizen-system").endMetadata()
          .build()).create();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team")
          .addToLabels("kaizen.dev/aws-account", "team").endMetadata().build()).create();
      client.secrets().inNamespace("kaizen-system").resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
          .withNewMetadata().withName("team-external-id").endMetadata()
          .addToData("externalId", java.util.Base64.getEncoder().encodeToString("team-external-id".getBytes()))
          .build()).create();
      var account = new dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount();
      account.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("team").build());
      account.setSpec(new dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountSpec());
      account.getSpec().setRoleArn(teamRole);
      account.getSpec().setExternalIdSecretRef(new dev.kaizen.operator.api.v1alpha1.accounts.SecretKeyRef(
          "kaizen-system", "team-external-id", null));
      var accounts = client.resources(dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount.class);
      accounts.resource(account).create();
      // The finalizer's patch meets a 409 once: JOSDK then re-reads the AwsAccount (GET), as on a real API server.
      harness.conflictOnNextResourcePatches(1);
      harness.start(OperatorHarness.settings(OperatorHarness.fastTimings(Duration.ofMinutes(10))), aws);
      client.resources(LogPipeline.class).inNamespace("team").resource(logPipeline("team", "web").retentionDays(7)
          .build()).create();
      awaitReadyAt(harness, "team", "web", 0);
      accounts.withName("team").delete();
      await().atMost(WAIT).until(() -> !accounts.withName("team").get().getStatus().getUsedBy()
          .isEmpty());
      client.resources(LogPipeline.class).inNamespace("team").withName("web").delete();
      await().atMost(WAIT).until(() -> accounts.withName("team").get() == null);
    }
  }

  /**
   * A MailRoute through its calls: zone by name, identity, MAIL FROM, DNS batch, a key length change, its pool made
   * MANAGED, deletion.
   */
  private static void mailRouteScenario(OperatorHarness harness) {
    harness.route53().createZone("example.com", false);
    var route = new dev.kaizen.operator.api.v1alpha1.mail.MailRoute();
    route.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace(NS).withName("mail")
        .build());
    var spec = new dev.kaizen.operator.api.v1alpha1.mail.MailRouteSpec();
    spec.setDomain("example.com");
    var dns = new dev.kaizen.operator.api.v1alpha1.mail.DnsSpec();
    dns.setHostedZoneName("example.com");
    spec.setDns(dns);
    var mailFrom = new dev.kaizen.operator.api.v1alpha1.mail.MailFromSpec();
    mailFrom.setSubdomain("bounce");
    spec.setMailFrom(mailFrom);
    var configurationSet = new dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec();
    configurationSet.setName("shop-mail");
    // a STANDARD dedicated IP pool holding one leased IP: moved in, and back to SES's default pool on deletion
    harness.ses().leaseDedicatedIp("192.0.2.1");
    var pool = new dev.kaizen.operator.api.v1alpha1.mail.DedicatedIpPoolSpec();
    pool.setName("shop-pool");
    pool.setIps(List.of("192.0.2.1"));
    configurationSet.setDedicatedIpPool(pool);
    spec.setConfigurationSet(configurationSet);
    // the delivery log: log group, shared resource policy, EventBridge rule and target, event destination, query
    spec.setDeliveryLog(new dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec());
    spec.setDeletionPolicy(DeletionPolicy.Delete);
    route.setSpec(spec);
    var routes = harness.client().resources(dev.kaizen.operator.api.v1alpha1.mail.MailRoute.class).inNamespace(NS);
    harness.conflictOnNextResourcePatches(1); // the finalizer patch conflicts once: JOSDK re-reads (get)
    routes.resource(route).create();
    await().atMost(WAIT).until(() -> harness.route53().callCount("GetChange") > 0
        && harness.ses().callCount("PutEmailIdentityMailFromAttributes") > 0
        && "shop-pool".equals(harness.ses().poolOfDedicatedIp("192.0.2.1"))
        && harness.ses().callCount("CreateConfigurationSetEventDestination") > 0
        && harness.logs().callCount("PutQueryDefinition") > 0);
    // At rest a verified identity and its set are checked in the account's shared listings (ListEmailIdentities,
    // ListConfigurationSets) instead of read:
    // SES verifies, the route turns Ready, and a kaizen.dev annotation asks for a (light) recheck.
    harness.ses().verifyDkim("example.com");
    harness.ses().verifyMailFrom("example.com");
    await().atMost(Duration.ofSeconds(30)).until(() -> Conditions.isTrue(routes.withName("mail").get().getStatus()
        .getConditions(), Conditions.READY));
    // Each poll asks for another recheck: one within a second of the identity's last read reuses that read.
    int[] touches = {0};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      OperatorHarness.edit(routes.withName("mail"), found -> {
        found.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of("kaizen.dev/recheck", "" + ++touches[0])));
        return found;
      });
      return harness.ses().callCount("ListEmailIdentities") > 0
          && harness.ses().callCount("ListConfigurationSets") > 0;
    });
    // the delivery log's rule and group re-attached like the SES objects
    harness.eventBridge().removeRuleTagDirectly("kaizen-mail_" + NS + "_mail", "kaizen.dev/uid");
    java.util.Map<String, String> groupTags = new java.util.HashMap<>(harness.logs().group("/kaizen/mail/" + NS
        + "/mail").orElseThrow().tags());
    groupTags.remove("kaizen.dev/uid");
    harness.logs().backdoorSetTags("/kaizen/mail/" + NS + "/mail", groupTags);
    // Objects of ours that lost their uid tag (as after a Retain and re-create) are re-attached by tagging them; the
    // spec edit below makes the next observe a full one, which judges ownership.
    for (String resource : List.of("identity/example.com", "configuration-set/shop-mail", "dedicated-ip-pool/shop-pool")) {
      harness.ses().removeTagDirectly(resource, "kaizen.dev/uid");
    }
    OperatorHarness.edit(routes.withName("mail"), found -> {
      var dkim = new dev.kaizen.operator.api.v1alpha1.mail.DkimSpec();
      dkim.setKeyLength(dev.kaizen.operator.api.v1alpha1.mail.DkimSpec.KeyLength.RSA_1024_BIT);
      found.getSpec().setDkim(dkim);
      // every option of the configuration set changes: one put per option block
      found.getSpec().getConfigurationSet().setTlsPolicy(
          dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec.TlsPolicy.REQUIRE);
      found.getSpec().getConfigurationSet().setReputationMetrics(false);
      found.getSpec().getConfigurationSet().setSendingEnabled(false);
      found.getSpec().getConfigurationSet().setSuppressedReasons(List.of(
          dev.kaizen.operator.api.v1alpha1.mail.ConfigurationSetSpec.SuppressedReason.COMPLAINT));
      found.getSpec().getDeliveryLog().setEvents(List.of(
          dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec.EventType.BOUNCE));
      // the STANDARD pool converted to MANAGED (PutDedicatedIpPoolScalingAttributes); SES keeps its IP in it
      found.getSpec().getConfigurationSet().getDedicatedIpPool().setScalingMode(
          dev.kaizen.operator.api.v1alpha1.mail.DedicatedIpPoolSpec.ScalingMode.MANAGED);
      found.getSpec().getConfigurationSet().getDedicatedIpPool().setIps(List.of());
      return found;
    });
    await().atMost(WAIT)
        .until(() -> harness.ses().callCount("PutEmailIdentityDkimSigningAttributes") > 0
            && harness.ses().callCount("PutConfigurationSetSuppressionOptions") > 0
            && harness.ses().callCount("TagResource") >= 3
            && harness.ses().callCount("UpdateConfigurationSetEventDestination") > 0
            && harness.ses().callCount("PutDedicatedIpPoolScalingAttributes") > 0
            && harness.eventBridge().callCount("TagResource") > 0 && harness.logs().callCount("TagResource") > 0);
    routes.withName("mail").delete();
    await().atMost(WAIT).until(() -> routes.withName("mail").get() == null);
    assertThat(harness.ses().peek("example.com")).isEmpty();
    assertThat(harness.ses().peekConfigurationSet("shop-mail")).isEmpty();
    assertThat(harness.ses().dedicatedIpPoolTags("shop-pool")).isEmpty();
    assertThat(harness.logs().resourcePolicies()).doesNotContainKey("kaizen-mail-delivery-logs");
  }

  /** CronJobSet: create (after a 409 on its finalizer patch), update a job in place, prune one, delete the set. */
  private static void cronJobSetScenario(OperatorHarness harness) {
    var sets = harness.client().resources(CronJobSet.class).inNamespace(NS);
    var cronJobs = harness.client().batch().v1().cronjobs().inNamespace(NS);
    harness.conflictOnNextResourcePatches(1);
    CronJobSet set = CronJobSetOperatorTest.nightly();
    set.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    sets.resource(set).create();
    await().atMost(WAIT).until(() -> cronJobs.list().getItems().size() == 2);
    long generation = OperatorHarness.edit(sets.withName("batch"), s -> {
      s.getSpec().getJobs().get(0).setSchedule("0 5 * * *");
      s.getSpec().getJobs().remove(1);
      return s;
    }).getMetadata().getGeneration();
    await().atMost(WAIT).until(() -> cronJobs.list().getItems().size() == 1
        && "0 5 * * *".equals(cronJobs.list().getItems().get(0).getSpec().getSchedule()));
    // Deleted only once the status reports the change (as the LogPipeline steps above wait for Ready).
    await().atMost(WAIT).until(() -> {
      var status = sets.withName("batch").get().getStatus();
      return status != null && status.getObservedGeneration() != null && status.getObservedGeneration() >= generation
          && Conditions.find(status.getConditions(), Conditions.READY)
              .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent();
    });
    sets.withName("batch").delete();
    await().atMost(WAIT).until(() -> sets.withName("batch").get() == null
        && cronJobs.list().getItems().isEmpty());
  }

  /** A set with target eventbridge: its group and schedules created, one job changed and one removed, deleted. */
  private static void cronJobSetEventBridgeScenario(OperatorHarness harness) {
    var sets = harness.client().resources(CronJobSet.class).inNamespace(NS);
    var scheduler = harness.scheduler();
    String group = dev.kaizen.operator.cron.eventbridge.ScheduleGroupNames.of(NS, "billing");
    CronJobSet set = dev.kaizen.operator.cron.EventBridgeOperatorTest.nightly();
    set.getMetadata().setName("billing");
    set.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    sets.resource(set).create();
    await().atMost(WAIT).until(() -> scheduler.scheduleNames(group).size() == 3);
    OperatorHarness.edit(sets.withName("billing"), s -> {
      s.getSpec().getJobs().get(0).setSchedule("0 5 * * *");
      s.getSpec().getJobs().remove(2);
      return s;
    });
    await().atMost(WAIT).until(() -> scheduler.scheduleNames(group).size() == 2
        && scheduler.callCount("UpdateSchedule") > 0);
    sets.withName("billing").delete();
    await().atMost(WAIT).until(() -> sets.withName("billing").get() == null
        && !scheduler.groupExists(group));
  }

  private static void edit(OperatorHarness harness, String name, java.util.function.Consumer<LogPipeline> change) {
    long generation = OperatorHarness.edit(harness.client().resources(LogPipeline.class).inNamespace(NS)
        .withName(name), p -> {
      change.accept(p);
      return p;
    }).getMetadata().getGeneration();
    awaitReadyAt(harness, NS, name, generation);
  }

  private static void awaitReady(OperatorHarness harness, String name) {
    awaitReadyAt(harness, NS, name, 0);
  }

  private static void awaitReadyAt(OperatorHarness harness, String namespace, String name, long generation) {
    await().atMost(WAIT).until(() -> {
      LogPipeline p = harness.logPipeline(namespace, name).get();
      return p != null && p.getStatus() != null && p.getStatus().getObservedGeneration() != null
          && p.getStatus().getObservedGeneration() >= generation
          && Conditions.find(p.getStatus().getConditions(), Conditions.READY)
              .filter(c -> "True".equals(c.getStatus()) && Reasons.IN_SYNC.equals(c.getReason())).isPresent();
    });
  }

  // ---- RBAC ------------------------------------------------------------------------------------------------------

  /** What the API server's authorizer sees for one request. */
  record Access(String group, String resource, String verb, String name) {
    static Access of(ApiRequests.Request request) {
      String path = request.path();
      String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
      List<String> seg = new ArrayList<>(List.of(path.replaceFirst("\\?.*", "").replaceFirst("^/", "").split("/")));
      String group;
      if (seg.get(0).equals("api")) {
        group = "";
        seg = seg.subList(2, seg.size());
      } else {
        group = seg.get(1);
        seg = seg.subList(3, seg.size());
      }
      if (seg.size() >= 3 && seg.get(0).equals("namespaces")) {
        seg = seg.subList(2, seg.size());
      }
      String resource = seg.get(0) + (seg.size() > 2 ? "/" + seg.get(2) : "");
      String name = seg.size() > 1 ? seg.get(1) : null;
      String verb = switch (request.method()) {
        case "GET" -> name != null ? "get" : query.contains("watch=true") ? "watch" : "list";
        case "POST" -> "create";
        case "PUT" -> "update";
        case "PATCH" -> "patch";
        case "DELETE" -> name != null ? "delete" : "deletecollection";
        default -> request.method();
      };
      return new Access(group, resource, verb, name != null ? name : fieldSelectedName(query));
    }
  }

  /**
   * The name a list or watch selects with {@code fieldSelector=metadata.name=<name>}: the API server authorizes such
   * a request as one on that name (its RequestInfo carries it), so a rule's resourceNames may allow it.
   */
  private static String fieldSelectedName(String query) {
    for (String parameter : query.split("&")) {
      String decoded = java.net.URLDecoder.decode(parameter, java.nio.charset.StandardCharsets.UTF_8);
      if (decoded.startsWith("fieldSelector=metadata.name=") && !decoded.contains(",")) {
        return decoded.substring("fieldSelector=metadata.name=".length());
      }
    }
    return null;
  }

  /** The operator's RBAC: the base's cluster rules and the Role in Fluent Bit's namespace (components/fluent-bit). */
  private static final List<String> RBAC = List.of("deploy/base/rbac.yaml", "deploy/components/fluent-bit/rbac.yaml");

  private static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    RBAC.stream().flatMap(file -> Repo.yamlFile(file).stream()).filter(d -> d.path("kind").asText().endsWith("Role"))
        .forEach(role -> role.path("rules").forEach(rules::add));
    return rules;
  }

  private static boolean allows(JsonNode rule, Access access) {
    return contains(rule.path("apiGroups"), access.group()) && contains(rule.path("resources"), access.resource())
        && contains(rule.path("verbs"), access.verb())
        && (!rule.has("resourceNames") || contains(rule.path("resourceNames"), access.name()));
  }

  private static boolean contains(JsonNode list, String value) {
    for (JsonNode v : list) {
      if (v.asText().equals(value) || v.asText().equals("*")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everyKubernetesRequestOfTheOperatorIsAllowedAndEveryRuleIsUsed() {
    List<JsonNode> rules = rules();
    Set<Access> accesses = new HashSet<>();
    ApiRequests.seen().forEach(r -> accesses.add(Access.of(r)));
    assertThat(accesses).as("requests recorded").isNotEmpty();
    List<Access> denied = accesses.stream().filter(a -> rules.stream().noneMatch(r -> allows(r, a))).toList();
    assertThat(denied).as("requests the RBAC files do not allow").isEmpty();

    Set<String> unused = new TreeSet<>();
    for (JsonNode rule : rules) {
      for (JsonNode g : rule.path("apiGroups")) {
        for (JsonNode res : rule.path("resources")) {
          for (JsonNode verb : rule.path("verbs")) {
            boolean used = accesses.stream().anyMatch(a -> a.group().equals(g.asText())
                && a.resource().equals(res.asText()) && a.verb().equals(verb.asText()));
            if (!used) {
              unused.add(g.asText() + "/" + res.asText() + ":" + verb.asText());
            }
          }
        }
      }
    }
    assertThat(unused).as("permissions granted but never used (seen: " + accesses + ")").isEmpty();
  }

  @Test
  void everyKindIsGrantedItsResourceAndStatus() {
    List<JsonNode> rules = rules();
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      String plural = HasMetadata.getPlural(kind);
      for (String verb : List.of("get", "list", "watch", "patch")) {
        assertThat(rules.stream().anyMatch(r -> allows(r, new Access(Kinds.GROUP, plural, verb, "x"))))
            .as(plural + " " + verb).isTrue();
      }
      assertThat(rules.stream().anyMatch(r -> allows(r, new Access(Kinds.GROUP, plural + "/status", "patch", "x"))))
          .as(plural + "/status patch").isTrue();
    }
  }

  // ---- IAM -------------------------------------------------------------------------------------------------------

  @Test
  void everyAwsCallIsAllowedByThePolicyAndEveryActionIsUsedOrImplicit() {
    JsonNode policy = Repo.json("deploy/iam/policy.json");
    Set<Authorization> calls = FakeAwsService.authorizationsSeen();
    List<String> denied = new ArrayList<>();
    JsonNode accountRole = Repo.json("deploy/iam/account-role-permissions.json");
    for (Authorization call : calls) {
      // In another account the operator works as that account's kaizen-operator role (AwsAccount), whose
      // permissions policy is deploy/iam/account-role-permissions.json; STS is called as the operator itself.
      // A resource without an account in its ARN ("*", Route 53's global ARNs) is the caller's own account.
      String[] arn = call.resource().split(":");
      String account = call.action().startsWith("sts:") || arn.length < 5 || arn[4].isEmpty()
          ? OperatorHarness.ACCOUNT : arn[4];
      JsonNode applicable = account.equals(OperatorHarness.ACCOUNT) ? policy : accountRole;
      if (!IamEval.allowed(applicable, call, account)) {
        denied.add(call.action() + " on " + call.resource() + " tags " + call.resourceTags().keySet());
      }
    }
    assertThat(denied).as("calls deploy/iam/policy.json does not allow").isEmpty();

    Set<String> called = new TreeSet<>();
    calls.forEach(c -> called.add(c.action()));
    Map<String, String> implicit = new java.util.HashMap<>();
    Repo.json("deploy/iam/implicit-permissions.json").forEach(e -> implicit.put(e.path("action").asText(),
        e.path("reason").asText()));
    assertThat(implicit.values()).allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
    Set<String> unused = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      for (String action : IamEval.strings(statement.path("Action"))) {
        if (!called.contains(action) && !implicit.containsKey(action)) {
          unused.add(action);
        }
      }
    }
    assertThat(unused).as("actions never called and not listed as implicit (called: " + called + ")").isEmpty();
  }

  private static final String CLUSTER = "kaizen.dev/cluster";

  @Test
  void theServiceAccountsRoleMayDoInItsAccountWhatTheOperatorDoesInItsOwn() {
    List<JsonNode> own = new ArrayList<>();
    Repo.json("deploy/iam/policy.json").path("Statement").forEach(st -> {
      if (!IamEval.strings(st.path("Action")).stream().allMatch(a -> a.startsWith("sts:"))) {
        own.add(st);
      }
    });
    List<JsonNode> role = new ArrayList<>();
    Repo.json("deploy/iam/account-role-permissions.json").path("Statement").forEach(role::add);
    assertThat(role).isEqualTo(own);
    JsonNode trust = Repo.json("deploy/iam/account-role-trust-policy.json").path("Statement").get(0);
    assertThat(trust.path("Action").asText()).isEqualTo("sts:AssumeRole");
    assertThat(trust.path("Condition").path("StringEquals").has("sts:ExternalId")).isTrue();
  }

  @Test
  void changingAGroupIsAllowedOnlyWhenItCarriesThisClustersTag() {
    JsonNode policy = Repo.json("deploy/iam/policy.json");
    String arn = "arn:aws:logs:eu-west-1:" + OperatorHarness.ACCOUNT + ":log-group:/someone/else";
    Map<String, String> us = Map.of(CLUSTER, "prod-eu");
    for (String action : List.of("logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:PutMetricFilter",
        "logs:PutSubscriptionFilter", "logs:UntagResource", "logs:TagResource")) {
      assertThat(IamEval.allowed(policy, new Authorization(action, arn, Map.of()), OperatorHarness.ACCOUNT, us,
          Map.of())).as("%s on an untagged group", action).isFalse();
      assertThat(IamEval.allowed(policy, new Authorization(action, arn, Map.of(CLUSTER, "staging")),
          OperatorHarness.ACCOUNT, us, Map.of())).as("%s on another cluster's group", action).isFalse();
      assertThat(IamEval.allowed(policy, new Authorization(action, arn, Map.of(CLUSTER, "prod-eu")),
          OperatorHarness.ACCOUNT, us, Map.of())).as("%s on this cluster's group", action).isTrue();
    }
    assertThat(IamEval.allowed(policy, new Authorization("logs:PutRetentionPolicy",
        "arn:aws:logs:eu-west-1:999999999999:log-group:/x", Map.of(CLUSTER, "prod-eu")), OperatorHarness.ACCOUNT, us,
        Map.of())).as("another account").isFalse();
    // A role without the principal tag is allowed nothing that changes a group.
    assertThat(IamEval.allowed(policy, new Authorization("logs:DeleteLogGroup", arn, Map.of(CLUSTER, "prod-eu")),
        OperatorHarness.ACCOUNT, Map.of(), Map.of())).isFalse();
  }

  @Test
  void scheduleGroupsAreChangedOnlyWithThisClustersTagAndSchedulesOnlyInTheOperatorsGroups() {
    JsonNode policy = Repo.json("deploy/iam/policy.json");
    String group = "arn:aws:scheduler:eu-west-1:" + OperatorHarness.ACCOUNT + ":schedule-group/kaizen-shop_batch";
    Map<String, String> us = Map.of(CLUSTER, "prod-eu");
    for (String action : List.of("scheduler:DeleteScheduleGroup", "scheduler:TagResource")) {
      assertThat(IamEval.allowed(policy, new Authorization(action, group, Map.of(CLUSTER, "staging")),
          OperatorHarness.ACCOUNT, us, Map.of())).as("%s on another cluster's group", action).isFalse();
      assertThat(IamEval.allowed(policy, new Authorization(action, group, Map.of(CLUSTER, "prod-eu")),
          OperatorHarness.ACCOUNT, us, Map.of())).as("%s on this cluster's group", action).isTrue();
    }
    assertThat(IamEval.allowed(policy, new Authorization("scheduler:DeleteScheduleGroup", group, Map.of()),
        OperatorHarness.ACCOUNT, us, Map.of())).as("an untagged group").isFalse();
    assertThat(IamEval.allowed(policy, new Authorization("scheduler:CreateScheduleGroup", group, Map.of()),
        OperatorHarness.ACCOUNT, us, Map.of())).as("a group created without our tag").isFalse();
    assertThat(IamEval.allowed(policy, new Authorization("scheduler:CreateScheduleGroup", group, Map.of()),
        OperatorHarness.ACCOUNT, us, us)).isTrue();
    String schedule = "arn:aws:scheduler:eu-west-1:" + OperatorHarness.ACCOUNT + ":schedule/";
    assertThat(IamEval.allowed(policy, new Authorization("scheduler:UpdateSchedule", schedule
        + "kaizen-shop_batch/report", Map.of()), OperatorHarness.ACCOUNT, us, Map.of())).isTrue();
    assertThat(IamEval.allowed(policy, new Authorization("scheduler:UpdateSchedule", schedule + "default/report",
        Map.of()), OperatorHarness.ACCOUNT, us, Map.of())).as("a schedule outside the operator's groups").isFalse();
  }

  @Test
  void creatingIsAllowedOnlyWithThisClustersTagInTheRequest() {
    JsonNode policy = Repo.json("deploy/iam/policy.json");
    String group = "arn:aws:logs:eu-west-1:" + OperatorHarness.ACCOUNT + ":log-group:/shop/web";
    String alarm = "arn:aws:cloudwatch:eu-west-1:" + OperatorHarness.ACCOUNT + ":alarm:kaizen:/shop/web:errors";
    Map<String, String> us = Map.of(CLUSTER, "prod-eu");
    for (var call : List.of(new Authorization("logs:CreateLogGroup", group, Map.of()),
        new Authorization("cloudwatch:PutMetricAlarm", alarm, Map.of()))) {
      assertThat(IamEval.allowed(policy, call, OperatorHarness.ACCOUNT, us, us)).as(call.action()).isTrue();
      assertThat(IamEval.allowed(policy, call, OperatorHarness.ACCOUNT, us, Map.of())).as(call.action() + " untagged")
          .isFalse();
      assertThat(IamEval.allowed(policy, call, OperatorHarness.ACCOUNT, us, Map.of(CLUSTER, "staging")))
          .as(call.action() + " tagged for another cluster").isFalse();
    }
    // Re-putting an alarm of another cluster is an update, not a creation: denied even with our tag in the request.
    assertThat(IamEval.allowed(policy, new Authorization("cloudwatch:PutMetricAlarm", alarm, Map.of(CLUSTER, "staging")),
        OperatorHarness.ACCOUNT, us, us)).isFalse();
    assertThat(IamEval.allowed(policy, new Authorization("cloudwatch:PutMetricAlarm",
        "arn:aws:cloudwatch:eu-west-1:" + OperatorHarness.ACCOUNT + ":alarm:someone-elses", Map.of()),
        OperatorHarness.ACCOUNT, us, us)).as("an alarm outside kaizen:*").isFalse();
  }

  /**
   * SolrCluster's adoption: an object of our name that nobody owns may be tagged, with our ownership tags only; an
   * object of another owner or cluster never; our tag keys only at creation when the create names the action.
   */
  @Test
  void aSolrClusterAdoptsOnlyObjectsNobodyOwnsAndTagsThemWithItsOwnershipTagsOnly() {
    JsonNode policy = Repo.json("deploy/iam/policy.json");
    String account = OperatorHarness.ACCOUNT;
    Map<String, String> us = Map.of(CLUSTER, "prod-eu");
    Map<String, String> ours = Map.of(CLUSTER, "prod-eu", "kaizen.dev/owner", "search/SolrCluster/products",
        "kaizen.dev/uid", "0b1c");
    Map<String, String> oursAndMore = new java.util.HashMap<>(ours);
    oursAndMore.put("team", "search");
    Map<String, String> anotherOwner = Map.of("kaizen.dev/owner", "other/SolrCluster/products");
    Map<String, String> anotherCluster = Map.of(CLUSTER, "staging", "kaizen.dev/owner", "search/SolrCluster/products");
    var objects = Map.of(
        "ec2:CreateTags", "arn:aws:ec2:eu-west-1:" + account + ":launch-template/lt-0123456789abcdef0",
        "elasticloadbalancing:AddTags", "arn:aws:elasticloadbalancing:eu-west-1:" + account
            + ":loadbalancer/app/ks-search-products-0a1b2c3d/50dc6c495c0c9188",
        "autoscaling:CreateOrUpdateTags", "arn:aws:autoscaling:eu-west-1:" + account
            + ":autoScalingGroup:uuid:autoScalingGroupName/kaizen-solr-search-products-blue");
    objects.forEach((action, arn) -> {
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, Map.of(), ours, Map.of()), account, us,
          ours)).as("%s: adopting an untagged object with our tags", action).isTrue();
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, Map.of("team", "x"), ours, Map.of()),
          account, us, ours)).as("%s: adopting an object with others' tags but no owner", action).isTrue();
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, Map.of(), oursAndMore, Map.of()), account,
          us, oursAndMore)).as("%s: other tag keys on an object not ours", action).isFalse();
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, anotherOwner, ours, Map.of()), account,
          us, ours)).as("%s: an object with another owner tag", action).isFalse();
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, anotherCluster, ours, Map.of()), account,
          us, ours)).as("%s: another cluster's object", action).isFalse();
      Map<String, String> theirs = Map.of(CLUSTER, "staging");
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, Map.of(), theirs, Map.of()), account, us,
          theirs)).as("%s: tagging for another cluster", action).isFalse();
      assertThat(IamEval.allowed(policy, Authorization.tagging(action, arn, us, oursAndMore, Map.of()), account, us,
          oursAndMore)).as("%s: any tags on this cluster's own object", action).isTrue();
    });
    String someonesLb = "arn:aws:elasticloadbalancing:eu-west-1:" + account + ":loadbalancer/app/web/50dc6c495c0c9188";
    assertThat(IamEval.allowed(policy, Authorization.tagging("elasticloadbalancing:AddTags", someonesLb, Map.of(), ours,
        Map.of()), account, us, ours)).as("a load balancer not of our naming").isFalse();
    // Tagging at creation: any of our tags, only as part of the create, only with this cluster's tag.
    String newLb = "arn:aws:elasticloadbalancing:eu-west-1:" + account + ":loadbalancer/app/ks-search-products-0a1b/*";
    var create = Map.of("elasticloadbalancing:CreateAction", "CreateLoadBalancer");
    assertThat(IamEval.allowed(policy, Authorization.tagging("elasticloadbalancing:AddTags", newLb, Map.of(),
        oursAndMore, create), account, us, oursAndMore)).isTrue();
    assertThat(IamEval.allowed(policy, Authorization.tagging("elasticloadbalancing:AddTags", newLb, Map.of(),
        Map.of("team", "x"), create), account, us, Map.of("team", "x"))).as("a create without our tag").isFalse();
    String template = "arn:aws:ec2:eu-west-1:" + account + ":launch-template/*";
    assertThat(IamEval.allowed(policy, Authorization.tagging("ec2:CreateTags", template, Map.of(), oursAndMore,
        Map.of("ec2:CreateAction", "CreateLaunchTemplate")), account, us, oursAndMore)).isTrue();
    assertThat(IamEval.allowed(policy, Authorization.tagging("ec2:CreateLaunchTemplate", template, Map.of(), Map.of(),
        Map.of()), account, us, Map.of())).as("a launch template without our tag").isFalse();
  }

  /** The subset of IAM policy evaluation the policy uses; anything else fails the test rather than pass it. */
  static final class IamEval {
    private static final Set<String> TAGGING_ACTIONS = Set.of("logs:CreateLogGroup", "logs:TagResource",
        "cloudwatch:PutMetricAlarm", "cloudwatch:TagResource", "ses:CreateEmailIdentity",
        "ses:CreateConfigurationSet", "ses:CreateDedicatedIpPool", "ses:TagResource", "scheduler:CreateScheduleGroup",
        "scheduler:TagResource");

    /**
     * A call recorded by the fakes. They record the resource's tags but neither the caller's identity nor the
     * request's tags, and calls of operators with different identities are mixed in one JVM; so the caller's
     * {@code kaizen.dev/cluster} principal tag is taken to be the resource's own tag when it has one (what the
     * tag-equality condition then checks is that the resource is tagged at all), and a creating or tagging call is
     * taken to send the caller's tag (the operator always creates and adopts with its ownership tags; the cases above
     * check the conditions themselves with explicit values).
     */
    static boolean allowed(JsonNode policy, Authorization call, String account) {
      if (call.requestTags() != null) {
        // The fake recorded the tags the call sent: the caller is the cluster they name (or the resource's).
        String caller = call.resourceTags().getOrDefault(CLUSTER,
            call.requestTags().getOrDefault(CLUSTER, "this-cluster"));
        return allowed(policy, call, account, Map.of(CLUSTER, caller), call.requestTags());
      }
      String caller = call.resourceTags().getOrDefault(CLUSTER, "this-cluster");
      Map<String, String> principal = Map.of(CLUSTER, caller);
      return allowed(policy, call, account, principal,
          TAGGING_ACTIONS.contains(call.action()) ? principal : Map.of());
    }

    static boolean allowed(JsonNode policy, Authorization call, String account, Map<String, String> principalTags,
        Map<String, String> requestTags) {
      boolean allow = false;
      for (JsonNode st : policy.path("Statement")) {
        boolean matches = strings(st.path("Action")).stream().anyMatch(a -> glob(a, call.action()))
            && strings(st.path("Resource")).stream()
                .anyMatch(r -> glob(r.replace("${aws:PrincipalAccount}", account), call.resource()))
            && conditions(st.path("Condition"), call, principalTags, requestTags);
        if (matches && "Deny".equals(st.path("Effect").asText())) {
          return false;
        }
        allow |= matches && "Allow".equals(st.path("Effect").asText());
      }
      return allow;
    }

    private static boolean conditions(JsonNode condition, Authorization call, Map<String, String> principalTags,
        Map<String, String> requestTags) {
      boolean all = true;
      for (var op = condition.fields(); op.hasNext(); ) {
        var entry = op.next();
        for (var key = entry.getValue().fields(); key.hasNext(); ) {
          var k = key.next();
          String tag;
          List<String> tagKeys = null;
          if (k.getKey().startsWith("aws:ResourceTag/")) {
            tag = call.resourceTags().get(k.getKey().substring("aws:ResourceTag/".length()));
          } else if (k.getKey().startsWith("aws:RequestTag/")) {
            tag = requestTags.get(k.getKey().substring("aws:RequestTag/".length()));
          } else if (k.getKey().equals("aws:TagKeys")) {
            tag = null;
            tagKeys = List.copyOf(requestTags.keySet());
          } else if (k.getKey().endsWith(":CreateAction")) {
            // ec2:CreateAction / elasticloadbalancing:CreateAction: present only for the tagging a create does.
            tag = call.context().get(k.getKey());
          } else {
            throw new AssertionError("condition key not modelled by this test: " + k.getKey());
          }
          if (entry.getKey().startsWith("ForAllValues:") != (tagKeys != null)) {
            throw new AssertionError("only aws:TagKeys is multi-valued here, and needs ForAllValues: "
                + entry.getKey() + " " + k.getKey());
          }
          // A policy variable with no value in the request context matches nothing (IAM: the condition is false).
          List<String> values = new ArrayList<>();
          for (String v : strings(k.getValue())) {
            if (v.startsWith("${aws:PrincipalTag/")) {
              String principal = principalTags.get(v.substring("${aws:PrincipalTag/".length(), v.length() - 1));
              if (principal != null) {
                values.add(principal);
              }
            } else if (v.contains("${")) {
              throw new AssertionError("policy variable not modelled by this test: " + v);
            } else {
              values.add(v);
            }
          }
          all &= switch (entry.getKey()) {
            case "Null" -> (tag == null) == Boolean.parseBoolean(k.getValue().asText());
            case "StringEquals" -> tag != null && values.contains(tag);
            case "StringLike" -> tag != null && values.stream().anyMatch(p -> glob(p, tag));
            // Every key the request sends is among the values (true for a request that sends none).
            case "ForAllValues:StringEquals" -> values.containsAll(tagKeys);
            default -> throw new AssertionError("condition operator not modelled by this test: " + entry.getKey());
          };
        }
      }
      return all;
    }

    static List<String> strings(JsonNode node) {
      List<String> out = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(n -> out.add(n.asText()));
      } else if (!node.isMissingNode()) {
        out.add(node.asText());
      }
      return out;
    }

    private static boolean glob(String pattern, String value) {
      StringBuilder regex = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
      }
      return Pattern.matches(regex.toString(), value);
    }
  }
}
