package dev.kaizen.lab.demo;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.cron.CronJobNames;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.solr.SolrClusterNames;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typical drift, made behind the operator's back — by a person in the console, a script, another tool — for each
 * resource that is Ready in Apply mode: a log group's retention shortened and a metric filter deleted, a CronJob's
 * schedule edited, an EventBridge schedule deleted, a DKIM record deleted from the zone, a Solr live listener pointed
 * elsewhere. Each should come back with a DriftCorrected Event.
 */
final class Drift {
  /**
   * What was changed behind the operator's back, on which resource, and the AWS operations (or Kubernetes changes) a
   * DriftCorrected Event must name for it to count as corrected.
   */
  record Injected(String resourceId, String what, List<String> corrections) {}

  /** A drift made and the corrections that undo it. */
  private record Made(String what, List<String> corrections) {}

  private final DemoWorld world;

  Drift(DemoWorld world) {
    this.world = world;
  }

  /** Injects one typical drift per Ready Apply-mode resource that has a kind of drift here. */
  List<Injected> inject(List<ResourceState> ready) {
    List<Injected> injected = new ArrayList<>();
    for (ResourceState state : ready) {
      Optional<Manifest> manifest = world.resources().stream().filter(m -> m.kind().equals(state.kind())
          && m.name().equals(state.name()) && java.util.Objects.equals(m.namespace(), state.namespace())).findFirst();
      if (manifest.isEmpty() || !state.ready()) {
        continue;
      }
      Optional<Made> made = switch (state.kind()) {
        case "LogPipeline" -> logPipeline(manifest.get());
        case "CronJobSet" -> cronJobSet(manifest.get());
        case "MailRoute" -> mailRoute(manifest.get());
        case "SolrCluster" -> solrCluster(manifest.get());
        default -> Optional.empty();
      };
      made.ifPresent(m -> injected.add(new Injected(state.id(), m.what(), m.corrections())));
    }
    return injected;
  }

  private Optional<Made> logPipeline(Manifest manifest) {
    Binding binding = world.binding(manifest);
    var logs = world.aws().logs(binding.accountId(), binding.region());
    LogPipeline pipeline = world.client().resources(LogPipeline.class).inNamespace(manifest.namespace())
        .withName(manifest.name()).get();
    String group = pipeline.getStatus().getLogGroup().getName();
    logs.backdoorSetRetention(group, 1);
    String what = "retention of " + group + " set to 1 day";
    List<String> corrections = new ArrayList<>(List.of("PutRetentionPolicy"));
    // And a metric filter deleted in the console: created again, announced as drift too (not as an update).
    Optional<String> filter = Optional.ofNullable(pipeline.getStatus().getMetricFilters()).orElse(List.of())
        .stream().map(reported -> reported.getName()).findFirst();
    if (filter.isPresent() && logs.backdoorDeleteMetricFilter(group, filter.get())) {
      what += "; metric filter " + filter.get() + " deleted";
      corrections.add("PutMetricFilter");
    }
    return Optional.of(new Made(what, corrections));
  }

  private Optional<Made> cronJobSet(Manifest manifest) {
    var spec = manifest.object().path("spec");
    String job = spec.path("jobs").path(0).path("name").asText();
    if ("eventbridge".equals(spec.path("target").asText())) {
      // Someone deletes a schedule in the console: the group stays, the schedule is created again.
      Binding binding = world.binding(manifest);
      String group = "kaizen-" + manifest.namespace() + "_" + manifest.name();
      FakeAwsService.asSomeoneElse(() -> world.aws().scheduler(binding.accountId(), binding.region())
          .deleteSchedule(r -> r.groupName(group).name(job)));
      return Optional.of(new Made("schedule " + group + "/" + job + " deleted", List.of("CreateSchedule")));
    }
    String cronJob = CronJobNames.of(manifest.name(), job);
    var resource = world.client().batch().v1().cronjobs().inNamespace(manifest.namespace()).withName(cronJob);
    if (resource.get() == null) {
      return Optional.empty();
    }
    resource.edit(c -> {
      c.getSpec().setSchedule("0 12 * * *");
      return c;
    });
    return Optional.of(new Made("CronJob " + cronJob + "'s schedule edited to 0 12 * * *", List.of(cronJob)));
  }

  private Optional<Made> solrCluster(Manifest manifest) {
    Binding binding = world.binding(manifest);
    String loadBalancer = new SolrClusterNames(manifest.namespace(), manifest.name()).loadBalancer();
    var elb = world.aws().elb(binding.accountId(), binding.region());
    if (!elb.loadBalancerExists(loadBalancer)) {
      return Optional.empty();
    }
    // Someone points the live listener at a target group of their own (a scaled ASG would be repaired as a
    // scale-in over several reconciles, announced as updates).
    String vpc = manifest.object().path("spec").path("vpcId").asText();
    FakeAwsService.asSomeoneElse(() -> elb.createTargetGroup(r -> r.name("someone-elses").protocol("HTTP").port(80)
        .vpcId(vpc)));
    elb.backdoorForward(loadBalancer, 80, elb.targetGroupArn("someone-elses").orElseThrow());
    return Optional.of(new Made("live listener " + loadBalancer + ":80 pointed at target group someone-elses by hand",
        List.of("ModifyListener")));
  }

  private Optional<Made> mailRoute(Manifest manifest) {
    Binding binding = world.binding(manifest);
    String domain = manifest.object().path("spec").path("domain").asText();
    String zoneId = world.zoneOf(domain).orElse(null);
    if (zoneId == null) {
      return Optional.empty();
    }
    var ses = world.aws().ses(binding.accountId(), binding.region());
    String record = ses.tokens(domain).get(0) + "._domainkey." + domain;
    world.aws().route53(binding.accountId()).removeDirectly(zoneId, record, "CNAME");
    return Optional.of(new Made("DKIM record " + record + " deleted from the zone", List.of("_domainkey")));
  }
}
