package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AccountIds;
import dev.kaizen.operator.aws.AwsCaller;
import dev.kaizen.operator.aws.AwsCalls;
import dev.kaizen.operator.aws.AwsTarget;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.DkimAttributes;
import software.amazon.awssdk.services.sesv2.model.DkimSigningAttributesOrigin;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.ListEmailIdentitiesResponse;
import software.amazon.awssdk.services.sesv2.model.MailFromAttributes;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/** {@link IdentityGateway} on the AWS SDK; every call through {@link AwsCalls}. */
public final class SesIdentityGateway implements IdentityGateway {
  static final String SERVICE = "SESv2";
  /** ListEmailIdentities' largest page (SES v2 API reference: "no more than 1000"). */
  static final int PAGE_SIZE = 1000;

  private final SesV2Client client;
  private final AwsCalls calls;
  private final AwsTarget target;
  private final AwsCaller caller;
  private final AccountIds accountIds;

  /** @param accountIds the account ID of the target's binding, for the ARN tags are written on */
  public SesIdentityGateway(SesV2Client client, AwsCalls calls, AwsTarget target, AccountIds accountIds) {
    this(client, calls, target, AwsCaller.UNQUEUED, accountIds);
  }

  private SesIdentityGateway(SesV2Client client, AwsCalls calls, AwsTarget target, AwsCaller caller,
      AccountIds accountIds) {
    this.accountIds = accountIds;
    this.client = client;
    this.calls = calls;
    this.target = target;
    this.caller = caller;
  }

  @Override
  public SesIdentityGateway forCaller(AwsCaller caller) {
    return new SesIdentityGateway(client, calls, target, caller, accountIds);
  }

  @Override
  public Optional<ObservedIdentity> describe(String domain) {
    try {
      GetEmailIdentityResponse found = call("GetEmailIdentity", () -> client.getEmailIdentity(r -> r.emailIdentity(domain)));
      DkimAttributes dkim = found.dkimAttributes();
      MailFromAttributes mailFrom = found.mailFromAttributes();
      return Optional.of(new ObservedIdentity(domain, found.verificationStatusAsString(),
          dkim == null ? null : dkim.statusAsString(), dkim == null ? java.util.List.of() : dkim.tokens(),
          dkim == null ? null : dkim.nextSigningKeyLengthAsString(),
          dkim == null ? null : dkim.lastKeyGenerationTimestamp(),
          mailFrom == null ? null : mailFrom.mailFromDomain(),
          mailFrom == null ? null : mailFrom.mailFromDomainStatusAsString(),
          mailFrom == null ? null : mailFrom.behaviorOnMxFailureAsString(),
          SesTags.asMap(found.tags()),
          found.configurationSetName()));
    } catch (NotFoundException absent) {
      return Optional.empty();
    }
  }

  @Override
  public IdentityPage listIdentities(Optional<String> nextToken) {
    ListEmailIdentitiesResponse page = call("ListEmailIdentities", () -> client.listEmailIdentities(r -> r
        .pageSize(PAGE_SIZE).nextToken(nextToken.orElse(null))));
    Map<String, ListedIdentity> found = new java.util.LinkedHashMap<>();
    page.emailIdentities().forEach(identity -> found.put(identity.identityName().toLowerCase(java.util.Locale.ROOT),
        new ListedIdentity(identity.verificationStatusAsString(), Boolean.TRUE.equals(identity.sendingEnabled()))));
    return new IdentityPage(found, Optional.ofNullable(page.nextToken()).filter(token -> !token.isEmpty()));
  }

  @Override
  public void create(String domain, String keyLength, Map<String, String> tags) {
    call("CreateEmailIdentity", () -> client.createEmailIdentity(r -> r.emailIdentity(domain)
        .dkimSigningAttributes(d -> d.nextSigningKeyLength(keyLength)).tags(SesTags.of(tags))));
  }

  @Override
  public void restartDkim(String domain, String keyLength) {
    call("PutEmailIdentityDkimSigningAttributes", () -> client.putEmailIdentityDkimSigningAttributes(r -> r
        .emailIdentity(domain).signingAttributesOrigin(DkimSigningAttributesOrigin.AWS_SES)
        .signingAttributes(s -> s.nextSigningKeyLength(keyLength))));
  }

  @Override
  public void mailFrom(String domain, String mailFromDomain, String behaviorOnMxFailure) {
    call("PutEmailIdentityMailFromAttributes", () -> client.putEmailIdentityMailFromAttributes(r -> r
        .emailIdentity(domain).mailFromDomain(mailFromDomain).behaviorOnMxFailure(behaviorOnMxFailure)));
  }

  @Override
  public void delete(String domain) {
    try {
      call("DeleteEmailIdentity", () -> client.deleteEmailIdentity(r -> r.emailIdentity(domain)));
    } catch (NotFoundException alreadyGone) {
      // deleting what is gone is done
    }
  }

  @Override
  public SendingAccount account() {
    GetAccountResponse account = call("GetAccount", () -> client.getAccount(r -> { }));
    return new SendingAccount(Boolean.TRUE.equals(account.productionAccessEnabled()), account.enforcementStatus(),
        !Boolean.FALSE.equals(account.sendingEnabled()));
  }


  @Override
  public void tag(String name, Map<String, String> tags) {
    String arn = SesArns.arn(target, accountIds.of(target), "identity/" + name);
    call("TagResource", () -> client.tagResource(r -> r.resourceArn(arn).tags(SesTags.of(tags))));
  }

  private <T> T call(String operation, Supplier<T> call) {
    return calls.call(target, SERVICE, operation, caller, call);
  }
}
