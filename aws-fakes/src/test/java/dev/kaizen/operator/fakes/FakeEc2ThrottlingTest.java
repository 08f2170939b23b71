package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * EC2's request token buckets, as "Request throttling for the Amazon EC2 API" gives them: reads refill 20 a second
 * into a bucket of 100, writes 5 a second into one of 50; an empty bucket answers RequestLimitExceeded.
 */
class FakeEc2ThrottlingTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeEc2 ec2 = new FakeEc2("eu-west-1", "111122223333");

  {
    ec2.setClock(clock);
  }

  @Test
  void readsBurstToTheBucketThenGoAtItsRefillRate() {
    for (int i = 0; i < 100; i++) {
      ec2.describeLaunchTemplates(r -> r.maxResults(200));
    }
    assertThat(throttle(() -> ec2.describeInstances(r -> r.maxResults(5)))).isEqualTo("RequestLimitExceeded");

    clock.advance(Duration.ofMillis(100)); // 2 tokens at 20 a second
    ec2.describeInstances(r -> r.maxResults(5));
    ec2.describeInstances(r -> r.maxResults(5));
    assertThat(throttle(() -> ec2.describeInstances(r -> r.maxResults(5)))).isEqualTo("RequestLimitExceeded");
  }

  @Test
  void writesHaveABucketOfTheirOwn() {
    for (int i = 0; i < 50; i++) {
      ec2.createLaunchTemplate(r -> r.launchTemplateName("t-" + Integer.toString(ec2.calls().size()))
          .launchTemplateData(d -> d.imageId("ami-12345678")));
    }
    assertThat(throttle(() -> ec2.createLaunchTemplate(r -> r.launchTemplateName("one-too-many")
        .launchTemplateData(d -> d.imageId("ami-12345678"))))).isEqualTo("RequestLimitExceeded");
    ec2.describeLaunchTemplates(r -> r.maxResults(200)); // reads are counted apart
  }

  private static String throttle(Runnable call) {
    return catchThrowableOfType(call::run, Ec2Exception.class).awsErrorDetails().errorCode();
  }
}
