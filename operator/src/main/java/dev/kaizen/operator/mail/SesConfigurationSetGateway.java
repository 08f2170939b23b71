package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetConfigurationSetResponse;
import software.amazon.awssdk.services.sesv2.model.ListConfigurationSetsResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/** {@link ConfigurationSetGateway} on the AWS SDK; every call through {@link AwsCalls}. */
public final class SesConfigurationSetGateway implements ConfigurationSetGateway {
  private final SesV2Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;
  private final AccountIds accountIds;

  /** @param accountIds the account ID of the target's binding, for the ARN tags are written on */
  public SesConfigurationSetGateway(SesV2Client client, AwsCalls calls, AwsTarget target, AccountIds accountIds) {
    this(client, calls, target, AwsCaller.UNQUEUED, accountIds);
  }

  private SesConfigurationSetGateway(SesV2Client client, AwsCalls calls, AwsTarget target, AwsCaller caller,
      AccountIds accountIds) {
    this.accountIds = accountIds;
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  @Override
  public SesConfigurationSetGateway forCaller(AwsCaller caller) {
    return new SesConfigurationSetGateway(client, calls, target, caller, accountIds);
  }

  @Override
  public Optional<ObservedConfigurationSet> describe(String name) {
    try {
      GetConfigurationSetResponse found = call("GetConfigurationSet",
          () -> client.getConfigurationSet(r -> r.configurationSetName(name)));
      // Absent option blocks mean SES's defaults: TLS optional, reputation metrics off, sending on.
      return Optional.of(new ObservedConfigurationSet(found.configurationSetName(),
          found.deliveryOptions() == null || found.deliveryOptions().tlsPolicy() == null ? "OPTIONAL"
              : found.deliveryOptions().tlsPolicyAsString(),
          found.reputationOptions() != null && Boolean.TRUE.equals(found.reputationOptions().reputationMetricsEnabled()),
          found.sendingOptions() == null || !Boolean.FALSE.equals(found.sendingOptions().sendingEnabled()),
          Optional.ofNullable(found.suppressionOptions()).map(s -> s.suppressedReasonsAsStrings()),
          found.deliveryOptions() == null ? null : found.deliveryOptions().sendingPoolName(),
          SesTags.asMap(found.tags())));
    } catch (NotFoundException absent) {
      return Optional.empty();
    }
  }

  @Override
  public void create(DesiredConfigurationSet desired, Map<String, String> tags) {
    call("CreateConfigurationSet", () -> client.createConfigurationSet(r -> {
      r.configurationSetName(desired.name())
          .deliveryOptions(d -> d.tlsPolicy(desired.tlsPolicy()).sendingPoolName(desired.sendingPoolName()))
          .reputationOptions(o -> o.reputationMetricsEnabled(desired.reputationMetrics()))
          .sendingOptions(o -> o.sendingEnabled(desired.sendingEnabled()))
          .tags(SesTags.of(tags));
      desired.suppressedReasons().ifPresent(reasons -> r.suppressionOptions(o -> o.suppressedReasonsWithStrings(reasons)));
    }));
  }

  @Override
  public void deliveryOptions(String name, String tlsPolicy, String sendingPoolName) {
    call("PutConfigurationSetDeliveryOptions", () -> client.putConfigurationSetDeliveryOptions(r -> r
        .configurationSetName(name).tlsPolicy(tlsPolicy).sendingPoolName(sendingPoolName)));
  }

  @Override
  public void reputationMetrics(String name, boolean enabled) {
    call("PutConfigurationSetReputationOptions", () -> client.putConfigurationSetReputationOptions(r -> r
        .configurationSetName(name).reputationMetricsEnabled(enabled)));
  }

  @Override
  public void sending(String name, boolean enabled) {
    call("PutConfigurationSetSendingOptions", () -> client.putConfigurationSetSendingOptions(r -> r
        .configurationSetName(name).sendingEnabled(enabled)));
  }

  @Override
  public void suppressedReasons(String name, List<String> reasons) {
    call("PutConfigurationSetSuppressionOptions", () -> client.putConfigurationSetSuppressionOptions(r -> r
        .configurationSetName(name).suppressedReasonsWithStrings(reasons)));
  }

  @Override
  public void delete(String name) {
    try {
      call("DeleteConfigurationSet", () -> client.deleteConfigurationSet(r -> r.configurationSetName(name)));
    } catch (NotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  @Override
  public void makeDefault(String domain, String name) {
    call("PutEmailIdentityConfigurationSetAttributes", () -> client.putEmailIdentityConfigurationSetAttributes(r -> r
        .emailIdentity(domain).configurationSetName(name)));
  }

  @Override
  public void tag(String name, Map<String, String> tags) {
    String arn = SesArns.arn(target, accountIds.of(target), "configuration-set/" + name);
    call("TagResource", () -> client.tagResource(r -> r.resourceArn(arn).tags(SesTags.of(tags))));
  }

  @Override
  public NamePage listNames(Optional<String> nextToken) {
    ListConfigurationSetsResponse page = call("ListConfigurationSets", () -> client.listConfigurationSets(r -> r
        .pageSize(SesIdentityGateway.PAGE_SIZE).nextToken(nextToken.orElse(null))));
    return new NamePage(page.configurationSets(), Optional.ofNullable(page.nextToken()).filter(t -> !t.isEmpty()));
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SesIdentityGateway.SERVICE, operation, caller, call);
  }
}
