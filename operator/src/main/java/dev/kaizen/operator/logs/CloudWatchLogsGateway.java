package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** {@link LogGroupGateway} on the AWS SDK; every call goes through {@link AwsCalls} (rate limits). */
public final class CloudWatchLogsGateway implements LogGroupGateway {
  static final String SERVICE = "CloudWatchLogs";
  /** DescribeLogGroups returns at most 50 groups per page. */
  static final int PAGE_SIZE = 50;

  private final CloudWatchLogsClient client;
  private final AwsCalls calls;
  private final AwsTarget target;

  public CloudWatchLogsGateway(CloudWatchLogsClient client, AwsCalls calls, AwsTarget target) {
    this.client = client;
    this.calls = calls;
    this.target = target;
  }

  @Override
  public Optional<ObservedLogGroup> describe(String name) {
    // Results are sorted by name, so the exact name, the shortest with that prefix, comes first.
    DescribeLogGroupsResponse page = call("DescribeLogGroups",
        () -> client.describeLogGroups(r -> r.logGroupNamePrefix(name).limit(1)));
    return page.logGroups().stream().filter(g -> g.logGroupName().equals(name)).findFirst().map(this::toObserved);
  }

  @Override
  public Map<String, ObservedLogGroup> list(String prefix) {
    Map<String, ObservedLogGroup> groups = new LinkedHashMap<>();
    String token = null;
    do {
      String pageToken = token;
      DescribeLogGroupsResponse page = call("DescribeLogGroups", () -> client.describeLogGroups(r -> {
        r.limit(PAGE_SIZE).nextToken(pageToken);
        if (!prefix.isEmpty()) {
          r.logGroupNamePrefix(prefix);
        }
      }));
      page.logGroups().forEach(g -> groups.put(g.logGroupName(), toObserved(g)));
      token = page.nextToken();
    } while (token != null);
    return groups;
  }

  @Override
  public Map<String, String> tags(String arn) {
    return call("ListTagsForResource", () -> client.listTagsForResource(r -> r.resourceArn(arn))).tags();
  }

  @Override
  public void create(String name, String kmsKeyArn, Map<String, String> tags) {
    call("CreateLogGroup", () -> client.createLogGroup(r -> r.logGroupName(name).kmsKeyId(kmsKeyArn).tags(tags)));
  }

  @Override
  public void putRetention(String name, int days) {
    call("PutRetentionPolicy", () -> client.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(days)));
  }

  @Override
  public void deleteRetention(String name) {
    call("DeleteRetentionPolicy", () -> client.deleteRetentionPolicy(r -> r.logGroupName(name)));
  }

  @Override
  public void associateKmsKey(String name, String kmsKeyArn) {
    call("AssociateKmsKey", () -> client.associateKmsKey(r -> r.logGroupName(name).kmsKeyId(kmsKeyArn)));
  }

  @Override
  public void disassociateKmsKey(String name) {
    call("DisassociateKmsKey", () -> client.disassociateKmsKey(r -> r.logGroupName(name)));
  }

  @Override
  public void tag(String arn, Map<String, String> tags) {
    call("TagResource", () -> client.tagResource(r -> r.resourceArn(arn).tags(tags)));
  }

  @Override
  public void untag(String arn, Collection<String> keys) {
    call("UntagResource", () -> client.untagResource(r -> r.resourceArn(arn).tagKeys(List.copyOf(keys))));
  }

  @Override
  public void delete(String name) {
    try {
      call("DeleteLogGroup", () -> client.deleteLogGroup(r -> r.logGroupName(name)));
    } catch (ResourceNotFoundException alreadyGone) {
      // Deleting what is already gone is the goal reached, not an error.
    }
  }

  private ObservedLogGroup toObserved(LogGroup group) {
    String arn = group.logGroupArn() != null ? group.logGroupArn() : stripWildcard(group.arn());
    return new ObservedLogGroup(group.logGroupName(), arn, group.retentionInDays(), group.kmsKeyId());
  }

  private static String stripWildcard(String arn) {
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, call);
  }
}
