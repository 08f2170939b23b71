package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen validate} and {@code kaizen plan} as a user runs them, on the repository's examples and bad input. */
class CommandLineTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir
  Path dir;

  private static CommandLineRun kaizen(String... args) {
    return CommandLineRun.of(new Main(), args);
  }

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private static String pipeline(String logGroup) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata:
          name: web
          namespace: shop
        spec:
          region: eu-west-1
          logGroup:
        %s
        """.formatted(logGroup.indent(4).stripTrailing());
  }

  @Test
  void theExamplesAreValid() {
    CommandLineRun run = kaizen("validate", EXAMPLES.toString());
    // The build runs without DNS (KAIZEN_NO_DNS): the MailRoute's SPF include is named, counted as one lookup.
    assertThat(run.err()).isEqualTo("note: ../examples/mailroute.yaml: MailRoute shop/shop: spec.spf: could not"
        + " resolve include:_spf.google.com: DNS not queried (--no-dns); counted as 1 lookup\n");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("10 resource(s) checked, 0 problem(s)");
  }

  @Test
  void eachBadInputIsOneClearLineNamingFileResourceAndField() throws IOException {
    Path bad = write("bad.yaml", pipeline("""
        name: "/shop/web logs"
        retentionDays: 8
        kmsKeyArn: arn:aws:kms:eu-west-1:111122223333:alias/shop
        """));

    CommandLineRun run = kaizen("validate", bad.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith(bad + ": LogPipeline shop/web: spec.logGroup."));
    assertThat(run.err()).contains(
        "spec.logGroup.retentionDays: retentionDays must be one of the values CloudWatch Logs accepts",
        "spec.logGroup.kmsKeyArn: \"arn:aws:kms:eu-west-1:111122223333:alias/shop\" is not valid here: expected a KMS"
            + " key ARN",
        "spec.logGroup.name: \"/shop/web logs\" is not valid here: expected a log group name");
  }

  @Test
  void badMetricFiltersAndAlarmsAreRejected() throws IOException {
    Path bad = write("filters.yaml", """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata: {name: web, namespace: shop}
        spec:
          logGroup: {}
          metricFilters:
            - name: no-metric-name
              pattern: ERROR
              metric: {namespace: Shop/Web}
            - name: long-pattern
              pattern: %s
              metric: {namespace: Shop/Web, name: Errors}
            - name: no-threshold
              pattern: ERROR
              metric: {namespace: Shop/Web, name: Errors}
              alarm: {evaluationPeriods: 2}
            - name: bad-topic
              pattern: ERROR
              metric: {namespace: Shop/Web, name: Errors}
              alarm: {threshold: 1, actions: ["arn:aws:sns:eu-west-1:oncall"]}
        """.formatted("x".repeat(1025)));

    CommandLineRun run = kaizen("validate", bad.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(
        "spec.metricFilters[0].metric.name: required",
        "spec.metricFilters[1].pattern:",
        "spec.metricFilters[2].alarm.threshold: required",
        "spec.metricFilters[3].alarm.actions[0]: \"arn:aws:sns:eu-west-1:oncall\" is not valid here: expected an SNS"
            + " topic ARN");
  }

  @Test
  void renamingAgainstTheBaselineIsRejected() throws IOException {
    write("main/web.yaml", pipeline("name: /shop/web"));
    Path changed = write("pr/web.yaml", pipeline("name: /shop/frontend"));
    write("same/web.yaml", pipeline("name: /shop/web"));

    CommandLineRun renamed = kaizen("validate", "--baseline", dir.resolve("main").toString(), changed.toString());
    assertThat(renamed.exit()).isEqualTo(1);
    assertThat(renamed.err()).contains("spec.logGroup: logGroup.name cannot change once set");

    CommandLineRun unchanged = kaizen("validate", "--baseline", dir.resolve("main").toString(), dir.resolve("same").toString());
    assertThat(unchanged.exit()).isZero();
  }

  @Test
  void otherApiGroupsAreSkippedAndBrokenYamlIsReported() throws IOException {
    write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    Path broken = write("broken.yaml", "apiVersion: kaizen.dev/v1alpha1\nkind: [LogPipeline\n");

    CommandLineRun run = kaizen("validate", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(broken.toString(), "invalid YAML");
    assertThat(run.out()).contains("1 document(s) of other API groups skipped");
  }

  @Test
  void planAgainstAnEmptyAccountSaysSoAndListsEveryChange() {
    CommandLineRun run = kaizen("plan", "--empty-account", EXAMPLES.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).startsWith("Planning against an empty account: --empty-account was given.");
    assertThat(run.out()).contains("""
        LogPipeline shop/web (log group /shop/web): 5 change(s):
          CreateLogGroup /shop/web: absent
          PutRetentionPolicy /shop/web: never expire -> 30 days
          PutMetricFilter /shop/web kaizen/errors: absent
          PutMetricAlarm kaizen:/shop/web:errors: absent
          PutConfigMapKey logging/kaizen-fluent-bit-3 shop.yaml: absent
        """);
    assertThat(run.out()).contains("LogPipeline shop/payments-legacy (log group /legacy/payments): 2 change(s)"
        + " (mode Plan: the operator would only report them):");
    // SolrCluster: the first colour (blue), the load balancer and both listeners.
    assertThat(run.out()).contains("SolrCluster search/products (load balancer ks-bbc91e82dfdd): 6 change(s):",
        "  CreateLoadBalancer ks-bbc91e82dfdd: absent",
        "  CreateLaunchTemplate kaizen-solr-search-products-blue: absent; solr 9.10.1, r6i.large",
        "  CreateAutoScalingGroup kaizen-solr-search-products-blue: absent; 3 nodes, scale-in protected",
        "  CreateListener ks-bbc91e82dfdd:80: absent; live -> ks-bbc91e82dfdd-blue",
        "  CreateListener ks-bbc91e82dfdd:8983: absent; test -> ks-bbc91e82dfdd-blue");
    // MailRoute: the identity, then what follows its creation; the DKIM tokens are SES's, so not invented.
    assertThat(run.out()).contains("MailRoute shop/shop (SES identity shop.example.com)",
        "  CreateEmailIdentity shop.example.com: absent; Easy DKIM RSA_2048_BIT",
        "  PutEmailIdentityMailFromAttributes shop.example.com: MAIL FROM (SES's own) -> bounce.shop.example.com",
        "  CreateConfigurationSet shop-mail: absent",
        "  PutMetricAlarm kaizen:mail:shop-mail:bounce-rate: absent; Reputation.BounceRate of shop-mail >= 2 %",
        "  CreateLogGroup /kaizen/mail/shop/shop: absent",
        "  PutRule kaizen-mail_shop_shop: absent",
        "  ChangeResourceRecordSets shop.example.com: CREATE MX bounce.shop.example.com,",
        "CREATE TXT _dmarc.shop.example.com,", "CREATE TXT shop.example.com,",
        "  ChangeResourceRecordSets shop.example.com: CREATE the DKIM CNAMEs <token>._domainkey.shop.example.com ->"
            + " <token>.dkim.amazonses.com and their _kaizen-owner markers: the tokens are SES's, known once it creates"
            + " the identity");
    assertThat(run.out()).contains("MailRoute shop/shop (SES identity shop.example.com): 19 change(s):");
    // Every example but the AwsAccount (it creates nothing in AWS) is planned.
    assertThat(run.out()).contains("7 resource(s), 50 change(s), 0 stall(s), 0 error(s).");
  }

  @Test
  void planRefusesInvalidInput() throws IOException {
    Path bad = write("bad.yaml", pipeline("retentionDays: 8"));
    CommandLineRun run = kaizen("plan", "--empty-account", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("spec.logGroup.retentionDays", "Not planned: 1 problem(s)");
  }
}
