package dev.kaizen.operator.accounts;

import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccount;
import dev.kaizen.operator.api.v1alpha1.accounts.AwsAccountStatus;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.aws.AccountCredentials.AssumedRole;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.InvalidSpecException;
import dev.kaizen.operator.core.Plan;
import dev.kaizen.operator.core.ownership.OwnerTags;
import dev.kaizen.operator.core.reconcile.AccountBinding;
import dev.kaizen.operator.core.reconcile.Kind;
import dev.kaizen.operator.core.reconcile.OwnedObject;
import dev.kaizen.operator.core.reconcile.Verdicts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AwsAccount's part of the reconcile loop. It creates nothing in AWS: observing is verifying — assume the role with
 * the operator's credentials (AWS says why when it cannot: the Stalled reason and message), then ask STS who the
 * account's bound credentials are (the account ID actually reached). Its plan is always empty, so the loop reports
 * Ready when both answer, Stalled with AWS's reason when not, and rechecks at every resync.
 */
public final class AwsAccountKind implements Kind<AwsAccount, AccountObservation, AccountPorts> {
  private final AwsClients clients;
  private final AwsCalls calls;
  private final Optional<Region> defaultRegion;
  private final AccountDirectory directory;
  private final Clock clock;

  public AwsAccountKind(AwsClients clients, AwsCalls calls, Optional<Region> defaultRegion,
      AccountDirectory directory, Clock clock) {
    this.clients = clients;
    this.calls = calls;
    this.defaultRegion = defaultRegion;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public KaizenStatus initStatus(AwsAccount account) {
    if (account.getStatus() == null) {
      account.setStatus(new AwsAccountStatus());
    }
    return account.getStatus();
  }

  @Override
  public List<String> problems(AwsAccount account) {
    if (account.getSpec() == null || account.getSpec().getRoleArn() == null) {
      return List.of("spec.roleArn is required.");
    }
    return List.of();
  }

  /** STS of the account's default region, else the operator's; us-east-1 when neither is set. */
  private Region region(AwsAccount account) {
    return Optional.ofNullable(account.getSpec().getDefaultRegion()).map(Region::of).or(() -> defaultRegion)
        .orElse(Region.US_EAST_1);
  }

  @Override
  public AccountPorts gateway(AwsAccount account, AccountBinding binding) {
    AssumedRole role = directory.bind(account);
    String name = account.getMetadata().getName();
    Region region = region(account);
    AwsTarget operator = new AwsTarget(AccountBinding.OPERATOR_ACCOUNT, region);
    AwsTarget target = new AwsTarget(name, region);
    return new AccountPorts(role, operator, clients.client(operator, StsClient.class), target,
        clients.client(target, StsClient.class), calls);
  }

  @Override
  public AccountObservation observe(AwsAccount account, AccountPorts ports, boolean full) {
    ports.assumeRole();
    var identity = ports.callerIdentity();
    if (!identity.account().equals(ports.role().accountId())) {
      throw new InvalidSpecException("The role " + ports.role().roleArn() + " is in account "
          + ports.role().accountId() + ", but its credentials reach account " + identity.account() + ".");
    }
    return new AccountObservation(Optional.of(identity.account()), Optional.of(identity.arn()));
  }

  @Override
  public AccountObservation emptyAccount(AwsAccount account) {
    return AccountObservation.NONE;
  }

  /** The role is assumed, never owned or changed: nothing to mark, nothing to delete. */
  @Override
  public List<OwnedObject> owned(AwsAccount account, AccountObservation observed) {
    String role = "IAM role " + account.getSpec().getRoleArn() + " (assumed, not managed)";
    return List.of(new OwnedObject(role, false, Optional.empty(), Optional.empty()));
  }

  @Override
  public Plan<AccountPorts> plan(AwsAccount account, AccountObservation observed, Verdicts verdicts, OwnerTags mine) {
    return Plan.empty();
  }

  @Override
  public void describe(AwsAccount account, AccountObservation observed) {
    AwsAccountStatus status = (AwsAccountStatus) initStatus(account);
    observed.accountId().ifPresent(id -> {
      status.setAccountId(id);
      status.setLastVerified(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    });
    observed.callerArn().ifPresent(status::setCallerArn);
    status.setUsedBy(directory.usersOf(account.getMetadata().getName()).stream().limit(100).toList());
  }

  @Override
  public Plan<AccountPorts> deletionPlan(AwsAccount account, AccountObservation observed, Verdicts verdicts) {
    return Plan.empty();
  }

  @Override
  public void changed(AwsAccount account) {}
}
