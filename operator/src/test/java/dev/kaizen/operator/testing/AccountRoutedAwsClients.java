package dev.kaizen.operator.testing;

import dev.kaizen.operator.aws.AccountCredentials;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.ClientRegions;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import dev.kaizen.operator.fakes.FakeSts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS as several accounts: every call resolves the credentials of its target's account binding (the operator's own,
 * or an AwsAccount's assumed role, through the real {@link AccountCredentials} and the SDK's assume-role provider
 * against {@link FakeSts}), and reaches the fakes of the account those credentials belong to — as AWS decides it.
 * Expired or unknown credentials are refused like AWS refuses them, and recorded in {@link #refused()}.
 */
public final class AccountRoutedAwsClients implements AwsClients {
  private record Key(String accountId, Region region) {}

  private final FakeSts sts;
  private final AccountCredentials credentials;
  private final OperatorHarness harness;
  private final Map<Key, FakeCloudWatchLogs> logs = new ConcurrentHashMap<>();
  private final Map<Key, FakeCloudWatch> cloudWatch = new ConcurrentHashMap<>();
  private final Map<Key, dev.kaizen.operator.fakes.FakeScheduler> schedulers = new ConcurrentHashMap<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final List<String> evicted = new CopyOnWriteArrayList<>();
  private final AwsClients ownAccount;

  /** The operator's own account is the harness's ({@link OperatorHarness#ACCOUNT}), served by its fakes. */
  public AccountRoutedAwsClients(OperatorHarness harness, FakeSts sts, AccountCredentials credentials) {
    this.harness = harness;
    this.sts = sts;
    this.credentials = credentials;
    this.ownAccount = harness.awsClients();
  }

  public FakeCloudWatchLogs logs(String accountId) {
    return logs(accountId, OperatorHarness.REGION);
  }

  public FakeCloudWatchLogs logs(String accountId, Region region) {
    return OperatorHarness.ACCOUNT.equals(accountId) ? harness.logs(region)
        : logs.computeIfAbsent(new Key(accountId, region), k -> new FakeCloudWatchLogs(region, accountId));
  }

  /** EventBridge Scheduler of an account and region (CronJobSet's EventBridge target). */
  public dev.kaizen.operator.fakes.FakeScheduler scheduler(String accountId, Region region) {
    return OperatorHarness.ACCOUNT.equals(accountId) ? harness.scheduler(region) : schedulers.computeIfAbsent(
        new Key(accountId, region), k -> new dev.kaizen.operator.fakes.FakeScheduler(region.id(), accountId));
  }

  public FakeCloudWatch cloudWatch(String accountId, Region region) {
    return OperatorHarness.ACCOUNT.equals(accountId) ? harness.cloudWatch(region)
        : cloudWatch.computeIfAbsent(new Key(accountId, region), k -> new FakeCloudWatch(region.id(), accountId));
  }

  /** Calls AWS refused for their credentials (expired, unknown): "account binding: error code". */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** The account bindings whose clients were evicted, in order. */
  public List<String> evicted() {
    return List.copyOf(evicted);
  }

  @Override
  public <C extends SdkClient> C client(AwsTarget target, Class<C> type) {
    AwsCredentialsProvider signer = () -> credentials.credentialsFor(target.account()).resolveCredentials();
    if (type == StsClient.class) {
      return type.cast(sts.client(signer));
    }
    Region region = ClientRegions.regionFor(type, target.region());
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class || method.getName().equals("serviceName")
          || method.getName().equals("close")) {
        return method.getName().equals("serviceName") ? type.getSimpleName() : method.getName().equals("toString")
            ? "routed " + type.getSimpleName() + " for " + target : null;
      }
      String accountId;
      try {
        AwsCredentials used = signer.resolveCredentials();
        accountId = sts.accountOf(used);
      } catch (RuntimeException e) {
        refused.add(target.account() + ": " + e.getMessage());
        throw e;
      }
      Object fake = fakeOf(type, accountId, region, target);
      try {
        return method.invoke(fake, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
    return type.cast(proxy);
  }

  private Object fakeOf(Class<?> type, String accountId, Region region, AwsTarget target) {
    if (type == CloudWatchLogsClient.class) {
      return logs(accountId, region);
    }
    if (type == CloudWatchClient.class) {
      return cloudWatch(accountId, region);
    }
    if (type == software.amazon.awssdk.services.scheduler.SchedulerClient.class) {
      return scheduler(accountId, region);
    }
    if (OperatorHarness.ACCOUNT.equals(accountId)) {
      // Any other service of the operator's own account (e.g. a role of that account bound by an AwsAccount): the
      // harness's own fakes.
      return ownAccount.client(new AwsTarget(target.account(), region), type.asSubclass(SdkClient.class));
    }
    throw new IllegalStateException("no fake serves " + type.getSimpleName());
  }

  @Override
  public void evict(String account) {
    evicted.add(account);
  }

  @Override
  public Optional<AccountCredentials> accountCredentials() {
    return Optional.of(credentials);
  }
}
