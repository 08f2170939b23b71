package dev.kaizen.operator.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.fakes.FakeAutoScaling;
import dev.kaizen.operator.fakes.FakeAwsService;
import dev.kaizen.operator.fakes.FakeEc2;
import dev.kaizen.operator.fakes.FakeElbV2;
import dev.kaizen.operator.fakes.MutableClock;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;

/**
 * The listeners SolrClusters at rest share are read 20 ARNs a call: at 90 clusters, nine calls in one reconcile. A
 * call refused part-way (AWS's throttling here) must not throw away the answers already in hand.
 */
class RestingReadsTest {
  private static final Duration FRESH_FOR = Duration.ofMinutes(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T06:00:00Z"));
  private final FakeEc2 ec2 = new FakeEc2("eu-west-1", "111122223333");
  private final FakeElbV2 elb = new FakeElbV2("eu-west-1", "111122223333");
  private final FakeAutoScaling autoScaling = new FakeAutoScaling("eu-west-1", "111122223333", ec2, elb);
  /** Our limiter on the same simulated clock, so it refills as the test steps time. */
  private final AwsCalls calls = new AwsCalls(new RateLimits(new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }));
  private final AwsTarget target = AwsTarget.of(Region.EU_WEST_1);
  private final LoadBalancing loadBalancing = new LoadBalancing(elb, calls, target);
  private final ScalingGroups groups = new ScalingGroups(autoScaling, calls, target);
  private final LaunchTemplates templates = new LaunchTemplates(ec2, calls, target);
  private final RestingReads reads = new RestingReads(clock, FRESH_FOR);

  @Test
  void aListenerCallRefusedPartWayIsResumedFromThereNotStartedOver() {
    List<String> arns = listeners(45); // three calls of 20
    elb.setClock(clock);
    elb.setQuota("DescribeListeners", 2); // AWS refuses the third call within the second

    assertThatThrownBy(() -> reads.read(arns, groups, templates, loadBalancing)).isNotNull();
    assertThat(elb.calls("DescribeListeners")).hasSize(3);

    clock.advance(Duration.ofSeconds(2));
    RestingReads.Snapshot snapshot = reads.read(arns, groups, templates, loadBalancing);

    assertThat(elb.calls("DescribeListeners")).hasSize(4); // only the third chunk again: it started over with 6
    assertThat(snapshot.listeners()).hasValueSatisfying(found -> assertThat(found).hasSize(45));
    assertThat(snapshot.at()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z")); // dated from its first call

    // Positive control: a refresh once the snapshot is stale reads every chunk again, none kept from before.
    elb.setQuota("DescribeListeners", FakeElbV2.QUOTAS.get("DescribeListeners"));
    clock.advance(FRESH_FOR.plusSeconds(1));
    reads.read(arns, groups, templates, loadBalancing);
    assertThat(elb.calls("DescribeListeners")).hasSize(7);
  }

  @Test
  void piecesOfAnAbandonedRefreshAreNotUsedOnceTheyAreStale() {
    List<String> arns = listeners(45);
    elb.setClock(clock);
    elb.setQuota("DescribeListeners", 2);
    assertThatThrownBy(() -> reads.read(arns, groups, templates, loadBalancing)).isNotNull();

    elb.setQuota("DescribeListeners", FakeElbV2.QUOTAS.get("DescribeListeners"));
    clock.advance(FRESH_FOR.plusSeconds(1));
    RestingReads.Snapshot snapshot = reads.read(arns, groups, templates, loadBalancing);

    assertThat(elb.calls("DescribeListeners")).hasSize(6); // 3, then all 3 again
    assertThat(snapshot.at()).isEqualTo(clock.instant());
  }

  /** One load balancer with {@code count} listeners, made by hand; their ARNs. */
  private List<String> listeners(int count) {
    return FakeAwsService.asSomeoneElse(() -> {
      String lb = elb.createLoadBalancer(r -> r.name("search").subnets("subnet-a", "subnet-b"))
          .loadBalancers().get(0).loadBalancerArn();
      String tg = elb.createTargetGroup(r -> r.name("search-blue").port(8983).protocol("HTTP").vpcId("vpc-1"))
          .targetGroups().get(0).targetGroupArn();
      List<String> arns = new ArrayList<>();
      for (int port = 8000; port < 8000 + count; port++) {
        int p = port;
        arns.add(elb.createListener(r -> r.loadBalancerArn(lb).port(p).protocol("HTTP")
            .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))).listeners().get(0).listenerArn());
      }
      return arns;
    });
  }
}
