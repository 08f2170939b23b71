package dev.kaizen.operator.cli;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.DefaultRegion;
import dev.kaizen.operator.aws.RateLimits;
import dev.kaizen.operator.core.Failure;
import dev.kaizen.operator.core.FailureClassifier;
import dev.kaizen.operator.core.FailureKind;
import dev.kaizen.operator.core.RateLimitedException;
import dev.kaizen.operator.core.listing.Page;
import dev.kaizen.operator.logs.AlarmDefinition;
import dev.kaizen.operator.logs.CloudWatchAlarmGateway;
import dev.kaizen.operator.logs.CloudWatchLogsGateway;
import dev.kaizen.operator.logs.LogGroupImport;
import dev.kaizen.operator.logs.ObservedLogGroup;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@code kaizen import loggroups --prefix P}: reads the account (DescribeLogGroups by prefix, page by page; per group
 * its tags, metric filters, subscription filters and the operator-named alarms), only reading, through the same
 * gateways and client-side quotas as the operator, and prints one LogPipeline manifest with {@code adopt: true} per
 * group ({@link LogGroupImport}). Throttling, ours or AWS's, is waited out.
 */
@Command(name = "loggroups", mixinStandardHelpOptions = true,
    description = "Print LogPipeline manifests (adopt: true) for the log groups whose name starts with a prefix.")
public final class ImportLogGroupsCommand implements Callable<Integer> {
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  @Spec
  CommandSpec spec;

  @Option(names = "--prefix", required = true, paramLabel = "PREFIX",
      description = "Log group name prefix, e.g. /shop/.")
  String prefix;

  @Option(names = "--region", paramLabel = "REGION",
      description = "The groups' region; written as spec.region. Default: the SDK's (AWS_REGION, profile).")
  String region;

  @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NAMESPACE",
      description = "The namespace of the manifests. Default: ${DEFAULT-VALUE}.")
  String namespace;

  private final PlanEnvironment environment;

  public ImportLogGroupsCommand() {
    this(PlanEnvironment.real());
  }

  ImportLogGroupsCommand(PlanEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> noCredentials = environment.missingCredentials().get();
    if (noCredentials.isPresent()) {
      err.println("Cannot import: " + noCredentials.get() + ".");
      return 1;
    }
    Optional<Region> chosen = DefaultRegion.resolve(region);
    if (chosen.isEmpty()) {
      err.println("Cannot import: no region; give --region or set AWS_REGION.");
      return 1;
    }
    AwsClients clients = environment.aws().get();
    try {
      AwsTarget target = AwsTarget.of(chosen.get());
      AwsCalls calls = new AwsCalls(new RateLimits());
      var logs = new CloudWatchLogsGateway(clients.client(target, CloudWatchLogsClient.class), calls, target);
      var alarms = new CloudWatchAlarmGateway(clients.client(target, CloudWatchClient.class), calls, target);
      List<ObservedLogGroup> groups = new ArrayList<>();
      String token = null;
      do {
        String from = token;
        Page<ObservedLogGroup> page = waitingOut(() -> logs.listGroups(prefix, from));
        groups.addAll(page.items());
        token = page.nextToken();
      } while (token != null);
      Set<String> names = new HashSet<>();
      out.printf("# kaizen import loggroups --prefix %s: %d log group(s) in %s.%n", prefix, groups.size(),
          chosen.get().id());
      for (ObservedLogGroup group : groups) {
        var found = new LogGroupImport.Found(group,
            waitingOut(() -> logs.tags(group.arn())),
            waitingOut(() -> logs.metricFilters(group.name())),
            waitingOut(() -> alarms.list(AlarmDefinition.groupPrefix(group.name()))),
            waitingOut(() -> logs.subscriptionFilters(group.name())));
        out.print("---\n" + LogGroupImport.manifest(found, namespace, Optional.ofNullable(region), names));
      }
      out.flush();
      return 0;
    } catch (RuntimeException e) {
      err.println("Import failed: " + CallFailures.describe(e));
      return 1;
    } finally {
      if (clients instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          err.println("Closing the AWS clients failed: " + e.getMessage());
        }
      }
    }
  }

  /** One read, waiting out the client-side rate limit and AWS's throttling (a command line may wait). */
  private static <T> T waitingOut(Supplier<T> read) {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    while (true) {
      Duration wait;
      try {
        return read.get();
      } catch (RateLimitedException limited) {
        wait = limited.retryAfter();
      } catch (RuntimeException e) {
        Failure failure = FailureClassifier.classify(e);
        if (failure.kind() != FailureKind.THROTTLED) {
          throw e;
        }
        wait = failure.retryAfter().orElse(Duration.ofSeconds(1));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("still throttled after " + MAX_WAIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(Math.max(1, wait.toMillis()));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a quota token", interrupted);
      }
    }
  }
}
