package dev.kaizen.lab.demo;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.cron.CronJobNames;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typical drift, made behind the operator's back — by a person in the console, a script, another tool — one per
 * resource that is Ready in Apply mode: a log group's retention shortened and its metric filter deleted, a CronJob's
 * schedule edited, a DKIM record deleted from the zone. Each should come back with a DriftCorrected Event.
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
    // One drift per resource: a second one corrected while the first is being confirmed is announced as an
    // update, not as drift (the loop's Ready-before rule). A deleted metric filter is found by the full observe.
    String what = "retention of " + group + " set to 1 day";
    List<String> corrections = List.of("PutRetentionPolicy");
    return Optional.of(new Made(what, corrections));
  }

  private Optional<Made> cronJobSet(Manifest manifest) {
    var spec = manifest.object().path("spec");
    if ("eventbridge".equals(spec.path("target").asText())) {
      return Optional.empty();
    }
    String cronJob = CronJobNames.of(manifest.name(), spec.path("jobs").path(0).path("name").asText());
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
