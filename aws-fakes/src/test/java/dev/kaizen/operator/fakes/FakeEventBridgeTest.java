package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

class FakeEventBridgeTest {
  private static final String PATTERN = "{\"source\":[\"aws.ses\"]}";
  private final FakeEventBridge events = new FakeEventBridge("eu-west-1", "111122223333");

  @Test
  void aRuleKeepsItsCreationTagsAndRefusesDeletionWhileItHasTargets() {
    events.putRule(r -> r.name("r1").eventPattern(PATTERN).tags(Tag.builder().key("k").value("v").build()));
    // PutRule on an existing rule updates it and ignores tags
    events.putRule(r -> r.name("r1").eventPattern("{\"source\":[\"aws.ec2\"]}")
        .tags(Tag.builder().key("k").value("other").build()));
    assertThat(events.ruleTags("r1")).containsEntry("k", "v");
    assertThat(events.describeRule(r -> r.name("r1")).eventPattern()).contains("aws.ec2");

    events.putTargets(r -> r.rule("r1").targets(Target.builder().id("t").arn("arn:aws:logs:eu-west-1:1:log-group:g")
        .build()));
    assertThatThrownBy(() -> events.deleteRule(r -> r.name("r1"))).isInstanceOfSatisfying(EventBridgeException.class,
        e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.getMessage()).contains("has targets");
        });
    events.removeTargets(r -> r.rule("r1").ids("t"));
    events.deleteRule(r -> r.name("r1"));
    events.deleteRule(r -> r.name("r1")); // deleting a rule that is gone succeeds
    assertThat(events.ruleExists("r1")).isFalse();
    assertThatThrownBy(() -> events.describeRule(r -> r.name("r1"))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void patternsNamesAndTargetCountsAreValidatedAsAwsDoes() {
    assertThatThrownBy(() -> events.putRule(r -> r.name("r1").eventPattern("[1]")))
        .isInstanceOf(InvalidEventPatternException.class);
    assertThatThrownBy(() -> events.putRule(r -> r.name("bad name").eventPattern(PATTERN)))
        .isInstanceOfSatisfying(EventBridgeException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    assertThatThrownBy(() -> events.putRule(r -> r.name("r1"))).isInstanceOf(EventBridgeException.class);
    events.putRule(r -> r.name("r1").eventPattern(PATTERN));
    List<Target> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(Target.builder().id("t" + i).arn("arn:aws:sqs:eu-west-1:1:q" + i).build());
    }
    assertThatThrownBy(() -> events.putTargets(r -> r.rule("r1").targets(six)))
        .isInstanceOf(LimitExceededException.class);
    assertThat(events.targets("r1")).isEmpty();
    assertThatThrownBy(() -> events.putTargets(r -> r.rule("nope").targets(six.get(0))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listRulesPagesByPrefix() {
    for (int i = 0; i < 5; i++) {
      int n = i;
      events.putRule(r -> r.name("kaizen-" + n).eventPattern(PATTERN));
    }
    events.putRule(r -> r.name("other").eventPattern(PATTERN));
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = events.listRules(r -> r.namePrefix("kaizen-").limit(2).nextToken(next));
      page.rules().forEach(rule -> names.add(rule.name()));
      token = page.nextToken();
    } while (token != null);
    assertThat(names).containsExactly("kaizen-0", "kaizen-1", "kaizen-2", "kaizen-3", "kaizen-4");
    assertThatThrownBy(() -> events.listRules(r -> r.namePrefix("other").nextToken(
        events.listRules(q -> q.namePrefix("kaizen-").limit(2)).nextToken()))).isInstanceOf(EventBridgeException.class);
  }
}
