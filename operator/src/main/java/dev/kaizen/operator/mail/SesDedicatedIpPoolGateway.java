package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpPoolResponse;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpsResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * {@link DedicatedIpPoolGateway} on the AWS SDK; every call through {@link AwsCalls}. A pool's tags are read and
 * written on its ARN, built with the account ID of the target's binding ({@link AccountIds}).
 */
public final class SesDedicatedIpPoolGateway implements DedicatedIpPoolGateway {
  /** GetDedicatedIps' largest page (its PageSize). */
  static final int PAGE_SIZE = 100;

  private final SesV2Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AccountIds accountIds;
  private final AwsCaller caller;

  public SesDedicatedIpPoolGateway(SesV2Client client, AwsCalls calls, AwsTarget target, AccountIds accountIds) {
    this(client, calls, target, accountIds, AwsCaller.UNQUEUED);
  }

  private SesDedicatedIpPoolGateway(SesV2Client client, AwsCalls calls, AwsTarget target, AccountIds accountIds,
      AwsCaller caller) {
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.accountIds = accountIds;
    this.caller = caller;
  }

  @Override
  public SesDedicatedIpPoolGateway forCaller(AwsCaller caller) {
    return new SesDedicatedIpPoolGateway(client, calls, target, accountIds, caller);
  }

  @Override
  public Optional<ObservedDedicatedIpPool> describe(String name) {
    GetDedicatedIpPoolResponse found;
    try {
      found = call("GetDedicatedIpPool", () -> client.getDedicatedIpPool(r -> r.poolName(name)));
    } catch (NotFoundException absent) {
      return Optional.empty();
    }
    String arn = arn(name);
    Map<String, String> tags = SesTags.asMap(
        call("ListTagsForResource", () -> client.listTagsForResource(r -> r.resourceArn(arn))).tags());
    return Optional.of(new ObservedDedicatedIpPool(found.dedicatedIpPool().poolName(),
        found.dedicatedIpPool().scalingModeAsString(), tags, List.of()));
  }

  @Override
  public Map<String, String> dedicatedIps() {
    Map<String, String> ips = new TreeMap<>();
    String token = null;
    do {
      String page = token;
      GetDedicatedIpsResponse ipsPage = call("GetDedicatedIps", () -> client.getDedicatedIps(r -> r
          .pageSize(PAGE_SIZE).nextToken(page)));
      ipsPage.dedicatedIps().forEach(ip -> ips.put(ip.ip(),
          ip.poolName() == null ? DesiredDedicatedIpPool.SES_DEFAULT_POOL : ip.poolName()));
      token = ipsPage.nextToken();
    } while (token != null && !token.isEmpty());
    return ips;
  }

  @Override
  public void create(String name, String scalingMode, Map<String, String> tags) {
    call("CreateDedicatedIpPool", () -> client.createDedicatedIpPool(r -> r.poolName(name).scalingMode(scalingMode)
        .tags(SesTags.of(tags))));
  }

  @Override
  public void changeScalingMode(String name, String scalingMode) {
    call("PutDedicatedIpPoolScalingAttributes", () -> client.putDedicatedIpPoolScalingAttributes(r -> r
        .poolName(name).scalingMode(scalingMode)));
  }

  @Override
  public void move(String ip, String pool) {
    call("PutDedicatedIpInPool", () -> client.putDedicatedIpInPool(r -> r.ip(ip).destinationPoolName(pool)));
  }

  @Override
  public void delete(String name) {
    try {
      call("DeleteDedicatedIpPool", () -> client.deleteDedicatedIpPool(r -> r.poolName(name)));
    } catch (NotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  @Override
  public void tag(String name, Map<String, String> tags) {
    String arn = arn(name);
    call("TagResource", () -> client.tagResource(r -> r.resourceArn(arn).tags(SesTags.of(tags))));
  }

  /** {@code arn:PARTITION:ses:REGION:ACCOUNT:dedicated-ip-pool/NAME}, as SES names a pool for tagging. */
  String arn(String name) {
    return SesArns.arn(target, accountIds.of(target), "dedicated-ip-pool/" + name);
  }


  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SesIdentityGateway.SERVICE, operation, caller, call);
  }
}
