package dev.kaizen.lab.demo;

import dev.kaizen.operator.core.manifest.Manifest;
import dev.kaizen.operator.core.manifest.ManifestReader;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An object the operator does not own, where a resource wants to create its own: an untagged log group someone made
 * by hand, /shop/orders, and then a LogPipeline orders in shop that would name its group so. The operator must report
 * it Stalled NameConflict and leave the group exactly as it was (no tag, its retention of 7 days).
 */
final class ForeignObject {
  static final String NAMESPACE = "shop";
  static final String NAME = "orders";
  static final String GROUP = "/shop/orders";
  static final int RETENTION = 7;

  static final String MANIFEST = """
      apiVersion: kaizen.dev/v1alpha1
      kind: LogPipeline
      metadata:
        name: orders
        namespace: shop
      spec:
        region: eu-west-1
        logGroup:
          retentionDays: 30
      """;

  private final DemoWorld world;
  private FakeCloudWatchLogs logs;
  private FakeCloudWatchLogs.Group before;

  ForeignObject(DemoWorld world) {
    this.world = world;
  }

  /** Only when the manifests put namespace shop somewhere the demo knows (the examples do). */
  boolean applicable() {
    return world.resources().stream().anyMatch(m -> NAMESPACE.equals(m.namespace()));
  }

  /** Creates the untagged group by hand, then the resource that collides with it; returns the resource id. */
  String seedAndApply() {
    Manifest resource = new ManifestReader().readString("demo:orders.yaml", MANIFEST).manifests().get(0);
    Binding binding = world.binding(resource);
    logs = world.aws().logs(binding.accountId(), binding.region());
    logs.backdoorCreate(GROUP, Map.of());
    logs.backdoorSetRetention(GROUP, RETENTION);
    before = logs.group(GROUP).orElseThrow();
    world.apply(resource);
    return "LogPipeline/" + NAMESPACE + "/" + NAME;
  }

  /** Whether the group is still exactly as it was made: same tags (none), retention, key and creation time. */
  boolean untouched() {
    Optional<FakeCloudWatchLogs.Group> now = logs.group(GROUP);
    return now.isPresent() && Objects.equals(now.get(), before);
  }

  String describe() {
    return "log group " + GROUP + " made by hand (no tags, retention " + RETENTION + " days)";
  }
}
