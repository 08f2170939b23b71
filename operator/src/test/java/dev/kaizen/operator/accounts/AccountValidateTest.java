package dev.kaizen.operator.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen validate} on manifest sets that bind resources and namespaces to AwsAccounts. */
class AccountValidateTest {
  @TempDir
  Path dir;

  private CommandLineRun validate() {
    return validate(dir.toString());
  }

  private CommandLineRun validate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return CommandLineRun.of(new Main(), all);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String account(String name, String environment) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: AwsAccount
        metadata:
          name: %s
        spec:
          roleArn: arn:aws:iam::210987654321:role/kaizen-operator
          environment: %s
        """.formatted(name, environment);
  }

  private static String pipeline(String name, String accountRef) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata:
          name: %s
          namespace: shop
        spec:
          accountRef: %s
          logGroup: {retentionDays: 7}
        """.formatted(name, accountRef);
  }

  @Test
  void anAccountRefToAnAccountTheSetDoesNotDefineIsAProblem() throws IOException {
    write("accounts.yaml", account("shop-prod", "prod"));
    write("web.yaml", pipeline("web", "shop-prod"));
    Path api = write("api.yaml", pipeline("api", "shop-prdo"));

    CommandLineRun run = validate();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(api + ":1: LogPipeline shop/api: spec.accountRef: The AwsAccount"
        + " shop-prdo is not defined by these manifests, which define shop-prod.");
  }

  @Test
  void withoutAwsAccountsInTheSetReferencesAreLeftToTheCluster() throws IOException {
    write("api.yaml", pipeline("api", "defined-in-the-cluster"));

    CommandLineRun run = validate();

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void anAwsAccountsRoleCannotMoveToAnotherAccount() throws IOException {
    Files.createDirectories(dir.resolve("main"));
    Files.createDirectories(dir.resolve("pr"));
    Files.writeString(dir.resolve("main/account.yaml"), account("shop-prod", "prod"));
    Files.writeString(dir.resolve("pr/account.yaml"), account("shop-prod", "prod")
        .replace("210987654321:role/kaizen-operator", "999988887777:role/kaizen-operator"));

    CommandLineRun moved = validate("--baseline", dir.resolve("main").toString(), dir.resolve("pr").toString());
    assertThat(moved.exit()).isEqualTo(1);
    assertThat(moved.err()).contains("roleArn cannot move to another AWS account");

    Files.writeString(dir.resolve("pr/account.yaml"), account("shop-prod", "prod")
        .replace("role/kaizen-operator", "role/kaizen-operator-v2"));
    assertThat(validate("--baseline", dir.resolve("main").toString(), dir.resolve("pr").toString()).exit()).isZero();
  }

  private static String namespace(String name, String account, String environment) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels:
            kaizen.dev/aws-account: %s
            kaizen.dev/environment: %s
        """.formatted(name, account, environment);
  }

  private static String pipelineIn(String namespace, String name) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata:
          name: %s
          namespace: %s
        spec:
          logGroup: {retentionDays: 7}
        """.formatted(name, namespace);
  }

  private static String allowing(String account, String... namespaces) {
    return account + "  namespaces: [" + String.join(", ", namespaces) + "]\n";
  }

  @Test
  void aBindingTheOperatorWouldRefuseIsAProblemAtTheResource() throws IOException {
    write("accounts.yaml", allowing(account("shop-prod", "prod"), "shop") + "---\n"
        + allowing(account("shop-stg", "stg"), "shop-stg"));
    write("namespaces.yaml", namespace("shop", "shop-prod", "prod") + "---\n"
        + namespace("shop-stg", "shop-stg", "stg") + "---\n" + namespace("newcomer", "shop-prod", "prod"));
    write("ok.yaml", pipelineIn("shop", "web") + "---\n" + pipelineIn("shop-stg", "web")); // positive controls
    // A stg namespace's resource naming the prod account, and a namespace the prod account does not list.
    Path crossed = write("crossed.yaml", pipelineIn("shop-stg", "api").replace("spec:\n",
        "spec:\n  accountRef: shop-prod\n"));
    Path newcomer = write("newcomer.yaml", pipelineIn("newcomer", "web"));

    CommandLineRun run = validate();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactlyInAnyOrder(
        crossed + ":1: LogPipeline shop-stg/api: spec.accountRef: The namespace shop-stg belongs to the environment"
            + " stg and cannot use the AwsAccount shop-prod of the environment prod. The operator would stall it"
            + " (EnvironmentMismatch) and make no AWS call.",
        newcomer + ":1: LogPipeline newcomer/web: metadata.namespace (its label kaizen.dev/aws-account): The"
            + " AwsAccount shop-prod does not allow the namespace newcomer: it must be listed in spec.namespaces or"
            + " selected by spec.namespaceSelector. The operator would stall it (AccountNotAllowed) and make no AWS"
            + " call.");
  }

  @Test
  void aNamespaceLabelNamingAnAccountTheSetDoesNotDefineIsAProblemAtTheNamespace() throws IOException {
    write("accounts.yaml", allowing(account("shop-prod", "prod"), "shop"));
    Path namespaces = write("namespaces.yaml", namespace("shop", "shop-prod", "prod") + "---\n"
        + namespace("search", "search-prdo", "prod"));

    CommandLineRun run = validate();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(namespaces + ":9: Namespace search: metadata.labels"
        + ".kaizen.dev/aws-account: The AwsAccount search-prdo is not defined by these manifests, which define"
        + " shop-prod.");
  }

  @Test
  void resourcesInNamespacesTheSetDoesNotDefineAreLeftToTheCluster() throws IOException {
    write("accounts.yaml", allowing(account("shop-prod", "prod"), "shop"));
    write("namespaces.yaml", namespace("shop", "shop-prod", "prod"));
    write("elsewhere.yaml", pipelineIn("elsewhere", "web").replace("spec:\n", "spec:\n  accountRef: shop-prod\n"));

    CommandLineRun run = validate();

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
  }
}
