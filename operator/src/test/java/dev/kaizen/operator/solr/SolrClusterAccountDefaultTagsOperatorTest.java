package dev.kaizen.operator.solr;

import static dev.kaizen.operator.solr.SolrClusterFixture.cluster;
import static dev.kaizen.operator.solr.SolrClusterFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kaizen.operator.accounts.AccountRules;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountSpec;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.fakes.FakeSts;
import dev.kaizen.operator.testing.AccountRoutedAwsClients;
import dev.kaizen.operator.testing.OperatorHarness;
import java.util.Optional;
import java.util.Set;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The account's default tags (AwsAccount spec.defaultTags) on every Solr object: at create, and on the existing ones
 * when the defaults change — the spec's tag wins, former defaults and others' tags stay, then no write after rechecks
 * and a restart.
 */
class SolrClusterAccountDefaultTagsOperatorTest {
  private static final String OPERATOR_ROLE = "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":role/kaizen-operator";
  private static final String SEARCH_ROLE = "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":role/kaizen-search";

  private final OperatorHarness harness = new OperatorHarness();
  private final SolrClusterFixture solr = new SolrClusterFixture(harness);
  /** The AwsAccount's role is assumed through STS (a role of the harness's own account, so its fakes serve it). */
  private final FakeSts sts = new FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
  private final AccountRoutedAwsClients aws;

  SolrClusterAccountDefaultTagsOperatorTest() {
    var operatorKeys = sts.principal("AKIAOPERATOR00000001", OperatorHarness.ACCOUNT, OPERATOR_ROLE);
    sts.role(SEARCH_ROLE, Set.of(OPERATOR_ROLE), Optional.empty());
    aws = new AccountRoutedAwsClients(harness, sts, new AccountCredentials(operatorKeys, sts::client,
        AccountCredentials.Refresh.DEFAULT));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private void account(Map<String, String> defaults) {
    AwsAccount account = new AwsAccount();
    account.setMetadata(new ObjectMetaBuilder().withName("search-prod").build());
    AwsAccountSpec spec = new AwsAccountSpec();
    spec.setRoleArn(SEARCH_ROLE);
    spec.setEnvironment("prod");
    spec.setNamespaces(List.of(SolrClusterFixture.NS));
    spec.setDefaultTags(new LinkedHashMap<>(defaults));
    account.setSpec(spec);
    harness.client().resources(AwsAccount.class).resource(account).create();
  }

  /** Every tag set of the cluster's objects, by object. */
  private Map<String, Map<String, String>> tags() {
    SolrClusterNames names = names("products");
    var elb = harness.elb();
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    all.put("load balancer", elb.tagsOf(elb.loadBalancerArn(names.loadBalancer()).orElseThrow()));
    all.put("live listener", elb.tagsOf(elb.listenerArn(names.loadBalancer(), 80).orElseThrow()));
    all.put("test listener", elb.tagsOf(elb.listenerArn(names.loadBalancer(), 8983).orElseThrow()));
    all.put("target group", elb.tagsOf(elb.targetGroupArn(names.targetGroup(Colour.BLUE)).orElseThrow()));
    all.put("launch template", harness.ec2().templateTags(names.launchTemplate(Colour.BLUE)));
    all.put("group", harness.autoScaling().tags(names.autoScalingGroup(Colour.BLUE)));
    all.put("nodes and volumes (latest template version)", launchedTags());
    return all;
  }

  /** The instance tags of the template's latest version, when its volume tags are the same (else a marker). */
  private Map<String, String> launchedTags() {
    String template = names("products").launchTemplate(Colour.BLUE);
    var data = harness.ec2().templateData(template, harness.ec2().versionCount(template));
    Map<String, Map<String, String>> byType = new LinkedHashMap<>();
    for (LaunchTemplateTagSpecificationRequest spec : data.tagSpecifications()) {
      Map<String, String> tags = new LinkedHashMap<>();
      spec.tags().forEach((Tag t) -> tags.put(t.key(), t.value()));
      byType.put(spec.resourceTypeAsString(), tags);
    }
    return byType.getOrDefault("instance", Map.of()).equals(byType.get("volume")) ? byType.get("instance")
        : Map.of("instance and volume tags differ", byType.toString());
  }

  private long writes() {
    return Stream.of(harness.ec2().succeededMutations(), harness.autoScaling().succeededMutations(),
        harness.elb().succeededMutations()).flatMap(List::stream).count();
  }

  @Test
  void theAccountsDefaultsAreOnEveryObjectAtCreateAndReachTheExistingOnesWhenTheyChange() {
    harness.client().namespaces().resource(new NamespaceBuilder().withMetadata(new ObjectMetaBuilder()
        .withName(SolrClusterFixture.NS).withLabels(Map.of(AccountRules.ACCOUNT_LABEL, "search-prod")).build())
        .build()).create();
    account(Map.of("cost-center", "search", "team", "from-account"));
    harness.start(OperatorHarness.settings(OperatorHarness.fastTimings(Duration.ofSeconds(1))), aws);
    solr.create(cluster("products", spec -> {})); // spec.tags: team=search

    solr.awaitReady("products", 1);
    assertThat(tags()).allSatisfy((object, tags) -> assertThat(tags).as(object)
        .containsEntry("cost-center", "search").containsEntry("team", "search"));
    tags().forEach((object, tags) -> {
      if (!object.startsWith("nodes")) {
        assertThat(tags).as(object).containsEntry(OwnerTags.OWNER, "search/SolrCluster/products");
      }
    });
    assertThat(harness.autoScaling().succeededMutations()).doesNotContain("CreateOrUpdateTags");
    // Someone else's tag on the load balancer: never touched.
    String lb = harness.elb().loadBalancerArn(names("products").loadBalancer()).orElseThrow();
    harness.elb().addTags(r -> r.resourceArns(lb).tags(t -> t.key("billing").value("theirs")));
    int versions = harness.ec2().versionCount(names("products").launchTemplate(Colour.BLUE));

    // cost-center changes, env is new, team is no longer a default.
    dev.kaizen.operator.testing.OperatorHarness.edit(harness.client().resources(AwsAccount.class).withName("search-prod"),
        a -> {
      a.getSpec().setDefaultTags(new LinkedHashMap<>(Map.of("cost-center", "search-2", "env", "prod")));
      return a;
    });
    await().atMost(SolrClusterFixture.WAIT).untilAsserted(() -> assertThat(tags()).allSatisfy((object, tags) ->
        assertThat(tags).as(object).containsEntry("cost-center", "search-2").containsEntry("env", "prod")
            .containsEntry("team", "search")));
    assertThat(harness.elb().tagsOf(lb)).containsEntry("billing", "theirs")
        .containsEntry(OwnerTags.OWNER, "search/SolrCluster/products");
    // Nodes launched from now on carry them: one new template version.
    assertThat(harness.ec2().versionCount(names("products").launchTemplate(Colour.BLUE))).isEqualTo(versions + 1);
    assertThat(Stream.of(harness.ec2().succeededMutations(), harness.autoScaling().succeededMutations(),
        harness.elb().succeededMutations()).flatMap(List::stream)).doesNotContain("RemoveTags", "DeleteTags");

    // Rechecks (resync 1 s) and a restart: nothing more is written.
    solr.awaitReady("products", 1);
    long written = writes();
    harness.restart();
    await().during(Duration.ofSeconds(4)).atMost(SolrClusterFixture.WAIT).until(() -> writes() == written);
  }
}
