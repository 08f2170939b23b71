package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;

/**
 * ELBv2's request token buckets: a describe bucket of 40 refilled at 10 a second (the throttling page's example), a
 * bucket of 12 refilled at 3 a second for each change (assumed: the page gives no figures); an empty bucket answers
 * Throttling, "Rate exceeded".
 */
class FakeElbV2ThrottlingTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeElbV2 elb = new FakeElbV2("eu-west-1", "111122223333");

  {
    elb.setClock(clock);
  }

  @Test
  void describesBurstToFortyThenGoAtTenASecond() {
    for (int i = 0; i < 40; i++) {
      elb.describeLoadBalancers(r -> r.pageSize(400));
    }
    assertThat(throttle(() -> elb.describeLoadBalancers(r -> r.pageSize(400)))).isEqualTo("Throttling");

    clock.advance(Duration.ofMillis(200)); // 2 tokens at 10 a second
    elb.describeLoadBalancers(r -> r.pageSize(400));
    elb.describeLoadBalancers(r -> r.pageSize(400));
    assertThat(throttle(() -> elb.describeLoadBalancers(r -> r.pageSize(400)))).isEqualTo("Throttling");
  }

  @Test
  void aChangeBurstsToTwelveWithinOneSecondAndItsBucketIsItsOwn() {
    for (int i = 0; i < 12; i++) {
      int n = i;
      elb.createLoadBalancer(r -> r.name("lb-" + n).subnets("subnet-a", "subnet-b"));
    }
    assertThat(throttle(() -> elb.createLoadBalancer(r -> r.name("one-too-many").subnets("subnet-a", "subnet-b"))))
        .isEqualTo("Throttling");
    elb.describeLoadBalancers(r -> r.pageSize(400)); // describes are counted apart

    clock.advance(Duration.ofSeconds(1)); // 3 tokens at 3 a second
    for (int i = 0; i < 3; i++) {
      int n = i;
      elb.createLoadBalancer(r -> r.name("later-" + n).subnets("subnet-a", "subnet-b"));
    }
    assertThat(throttle(() -> elb.createLoadBalancer(r -> r.name("later-x").subnets("subnet-a", "subnet-b"))))
        .isEqualTo("Throttling");
  }

  private static String throttle(Runnable call) {
    return catchThrowableOfType(call::run, ElasticLoadBalancingV2Exception.class).awsErrorDetails().errorCode();
  }
}
