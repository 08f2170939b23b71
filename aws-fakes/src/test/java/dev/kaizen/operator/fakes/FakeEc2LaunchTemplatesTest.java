package dev.kaizen.operator.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/** DescribeLaunchTemplates as the API reference has it: filters ANDed, values ORed, MaxResults 1-200 with NextToken. */
class FakeEc2LaunchTemplatesTest {
  private final FakeEc2 ec2 = new FakeEc2("eu-west-1", "111122223333");

  {
    ec2.setQuotasEnforced(false); // many calls in no time: the quotas are not what is tested here
  }

  private static List<String> names(DescribeLaunchTemplatesResponse response) {
    return response.launchTemplates().stream().map(LaunchTemplate::launchTemplateName).toList();
  }

  @Test
  void tagFiltersSelectTemplatesByKeyAndByValue() {
    ec2.backdoorCreateTemplate("ours-a", Map.of("kaizen.dev/owner", "search/SolrCluster/a"));
    ec2.backdoorCreateTemplate("ours-b", Map.of("kaizen.dev/owner", "search/SolrCluster/b", "team", "search"));
    ec2.backdoorCreateTemplate("theirs", Map.of("team", "search"));

    assertThat(names(ec2.describeLaunchTemplates(r -> r.filters(f -> f.name("tag-key").values("kaizen.dev/owner")))))
        .containsExactly("ours-a", "ours-b");
    assertThat(names(ec2.describeLaunchTemplates(r -> r.filters(f -> f.name("tag-key").values("kaizen.dev/owner"),
        f -> f.name("tag:team").values("search"))))).containsExactly("ours-b");
    assertThat(names(ec2.describeLaunchTemplates(r -> r.filters(f -> f.name("launch-template-name")
        .values("theirs", "ours-a"))))).containsExactly("ours-a", "theirs");
    assertThat(catchThrowableOfType(() -> ec2.describeLaunchTemplates(r -> r.filters(f -> f.name("owner-id")
        .values("x"))), Ec2Exception.class).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
  }

  @Test
  void maxResultsPagesTheListingWithATokenAndIsBoundedAt200() {
    for (int i = 0; i < 450; i++) {
      ec2.backdoorCreateTemplate(String.format("ours-%03d", i), Map.of("kaizen.dev/owner", "x/SolrCluster/" + i));
    }
    List<String> all = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      var page = ec2.describeLaunchTemplates(r -> r.filters(f -> f.name("tag-key").values("kaizen.dev/owner"))
          .maxResults(200).nextToken(from));
      all.addAll(names(page));
      pageSizes.add(page.launchTemplates().size());
      token = page.nextToken();
    } while (token != null);

    assertThat(pageSizes).containsExactly(200, 200, 50);
    assertThat(all).hasSize(450).doesNotHaveDuplicates();
    assertThat(names(ec2.describeLaunchTemplates(r -> r.filters(f -> f.name("tag-key").values("kaizen.dev/owner")))))
        .as("without MaxResults, all at once").hasSize(450);
    assertThat(catchThrowableOfType(() -> ec2.describeLaunchTemplates(r -> r.maxResults(201)), Ec2Exception.class)
        .awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    assertThat(catchThrowableOfType(() -> ec2.describeLaunchTemplates(r -> r.maxResults(5).nextToken("garbage")),
        Ec2Exception.class).awsErrorDetails().errorCode()).isEqualTo("InvalidPaginationToken");
  }
}
