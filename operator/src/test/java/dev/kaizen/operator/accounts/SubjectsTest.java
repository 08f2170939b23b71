package dev.kaizen.operator.accounts;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The binding a resource's objects live in, read from its status, whichever version wrote it. */
class SubjectsTest {
  private static LogPipeline withStatus(String account, String accountName) {
    LogPipeline pipeline = logPipeline("shop", "web").build();
    LogPipelineStatus status = new LogPipelineStatus();
    status.setAccount(account);
    status.setAccountName(accountName);
    pipeline.setStatus(status);
    return pipeline;
  }

  @Test
  void theBindingIsAccountNameNotTheAccountId() {
    assertThat(Subjects.recordedAccount(withStatus("210987654321", "shop-prod"))).contains("shop-prod");
  }

  @Test
  void anOlderStatusHeldTheBindingInAccount() {
    assertThat(Subjects.recordedAccount(withStatus("shop-prod", null))).contains("shop-prod");
  }

  @Test
  void aNameWhoseIdIsNotKnownYetStillHoldsTheBinding() {
    assertThat(Subjects.recordedAccount(withStatus(null, "shop-prod"))).contains("shop-prod");
    assertThat(Subjects.recordedAccount(withStatus(null, null))).isEqualTo(Optional.empty());
  }
}
