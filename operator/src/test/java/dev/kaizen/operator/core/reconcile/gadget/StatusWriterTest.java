package dev.kaizen.operator.core.reconcile.gadget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.core.reconcile.StatusWriter;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The locked status write refuses a stale resourceVersion, as the API server does; a current one goes through. */
class StatusWriterTest {

  @Test
  void aStatusWriteCarryingAStaleResourceVersionIsRefusedWith409() {
    try (GadgetHarness harness = new GadgetHarness()) {
      GadgetSpec spec = new GadgetSpec();
      spec.setParts(List.of("a"));
      Gadget read = harness.create("w1", spec);
      read.setStatus(new GadgetStatus());
      read.getStatus().setPhase("one");
      Gadget written = StatusWriter.kubernetes(harness.client()).writeLocked(read);
      assertThat(written.getStatus().getPhase()).isEqualTo("one");
      assertThat(written.getMetadata().getResourceVersion()).isNotEqualTo(read.getMetadata().getResourceVersion());

      // Someone else writes after our read: our write, carrying what we read, must fail.
      harness.client().resource(harness.get("w1")).editStatus(g -> {
        g.getStatus().setNote("someone else");
        return g;
      });
      written.getStatus().setPhase("two");
      assertThatThrownBy(() -> StatusWriter.kubernetes(harness.client()).writeLocked(written))
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
      assertThat(harness.get("w1").getStatus().getPhase()).isEqualTo("one");
      assertThat(harness.get("w1").getStatus().getNote()).isEqualTo("someone else");
    }
  }
}
