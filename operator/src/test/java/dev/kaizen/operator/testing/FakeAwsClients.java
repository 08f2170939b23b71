package dev.kaizen.operator.testing;

import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.aws.ClientRegions;
import dev.kaizen.operator.fakes.FakeCloudWatch;
import dev.kaizen.operator.fakes.FakeCloudWatchLogs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Hands the operator the stateful fakes instead of SDK clients, through the same generic method, per region (a
 * global service's fake is asked for the global region, as {@link ClientRegions} says for the real client).
 */
public final class FakeAwsClients implements AwsClients {
  private final Map<Class<?>, Function<Region, ? extends SdkClient>> fakes = new ConcurrentHashMap<>();

  public FakeAwsClients(Function<Region, FakeCloudWatchLogs> logs, Function<Region, FakeCloudWatch> cloudWatch) {
    serve(CloudWatchLogsClient.class, logs);
    serve(CloudWatchClient.class, cloudWatch);
  }

  /** Serves the fake of one more service (by region). */
  public <C extends SdkClient> FakeAwsClients serve(Class<C> type, Function<Region, ? extends C> fake) {
    fakes.put(type, fake);
    return this;
  }

  @Override
  public <C extends SdkClient> C client(AwsTarget target, Class<C> type) {
    Function<Region, ? extends SdkClient> fake = fakes.get(type);
    if (fake == null) {
      throw new IllegalStateException("no fake serves " + type.getSimpleName());
    }
    return type.cast(fake.apply(ClientRegions.regionFor(type, target.region())));
  }

  /** The fakes stand for AWS itself, not for a client built with some credentials: nothing to rebuild. */
  @Override
  public void evict(String account) {}
}
