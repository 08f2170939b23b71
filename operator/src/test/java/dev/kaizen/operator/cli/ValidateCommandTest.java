package dev.kaizen.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen validate} on what a GitOps repository gets wrong, as a pull-request check runs it. */
class ValidateCommandTest {
  @TempDir
  Path dir;

  private static CommandLineRun validate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    return CommandLineRun.of(new Main(), all);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** A LogPipeline; {@code namespace} null leaves metadata.namespace out, {@code logGroup} is spec.logGroup's body. */
  private static String pipeline(String name, String namespace, String logGroup) {
    return """
        apiVersion: kaizen.dev/v1alpha1
        kind: LogPipeline
        metadata:
          name: %s
        %s
        spec:
          logGroup: %s
        """.formatted(name, namespace == null ? "" : "  namespace: " + namespace, logGroup);
  }

  @Test
  void jsonManifestsAreValidatedLikeYaml() throws IOException {
    write("apps/web.json", """
        {"apiVersion": "kaizen.dev/v1alpha1", "kind": "LogPipeline",
         "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"logGroup": {"retentionDays": 8}}}
        """);

    CommandLineRun run = validate(dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(dir.resolve("apps/web.json") + ": LogPipeline shop/web: spec.logGroup.retentionDays:");
    assertThat(run.out()).contains("1 resource(s) checked, 1 problem(s)");
  }

  @Test
  void aTypoInTheApiGroupFailsTheCheck() throws IOException {
    write("web.yaml", pipeline("web", "shop", "{}").replace("kaizen.dev/v1alpha1", "kaizen.dv/v1alpha1"));
    write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");

    CommandLineRun run = validate(dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(dir.resolve("web.yaml") + ":1: LogPipeline shop/web: apiVersion: apiVersion"
        + " \"kaizen.dv/v1alpha1\" is not a known API group; did you mean kaizen.dev/v1alpha1?");
    assertThat(run.out()).contains("1 document(s) of other API groups skipped");
  }

  @Test
  void theSameResourceTwiceIsReportedNamingBothFiles() throws IOException {
    Path first = write("a/web.yaml", pipeline("web", "shop", "{retentionDays: 30}"));
    Path second = write("b/web.yaml", pipeline("web", "shop", "{retentionDays: 7}"));
    write("b/other-namespace.yaml", pipeline("web", "billing", "{}"));

    CommandLineRun run = validate(dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    // Reported once, as the same object (not again for the log group both define).
    assertThat(run.err().lines()).containsExactly(second + ":1: LogPipeline shop/web: metadata.name: is defined twice:"
        + " LogPipeline shop/web is also at " + first + ":1; the one applied last would replace the other");
  }

  @Test
  void twoPipelinesClaimingOneLogGroupAreReported_explicitOrDefaulted() throws IOException {
    Path web = write("web.yaml", pipeline("web", "shop", "{}"));
    Path api = write("api.yaml", pipeline("api", "shop", "{name: /shop/web}"));
    write("elsewhere.yaml", pipeline("api", "shop", "{name: /shop/web}").replace("name: api", "name: api2")
        .replace("logGroup:", "region: us-east-1\n  logGroup:"));

    CommandLineRun run = validate(dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(web + ":1: LogPipeline shop/web: spec.logGroup.name: claims the"
        + " CloudWatch Logs group /shop/web in the operator's region (spec.logGroup.name not set: defaulted to"
        + " /<namespace>/<name>), which LogPipeline shop/api at " + api + ":1 claims too; only one resource can own"
        + " it: give one of them another name");
  }

  @Test
  void withTheOperatorsRegionAGroupNamedInThatRegionCollidesWithOneWithoutRegion() throws IOException {
    Path defaulted = write("web.yaml", pipeline("web", "shop", "{}"));
    write("web-us.yaml", pipeline("web-us", "shop", "{name: /shop/web}")
        .replace("logGroup:", "region: us-east-1\n  logGroup:"));

    assertThat(validate(dir.toString()).exit()).isZero();
    assertThat(validate("--region", "eu-west-1", dir.toString()).exit()).isZero();

    CommandLineRun run = validate("--region", "us-east-1", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith(defaulted + ":1: LogPipeline shop/web: spec.logGroup.name: claims the CloudWatch"
        + " Logs group /shop/web in us-east-1 (spec.logGroup.name not set: defaulted to /<namespace>/<name>), which"
        + " LogPipeline shop/web-us at ");
  }

  @Test
  void aManifestWithoutNamespaceLandsInTheNamespaceGiven() throws IOException {
    // Rendered by kustomize with namespace: shop, next to a hand-written one without a namespace.
    Path rendered = write("rendered.yaml", pipeline("web", "shop", "{}"));
    Path plain = write("plain.yaml", pipeline("web", null, "{}"));
    Path plainWorker = write("plain-worker.yaml", pipeline("worker", null, "{}"));
    Path renderedJobs = write("rendered-jobs.yaml", pipeline("jobs", "shop", "{name: /shop/worker}"));

    CommandLineRun inDefault = validate(dir.toString());
    assertThat(inDefault.err()).isEmpty();
    assertThat(inDefault.exit()).isZero(); // default/web, log group /default/web

    CommandLineRun inShop = validate("--namespace", "shop", dir.toString());
    assertThat(inShop.exit()).isEqualTo(1);
    assertThat(inShop.err().lines()).containsExactly(
        rendered + ":1: LogPipeline shop/web: metadata.name: is defined twice: LogPipeline shop/web is also at " + plain
            + ":1 (metadata.namespace not set: namespace shop assumed); the one applied last would replace the other",
        renderedJobs + ":1: LogPipeline shop/jobs: spec.logGroup.name: claims the CloudWatch Logs group /shop/worker in"
            + " the operator's region, which LogPipeline shop/worker at " + plainWorker + ":1 claims too"
            + " (metadata.namespace not set: namespace shop assumed); only one resource can own it: give one of them"
            + " another name");
  }

  @Test
  void aDirectoryWithoutManifestsFailsUnlessAllowed() throws IOException {
    write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    Path empty = write("empty.yaml", "# to do\n");

    CommandLineRun run = validate(dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("note: " + empty + ": empty: no YAML document in it",
        "No kaizen.dev manifest found in " + dir + ": nothing was validated.");

    CommandLineRun allowed = validate("--allow-empty", dir.toString());
    assertThat(allowed.exit()).isZero();
    assertThat(allowed.out()).contains("No kaizen.dev manifest found in " + dir + " (--allow-empty: not an error).");
  }

  @Test
  void anEmptyFileBesideValidManifestsIsOnlyANote() throws IOException {
    write("web.yaml", pipeline("web", "shop", "{}"));
    Path empty = write("empty.yml", "");

    CommandLineRun run = validate(dir.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEqualTo("note: " + empty + ": empty: no YAML document in it" + System.lineSeparator());
  }

  @Test
  void theBaselineStillCatchesARename() throws IOException {
    write("main/web.json", """
        {"apiVersion": "kaizen.dev/v1alpha1", "kind": "LogPipeline", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"logGroup": {"name": "/shop/web"}}}
        """);
    write("pr/web.yaml", pipeline("web", "shop", "{name: /shop/frontend}"));

    CommandLineRun run = validate("--baseline", dir.resolve("main").toString(), dir.resolve("pr").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("spec.logGroup: logGroup.name cannot change once set");
  }
}
