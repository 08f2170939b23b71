package dev.kaizen.operator.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.Main;
import dev.kaizen.operator.testing.CommandLineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaizen validate} on CronJobSets: each mistake is one line naming the file, the set, the job and the field. */
class CronJobSetValidateTest {
  @TempDir
  Path dir;

  static CommandLineRun kaizen(String... args) {
    return CommandLineRun.of(new Main(), args);
  }

  private Path write(String spec) throws IOException {
    Path file = dir.resolve("batch.yaml");
    Files.writeString(file, """
        apiVersion: kaizen.dev/v1alpha1
        kind: CronJobSet
        metadata: {name: batch, namespace: shop}
        spec:
          image: registry.example.com/shop/batch:1
        %s
        """.formatted(spec.indent(2).stripTrailing()));
    return file;
  }

  @Test
  void theExampleIsValid() {
    CommandLineRun run = kaizen("validate", Path.of("..", "examples", "cronjobset.yaml").toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void theEventBridgeExampleIsValidAndPlansAGroupAndItsSchedules() {
    Path example = Path.of("..", "examples", "cronjobset-eventbridge.yaml");
    CommandLineRun run = kaizen("validate", example.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();

    CommandLineRun plan = kaizen("plan", "--empty-account", "--no-cluster", example.toString());
    assertThat(plan.err()).doesNotContain("Exception");
    assertThat(plan.out()).contains("CreateScheduleGroup kaizen-shop_billing-batch")
        .contains("CreateSchedule kaizen-shop_billing-batch/invoice-run")
        .contains("CreateSchedule kaizen-shop_billing-batch/reconcile-payments");
  }

  private Path eventBridge(String role) throws IOException {
    Path file = dir.resolve("eventbridge.yaml");
    Files.writeString(file, """
        apiVersion: kaizen.dev/v1alpha1
        kind: CronJobSet
        metadata: {name: batch, namespace: shop}
        spec:
          target: eventbridge
          timeZone: Europe/Berlin
          image: registry.example.com/shop/batch:1
          eventBridge:
            executionRoleArn: %s
            lambda: {functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:report"}
          jobs:
            - name: both-days
              schedule: "0 3 1 * MON"
              command: [/app/report]
            - name: fine
              schedule: "0 4 * * *"
              command: [/app/report]
              payload: "not json"
        """.formatted(role));
    return file;
  }

  @Test
  void eventBridgeMistakesAreNamedAtTheirField() throws IOException {
    CommandLineRun wrongRole = kaizen("validate", eventBridge("arn:aws:iam::123456789012:user/someone").toString());
    assertThat(wrongRole.exit()).isEqualTo(1);
    assertThat(wrongRole.err()).contains("spec.eventBridge.executionRoleArn").contains("expected an IAM role ARN");

    CommandLineRun run = kaizen("validate", eventBridge("arn:aws:iam::123456789012:role/batch").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("executionRoleArn");
    assertThat(run.err()).contains("spec.image does not apply to target eventbridge");
    assertThat(run.err()).contains("spec.jobs[0] (both-days): schedule: The schedule restricts both day-of-month and"
        + " day-of-week");
    assertThat(run.err()).contains("spec.jobs[1] (fine): payload must be one JSON object");
  }

  @Test
  void twoSetsWhoseSetAndJobNamesMeetInOneCronJobNameAreCaught() throws IOException {
    Path file = dir.resolve("two.yaml");
    Files.writeString(file, """
        apiVersion: kaizen.dev/v1alpha1
        kind: CronJobSet
        metadata: {name: a-b, namespace: shop}
        spec:
          timeZone: UTC
          image: registry.example.com/shop/batch:1
          jobs: [{name: c, schedule: "0 1 * * *", command: [/x]}]
        ---
        apiVersion: kaizen.dev/v1alpha1
        kind: CronJobSet
        metadata: {name: a, namespace: shop}
        spec:
          timeZone: UTC
          image: registry.example.com/shop/batch:1
          jobs: [{name: b-c, schedule: "0 2 * * *", command: [/x]}, {name: d, schedule: "0 3 * * *", command: [/x]}]
        ---
        apiVersion: kaizen.dev/v1alpha1
        kind: CronJobSet
        metadata: {name: a, namespace: other}
        spec:
          timeZone: UTC
          image: registry.example.com/shop/batch:1
          jobs: [{name: b-c, schedule: "0 2 * * *", command: [/x]}]
        """);

    CommandLineRun run = kaizen("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("CronJobSet shop/a: spec.jobs[0].name")
        .contains("claims the CronJob shop/a-b-c (named <set>-<job>), which CronJobSet shop/a-b");
    assertThat(run.err().lines().filter(line -> line.contains("claims"))).as("other namespace, other job: no"
        + " conflict").hasSize(1);
  }

  @Test
  void anInvalidScheduleIsNamedWithItsJob() throws IOException {
    Path file = write("""
        timeZone: Europe/Berlin
        jobs:
          - name: export
            schedule: "30 2 * * *"
            command: [/scripts/export.sh]
          - name: report
            schedule: "0 6 * * MON-FRY"
            command: [/scripts/report.sh]
          - name: sync
            every: 7m
            command: [/scripts/sync.sh]
        """);

    CommandLineRun run = kaizen("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(file + ": CronJobSet shop/batch: spec.jobs[1] (report): schedule: \"FRY\" is not a"
        + " day-of-week name; names are SUN, MON, TUE, WED, THU, FRI, SAT.");
    assertThat(run.err()).contains("spec.jobs[2] (sync): every: 7m cannot be kept exactly by cron");
    assertThat(run.err()).doesNotContain("spec.jobs[0]");
  }

  @Test
  void aMissingTimeZoneIsRefused() throws IOException {
    Path file = write("""
        jobs:
          - name: export
            schedule: "30 2 * * *"
            command: [/scripts/export.sh]
        """);

    CommandLineRun run = kaizen("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(file + ": CronJobSet shop/batch: spec.timeZone");
  }

  @Test
  void anUnknownTimeZoneIsRefused() throws IOException {
    Path file = write("""
        timeZone: Europe/Berlln
        jobs:
          - name: export
            schedule: "30 2 * * *"
            command: [/scripts/export.sh]
        """);

    CommandLineRun run = kaizen("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(file + ": CronJobSet shop/batch: spec.timeZone: \"Europe/Berlln\" is not a known"
        + " IANA time zone");
  }

  @Test
  void scheduleAndEveryTogetherAndAtWithoutEveryAreRefusedByTheCrdRules() throws IOException {
    Path file = write("""
        timeZone: UTC
        jobs:
          - name: export
            schedule: "30 2 * * *"
            every: 1d
            command: [/scripts/export.sh]
          - name: report
            schedule: "0 6 * * *"
            at: "06:00"
            command: [/scripts/report.sh]
        """);

    CommandLineRun run = kaizen("validate", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("A job has either schedule or every.").contains("at applies only with every.");
  }
}
