package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupStatus;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.core.Conditions;
import dev.kaizen.operator.logs.fluentbit.FluentBitPipeline;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a namespace's other pipelines go into its Fluent Bit file. */
class NamespaceFilesTest {

  /** A shipping pipeline whose own reconcile accepted its group in {@code region}. */
  private static LogPipeline accepted(String namespace, String name, String region) {
    LogPipeline pipeline = logPipeline(namespace, name).pods("app", name).build();
    LogPipelineStatus status = new LogPipelineStatus();
    LogGroupStatus group = new LogGroupStatus();
    group.setName("/" + namespace + "/" + name);
    group.setArn("arn:aws:logs:" + region + ":111122223333:log-group:/" + namespace + "/" + name);
    status.setLogGroup(group);
    pipeline.setStatus(status);
    return pipeline;
  }

  @Test
  void othersGoInOnlyOnceTheirGroupIsAcceptedAndTheyShipForReal() {
    LogPipeline self = logPipeline("shop", "web").pods("app", "web").build();
    LogPipeline api = accepted("shop", "api", "us-east-1");
    LogPipeline fresh = logPipeline("shop", "fresh").pods("app", "fresh").build();
    LogPipeline stalled = accepted("shop", "stalled", "eu-west-1");
    Conditions.set(stalled.getStatus().getConditions(), Conditions.STALLED, true, "NameConflict", "taken", 1L,
        Instant.EPOCH);
    LogPipeline planOnly = accepted("shop", "plan-only", "eu-west-1");
    planOnly.getSpec().setMode(Mode.Plan);
    LogPipeline deleting = accepted("shop", "deleting", "eu-west-1");
    deleting.getMetadata().setDeletionTimestamp("2026-11-30T12:00:00Z");
    LogPipeline quiet = accepted("shop", "quiet", "eu-west-1");
    quiet.getSpec().setPods(null);
    LogPipeline elsewhere = accepted("billing", "api", "eu-west-1");
    LogPipeline sameAsSelf = accepted("shop", "web", "eu-west-1");

    List<FluentBitPipeline> others = NamespaceFiles.neighbours(self,
        List.of(api, fresh, stalled, planOnly, deleting, quiet, elsewhere, sameAsSelf));

    assertThat(others).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("api");
      assertThat(p.region()).as("where its group was found").isEqualTo("us-east-1");
      assertThat(p.logGroupName()).isEqualTo("/shop/api");
    });
  }

  @Test
  void plannedTogetherEveryShippingManifestOfTheNamespaceGoesIn() {
    LogPipeline self = logPipeline("shop", "web").pods("app", "web").build();
    LogPipeline api = logPipeline("shop", "api").pods("app", "api").build();
    LogPipeline planOnly = logPipeline("shop", "legacy").pods("app", "legacy").mode(Mode.Plan).build();
    List<FluentBitPipeline> others = NamespaceFiles.planned(self, List.of(self, api, planOnly),
        p -> "eu-west-1", p -> "/shop/" + p.getMetadata().getName());
    assertThat(others).extracting(FluentBitPipeline::name).containsExactly("api");
  }

  /**
   * A share a reconcile accepted ahead of its status counts like the status: for this very version even over a
   * Stalled the reconcile is about to clear, for an older one only while the cached status is not Stalled.
   */
  @Test
  void aShareAcceptedAheadOfTheStatusCountsUntilANewerVersionSaysStalled() {
    LogPipeline self = logPipeline("shop", "web").pods("app", "web").build();
    LogPipeline joining = withVersion(logPipeline("shop", "joining").pods("app", "joining").build(), "7");
    LogPipeline unstalling = withVersion(accepted("shop", "unstalling", "eu-west-1"), "8");
    Conditions.set(unstalling.getStatus().getConditions(), Conditions.STALLED, true, "NameConflict", "taken", 1L,
        Instant.EPOCH);
    LogPipeline stalledSince = withVersion(accepted("shop", "stalled-since", "eu-west-1"), "10");
    Conditions.set(stalledSince.getStatus().getConditions(), Conditions.STALLED, true, "InvalidSpec", "no room", 1L,
        Instant.EPOCH);
    java.util.Map<String, FileShare> shares = java.util.Map.of(
        "joining", new FileShare("joining", "us-east-1", "/shop/joining", "7"),
        "unstalling", new FileShare("unstalling", "eu-west-1", "/shop/unstalling", "8"),
        "stalled-since", new FileShare("stalled-since", "eu-west-1", "/shop/stalled-since", "9"));

    List<FluentBitPipeline> others = NamespaceFiles.neighbours(self, List.of(joining, unstalling, stalledSince),
        p -> java.util.Optional.ofNullable(shares.get(p.getMetadata().getName())));

    assertThat(others).extracting(FluentBitPipeline::name).containsExactlyInAnyOrder("joining", "unstalling");
    assertThat(others).filteredOn(p -> p.name().equals("joining")).singleElement()
        .satisfies(p -> assertThat(p.region()).isEqualTo("us-east-1"));
    // Positive control: without the shares, only what the statuses say.
    assertThat(NamespaceFiles.neighbours(self, List.of(joining, unstalling, stalledSince))).isEmpty();
  }

  private static LogPipeline withVersion(LogPipeline pipeline, String resourceVersion) {
    pipeline.getMetadata().setResourceVersion(resourceVersion);
    return pipeline;
  }
}
