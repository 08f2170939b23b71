package dev.kaizen.operator.cli;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.cli.PlanEnvironment.Cluster;
import dev.kaizen.operator.fakes.FakeSts;
import dev.kaizen.operator.testing.AccountRoutedAwsClients;
import dev.kaizen.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kaizen plan} with the manifests of several accounts: each resource is read in its own account, with that
 * account's assumed role, and an account whose role cannot be assumed is named.
 */
class PlanPerAccountTest {
  private static final String OPERATOR = "arn:aws:iam::" + OperatorHarness.ACCOUNT + ":role/kaizen-operator";
  private static final String PROD_ID = "210987654321";
  private static final String PROD_ROLE = "arn:aws:iam::" + PROD_ID + ":role/kaizen-operator";
  private static final String STG_ROLE = "arn:aws:iam::123456789012:role/kaizen-operator";

  @TempDir
  Path dir;

  private final OperatorHarness harness = new OperatorHarness();
  private final FakeSts sts = new FakeSts(OperatorHarness.REGION.id(), OperatorHarness.ACCOUNT);
  private final AccountRoutedAwsClients aws;

  PlanPerAccountTest() {
    var keys = sts.principal("AKIACOMMANDLINE00001", OperatorHarness.ACCOUNT, OPERATOR);
    sts.role(PROD_ROLE, Set.of(OPERATOR), Optional.empty()); // the stg role does not trust the caller
    aws = new AccountRoutedAwsClients(harness, sts, new AccountCredentials(keys, sts::client,
        AccountCredentials.Refresh.DEFAULT));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private void namespace(String name, Map<String, String> labels) {
    harness.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
        .withLabels(labels).endMetadata().build()).create();
  }

  private void write(String file, String yaml) throws IOException {
    Files.writeString(dir.resolve(file), yaml);
  }

  private static String account(String name, String role) {
    return "apiVersion: kaizen.dev/v1alpha1\nkind: AwsAccount\nmetadata:\n  name: " + name + "\nspec:\n  roleArn: "
        + role + "\n";
  }

  private String plan() {
    PlanEnvironment environment = new PlanEnvironment(Optional::empty, () -> aws,
        () -> new Cluster(Optional.of(new KubernetesClientBuilder().withConfig(harness.client().getConfiguration())
            .build()), ""), Map.of());
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new PlanCommand(environment));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    cli.execute("--region", OperatorHarness.REGION.id(), dir.toString());
    return out.toString();
  }

  @Test
  void eachResourceIsPlannedInItsOwnAccountAndAnAccountThatCannotBeAssumedIsNamed() throws IOException {
    namespace("shop-prod", Map.of("kaizen.dev/aws-account", "shop-prod"));
    namespace("shop-stg", Map.of("kaizen.dev/aws-account", "shop-stg"));
    namespace("plain", Map.of());
    write("accounts.yaml", account("shop-prod", PROD_ROLE) + "---\n" + account("shop-stg", STG_ROLE));
    write("prod.yaml", Serialization.asYaml(logPipeline("shop-prod", "web").retentionDays(30).build()));
    write("stg.yaml", Serialization.asYaml(logPipeline("shop-stg", "web").retentionDays(30).build()));
    write("plain.yaml", Serialization.asYaml(logPipeline("plain", "web").retentionDays(30).build()));
    // Each group exists, unowned, in its own account only: a NameConflict proves which account was read.
    aws.logs(PROD_ID).backdoorCreate("/shop-prod/web");
    aws.logs(OperatorHarness.ACCOUNT).backdoorCreate("/plain/web");

    String out = plan();

    assertThat(out).contains("Resources bound to the AwsAccount shop-prod are planned in account " + PROD_ID
        + " (role " + PROD_ROLE + ").");
    assertThat(out).contains("The role " + STG_ROLE + " of the AwsAccount shop-stg could not be assumed with the"
        + " current credentials");
    assertThat(out).containsPattern("LogPipeline shop-prod/web \\(log group /shop-prod/web\\): .*NameConflict");
    assertThat(out).containsPattern("LogPipeline plain/web \\(log group /plain/web\\): .*NameConflict");
    assertThat(out).containsPattern("LogPipeline shop-stg/web \\(log group /shop-stg/web\\): .*AccountNotReady");
    assertThat(aws.logs(PROD_ID).calls()).noneMatch(c -> c.request().toString().contains("/plain/"));
    assertThat(aws.logs(OperatorHarness.ACCOUNT).calls()).noneMatch(c -> c.request().toString().contains("/shop-"));
  }

  /** Issue 14: a Namespace of the set binds like one of the cluster, and its labels win over the cluster's. */
  @Test
  void theNamespacesOfTheSetBindTheirResourcesAndWinOverTheClusters() throws IOException {
    namespace("shop-prod", Map.of("kaizen.dev/aws-account", "shop-stg")); // what the set is about to change
    write("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-prod\n  labels:\n"
        + "    kaizen.dev/aws-account: shop-prod\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n"
        + "  name: shop-new\n  labels:\n    kaizen.dev/aws-account: shop-prod\n");
    write("accounts.yaml", account("shop-prod", PROD_ROLE) + "---\n" + account("shop-stg", STG_ROLE));
    write("prod.yaml", Serialization.asYaml(logPipeline("shop-prod", "web").retentionDays(30).build()));
    write("new.yaml", Serialization.asYaml(logPipeline("shop-new", "web").retentionDays(30).build()));
    aws.logs(PROD_ID).backdoorCreate("/shop-prod/web");
    aws.logs(PROD_ID).backdoorCreate("/shop-new/web");

    String out = plan();

    // Both read in the prod account (a NameConflict there), neither refused as the stg account's.
    assertThat(out).containsPattern("LogPipeline shop-prod/web \\(log group /shop-prod/web\\): .*NameConflict");
    assertThat(out).containsPattern("LogPipeline shop-new/web \\(log group /shop-new/web\\): .*NameConflict");
    assertThat(out).doesNotContain("AccountNotReady");
    assertThat(aws.logs(OperatorHarness.ACCOUNT).calls()).noneMatch(c -> c.request().toString().contains("/shop-"));
  }
}
