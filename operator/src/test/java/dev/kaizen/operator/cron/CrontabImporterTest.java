package dev.kaizen.operator.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.cron.CronJobSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrontabImporterTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final CrontabImporter.Options OPTIONS =
      new CrontabImporter.Options("shop-batch-01", "shop", "Europe/Berlin", "registry.example.com/shop/batch:2.8.1");

  @TempDir
  Path dir;

  private static CronJobSet parse(String manifest) {
    return new KubernetesSerialization().unmarshal(manifest, CronJobSet.class);
  }

  @Test
  void theCommittedExampleIsWhatTheExampleCrontabImportsTo() throws IOException {
    var result = CrontabImporter.importCrontab(Files.readString(EXAMPLES.resolve("crontab.txt")), OPTIONS);
    assertThat(result.manifest()).isEqualTo(Files.readString(EXAMPLES.resolve("crontab-imported.yaml")));
  }

  @Test
  void theImportedManifestIsAcceptedByValidate() throws IOException {
    var result = CrontabImporter.importCrontab(Files.readString(EXAMPLES.resolve("crontab.txt")), OPTIONS);
    Path file = dir.resolve("imported.yaml");
    Files.writeString(file, result.manifest());
    var run = CronJobSetValidateTest.kaizen("validate", file.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
  }

  @Test
  void everyLineIsEitherAJobASettingOrReportedByNumber() {
    var result = CrontabImporter.importCrontab("""
        # comment about nothing

        MAILTO=""
        SHELL=/bin/sh
        CRON_TZ=America/New_York
        BACKUP_DIR="/srv/backup"
        @reboot /usr/local/bin/start-worker
        */10 9-17/2 * jan-mar,oct mon-fri /usr/local/bin/poll.sh
        0 0 * * 7 /usr/local/bin/poll.sh --weekly
        @daily   echo "100\\% done" % second line
        this is not a cron line
        0 0 31 2 * /usr/local/bin/never.sh
        """, new CrontabImporter.Options("legacy", "ops", null, "busybox:1.36"));

    assertThat(result.skipped()).extracting(CrontabImporter.Skipped::line).containsExactly(3, 7, 11, 12);
    assertThat(result.skipped().get(0).reason()).contains("mailed each job's output to nobody");
    assertThat(result.skipped().get(1).reason()).contains("@reboot");
    assertThat(result.skipped().get(2).reason()).isEqualTo("The minute field takes numbers 0-59, not \"this\".");
    assertThat(result.skipped().get(3).reason()).contains("never runs");
    assertThat(result.jobs()).extracting(CrontabImporter.ImportedJob::name)
        .containsExactly("poll", "poll-2", "echo");
    assertThat(result.jobs().get(2).command()).isEqualTo("printf '%s\\n' ' second line' | echo \"100% done\"");

    CronJobSet set = parse(result.manifest());
    assertThat(set.getSpec().getTimeZone()).as("from CRON_TZ").isEqualTo("America/New_York");
    assertThat(set.getSpec().getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("BACKUP_DIR=/srv/backup");
    assertThat(set.getSpec().getJobs()).extracting(j -> j.getSchedule())
        .containsExactly("*/10 9-17/2 * jan-mar,oct mon-fri", "0 0 * * 7", "@daily");
    assertThat(set.getSpec().getJobs().get(0).getCommand()).containsExactly("sh", "-c", "/usr/local/bin/poll.sh");
    assertThat(DesiredJobs.problems(set)).isEmpty();
    assertThat(result.manifest()).contains("# line 8: */10 9-17/2 * jan-mar,oct mon-fri /usr/local/bin/poll.sh");
  }

  @Test
  void withoutATimeZoneTheManifestSaysSoAndIsNotValidAsIs() {
    var result = CrontabImporter.importCrontab("0 1 * * * /bin/true\n",
        new CrontabImporter.Options("legacy", "ops", null, "busybox:1.36"));
    assertThat(result.manifest()).contains("No time zone was given");
    assertThat(DesiredJobs.problems(parse(result.manifest()))).anySatisfy(p -> assertThat(p).startsWith("spec.timeZone"));
  }
}
