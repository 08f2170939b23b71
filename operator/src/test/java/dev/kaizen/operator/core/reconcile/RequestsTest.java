package dev.kaizen.operator.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.reconcile.gadget.Gadget;
import org.junit.jupiter.api.Test;

class RequestsTest {

  private static Gadget annotated(String value) {
    Gadget gadget = new Gadget();
    gadget.getMetadata().setName("g");
    if (value != null) {
      gadget.getMetadata().getAnnotations().put("kaizen.dev/promote", value);
    }
    return gadget;
  }

  @Test
  void aRequestIsPendingUntilItsValueIsAcknowledged() {
    LogPipelineStatus status = new LogPipelineStatus();
    assertThat(Requests.pending(annotated(null), status, "promote")).isEmpty();
    assertThat(Requests.pending(annotated(" "), status, "promote")).isEmpty();

    var request = Requests.pending(annotated("t1"), status, "promote").orElseThrow();
    assertThat(request.annotation()).isEqualTo("kaizen.dev/promote");
    request.acknowledgement().edit().accept(status);
    assertThat(status.getRequests()).containsEntry("promote", "t1");
    assertThat(Requests.pending(annotated("t1"), status, "promote")).isEmpty();
    assertThat(Requests.pending(annotated("t2"), status, "promote")).map(Requests.Request::value).contains("t2");
  }

  @Test
  void aValueLongerThanStatusCanKeepIsASpecProblem() {
    assertThatThrownBy(() -> Requests.pending(annotated("x".repeat(257)), new LogPipelineStatus(), "promote"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("at most 256");
  }
}
