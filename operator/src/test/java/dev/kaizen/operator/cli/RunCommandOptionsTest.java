package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunCommandOptionsTest {
  @Test
  void leaderElectionIsOnInAPodByDefaultAndCanBeForced() {
    assertThat(RunCommand.leaderElectionEnabled("auto", "kaizen-operator-7d9f-abcde")).isTrue();
    assertThat(RunCommand.leaderElectionEnabled("auto", null)).isFalse();
    assertThat(RunCommand.leaderElectionEnabled("true", null)).isTrue();
    assertThat(RunCommand.leaderElectionEnabled("false", "pod")).isFalse();
    assertThatThrownBy(() -> RunCommand.leaderElectionEnabled("maybe", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
