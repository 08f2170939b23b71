package dev.kaizen.operator.resilience;

import static dev.kaizen.operator.fakes.FakeAwsService.asSomeoneElse;

import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * Objects of others in the same AWS account and namespace, seeded before a test (untagged log groups with metric
 * filters, another cluster's groups, Scheduler groups of other teams, an SES identity, a hosted zone's records, a
 * launch template, a CronJob made by hand), and two views of the fakes: the full state of every object that is not
 * ours (to compare before and after, value for value) and the objects still carrying our cluster's ownership tag.
 */
final class ForeignObjects {
  static final String OTHER_DOMAIN = "others.example.org";
  static final String FOREIGN_CRONJOB = "legacy-backup";
  private final OperatorHarness harness;
  /** The domains of our MailRoutes: SES's fake has no ListEmailIdentities, so identities are looked up by name. */
  private final List<String> domains;
  private String zone;

  private ForeignObjects(OperatorHarness harness, List<String> ourDomains) {
    this.harness = harness;
    this.domains = new ArrayList<>(ourDomains);
    this.domains.add(OTHER_DOMAIN);
  }

  static ForeignObjects seed(OperatorHarness harness, List<String> ourDomains) {
    ForeignObjects foreign = new ForeignObjects(harness, ourDomains);
    var logs = harness.logs();
    for (int i = 0; i < 20; i++) {
      // Untagged, next to our names (/shop/p<i>): a person's groups, some with retention and filters.
      String name = "/shop/legacy-" + i;
      logs.backdoorCreate(name, Map.of("team", "legacy"));
      if (i % 2 == 0) {
        logs.backdoorSetRetention(name, 14);
        logs.backdoorPutMetricFilter(name, "Errors", "ERROR", MetricTransformation.builder()
            .metricNamespace("Legacy").metricName("Errors").metricValue("1").build());
      }
    }
    for (int i = 0; i < 5; i++) {
      // Another cluster's operator: same tag keys, another cluster id.
      logs.backdoorCreate("/other/app-" + i, Map.of(OwnerTags.CLUSTER, "another-cluster",
          OwnerTags.OWNER, "other/LogPipeline/app-" + i));
    }
    harness.scheduler().seedForeignGroups("team-", 6, 2);
    asSomeoneElse(() -> harness.ses().createEmailIdentity(r -> r.emailIdentity(OTHER_DOMAIN)));
    foreign.zone = harness.route53().createZone("example.com", false);
    for (int i = 0; i < 20; i++) {
      harness.route53().seed(foreign.zone, "svc" + i + ".example.com", "A", 300, "192.0.2." + i);
    }
    harness.ec2().backdoorCreateTemplate("legacy-web", Map.of("team", "legacy"));
    harness.client().batch().v1().cronjobs().inNamespace("shop").resource(new CronJobBuilder()
        .withNewMetadata().withName(FOREIGN_CRONJOB).withNamespace("shop").endMetadata()
        .withNewSpec().withSchedule("0 3 * * *").withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
        .addNewContainer().withName("backup").withImage("registry.example.com/backup:2").endContainer()
        .withRestartPolicy("OnFailure").endSpec().endTemplate().endSpec().endJobTemplate().endSpec().build())
        .create();
    return foreign;
  }

  /**
   * Every object that does not carry our cluster's tag, with everything the fakes hold about it, as text (records'
   * and SDK models' toString list every field; the SDK's equals would also compare response metadata).
   */
  Map<String, String> snapshot() {
    Map<String, Object> state = new TreeMap<>();
    var logs = harness.logs();
    for (String name : logs.groupNames()) {
      var group = logs.group(name).orElseThrow();
      if (!ours(group.tags())) {
        state.put("log group " + name, group);
        state.put("metric filters of " + name,
            asSomeoneElse(() -> logs.describeMetricFilters(r -> r.logGroupName(name))).metricFilters());
      }
    }
    var scheduler = harness.scheduler();
    for (var group : asSomeoneElse(() -> scheduler.listScheduleGroupsPaginator(r -> {}).scheduleGroups().stream()
        .toList())) {
      if (!ours(scheduler.groupTags(group.name()))) {
        state.put("schedule group " + group.name(), List.of(group, scheduler.groupTags(group.name())));
        for (String schedule : scheduler.scheduleNames(group.name())) {
          state.put("schedule " + group.name() + "/" + schedule,
              asSomeoneElse(() -> scheduler.getSchedule(r -> r.groupName(group.name()).name(schedule))));
        }
      }
    }
    var ses = harness.ses();
    for (String domain : identities()) {
      if (!ours(ses.tags(domain))) {
        state.put("email identity " + domain, ses.peek(domain).orElseThrow());
      }
    }
    state.put("records of example.com", harness.route53().records(zone));
    state.put("launch template legacy-web", List.of(harness.ec2().templateTags("legacy-web"),
        harness.ec2().versionCount("legacy-web")));
    var cronJob = harness.client().batch().v1().cronjobs().inNamespace("shop").withName(FOREIGN_CRONJOB).get();
    state.put("CronJob " + FOREIGN_CRONJOB, List.of(cronJob.getSpec(), String.valueOf(cronJob.getMetadata()
        .getLabels()), cronJob.getMetadata().getResourceVersion()));
    Map<String, String> text = new TreeMap<>();
    state.forEach((key, value) -> text.put(key, String.valueOf(value)));
    return text;
  }

  /** What differs between two snapshots, by object: gone, new, or its state before -> after. */
  static Map<String, String> differences(Map<String, String> before, Map<String, String> after) {
    Map<String, String> differences = new TreeMap<>();
    before.forEach((key, value) -> {
      if (!after.containsKey(key)) {
        differences.put(key, "gone");
      } else if (!after.get(key).equals(value)) {
        differences.put(key, value + " -> " + after.get(key));
      }
    });
    after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> differences.put(key, "new"));
    return differences;
  }

  /** The AWS and Kubernetes objects still carrying our cluster's ownership (tags, or our CronJobs' label). */
  List<String> ownedObjectsLeft() {
    List<String> left = new ArrayList<>();
    var logs = harness.logs();
    logs.groupNames().stream().filter(n -> ours(logs.group(n).orElseThrow().tags())).forEach(n -> left.add(
        "log group " + n));
    var scheduler = harness.scheduler();
    asSomeoneElse(() -> scheduler.listScheduleGroupsPaginator(r -> {}).scheduleGroups().stream().toList()).stream()
        .filter(g -> ours(scheduler.groupTags(g.name()))).forEach(g -> left.add("schedule group " + g.name()));
    identities().stream().filter(d -> ours(harness.ses().tags(d))).forEach(d -> left.add("email identity " + d));
    var autoScaling = harness.autoScaling();
    autoScaling.groupNames().stream().filter(g -> ours(autoScaling.tags(g)))
        .forEach(g -> left.add("auto scaling group " + g));
    var elb = harness.elb();
    asSomeoneElse(() -> elb.describeLoadBalancers(r -> {})).loadBalancers().stream()
        .filter(lb -> ours(elb.tagsOf(lb.loadBalancerArn()))).forEach(lb -> left.add("load balancer "
            + lb.loadBalancerName()));
    asSomeoneElse(() -> elb.describeTargetGroups(r -> {})).targetGroups().stream()
        .filter(tg -> ours(elb.tagsOf(tg.targetGroupArn()))).forEach(tg -> left.add("target group "
            + tg.targetGroupName()));
    var ec2 = harness.ec2();
    asSomeoneElse(() -> ec2.describeLaunchTemplates(r -> {})).launchTemplates().stream()
        .filter(t -> ours(ec2.templateTags(t.launchTemplateName())))
        .forEach(t -> left.add("launch template " + t.launchTemplateName()));
    harness.client().batch().v1().cronjobs().inNamespace("shop").list().getItems().stream()
        .filter(c -> !c.getMetadata().getName().equals(FOREIGN_CRONJOB))
        .forEach(c -> left.add("CronJob " + c.getMetadata().getName()));
    return left;
  }

  private List<String> identities() {
    return domains.stream().filter(d -> harness.ses().peek(d).isPresent()).toList();
  }

  private static boolean ours(Map<String, String> tags) {
    return tags != null && OperatorHarness.CLUSTER.id().equals(tags.get(OwnerTags.CLUSTER));
  }
}
