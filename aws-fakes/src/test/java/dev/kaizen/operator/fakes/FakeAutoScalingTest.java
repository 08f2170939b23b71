package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/** DescribeAutoScalingGroups as the API reference has it: tag filters ANDed, values ORed, 50 a page, at most 100. */
class FakeAutoScalingTest {
  private final FakeEc2 ec2 = new FakeEc2("eu-west-1", "111122223333");
  private final FakeElbV2 elb = new FakeElbV2("eu-west-1", "111122223333");
  private final FakeAutoScaling autoScaling = new FakeAutoScaling("eu-west-1", "111122223333", ec2, elb);

  {
    autoScaling.setQuotasEnforced(false); // many calls in no time: the quotas are not what is tested here
  }

  private void group(String name, Map<String, String> tags) {
    autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
        .launchTemplate(t -> t.launchTemplateName("template").version("$Latest")).minSize(0).maxSize(0)
        .vpcZoneIdentifier("subnet-0a1b2c3d4e5f60001")
        .tags(tags.entrySet().stream().map(e -> Tag.builder().resourceId(name).resourceType("auto-scaling-group")
            .key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  private static List<String> names(DescribeAutoScalingGroupsResponse response) {
    return response.autoScalingGroups().stream().map(AutoScalingGroup::autoScalingGroupName).toList();
  }

  @Test
  void tagFiltersSelectGroupsByKeyByValueAndByBoth() {
    group("ours-1", Map.of("kaizen.dev/owner", "search/SolrCluster/a"));
    group("ours-2", Map.of("kaizen.dev/owner", "search/SolrCluster/b", "team", "search"));
    group("theirs", Map.of("team", "search"));

    assertThat(names(autoScaling.describeAutoScalingGroups(r -> r.filters(f -> f.name("tag-key")
        .values("kaizen.dev/owner"))))).containsExactly("ours-1", "ours-2");
    assertThat(names(autoScaling.describeAutoScalingGroups(r -> r.filters(f -> f.name("tag-value")
        .values("search"))))).containsExactly("ours-2", "theirs");
    assertThat(names(autoScaling.describeAutoScalingGroups(r -> r.filters(
        f -> f.name("tag:kaizen.dev/owner").values("search/SolrCluster/b", "x"),
        f -> f.name("tag-key").values("team"))))).containsExactly("ours-2");
    assertThat(names(autoScaling.describeAutoScalingGroups(r -> {}))).containsExactly("ours-1", "ours-2", "theirs");
    assertThat(catchThrowableOfType(() -> autoScaling.describeAutoScalingGroups(r -> r.filters(f -> f.name("owner")
        .values("x"))), AutoScalingException.class).awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }

  @Test
  void pagesHoldFiftyByDefaultAndAtMostAHundred() {
    for (int i = 0; i < 120; i++) {
      group(String.format("group-%03d", i), Map.of());
    }
    DescribeAutoScalingGroupsResponse first = autoScaling.describeAutoScalingGroups(r -> {});
    assertThat(first.autoScalingGroups()).hasSize(50);
    List<String> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String from = token;
      var page = autoScaling.describeAutoScalingGroups(r -> r.maxRecords(100).nextToken(from));
      all.addAll(names(page));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(2);
    assertThat(all).hasSize(120).doesNotHaveDuplicates();
    assertThat(catchThrowableOfType(() -> autoScaling.describeAutoScalingGroups(r -> r.maxRecords(101)),
        AutoScalingException.class).awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(catchThrowableOfType(() -> autoScaling.describeAutoScalingGroups(r -> r.nextToken("bogus")),
        AutoScalingException.class).awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken");
  }
}
