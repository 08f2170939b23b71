package dev.kaizen.operator.mail;

import dev.kaizen.operator.aws.AwsCaller;
import java.util.Map;
import java.util.Optional;

/** SES v2, as MailRoute uses it: one domain identity and the account's sending status. */
public interface IdentityGateway {

  /** The identity, or empty when SES has none of that name. */
  Optional<ObservedIdentity> describe(String domain);

  /** CreateEmailIdentity with Easy DKIM of {@code keyLength} and the ownership tags. */
  void create(String domain, String keyLength, Map<String, String> tags);

  /**
   * PutEmailIdentityDkimSigningAttributes with AWS_SES: new Easy DKIM tokens of {@code keyLength}, verification starts
   * over (a key length change, or a restart after SES gave up).
   */
  void restartDkim(String domain, String keyLength);

  /** PutEmailIdentityMailFromAttributes; a null {@code mailFromDomain} goes back to SES's own MAIL FROM. */
  void mailFrom(String domain, String mailFromDomain, String behaviorOnMxFailure);

  void delete(String domain);

  /** TagResource on the identity's ARN: adds or overwrites these tags, leaves the others. */
  void tag(String domain, Map<String, String> tags);

  /** GetAccount: whether the account is still in the sandbox, and its enforcement status. */
  SendingAccount account();

  /**
   * One page of ListEmailIdentities (up to 1,000 identities of the account and Region), by lowercased name, and the
   * token of the next page while more remain.
   */
  IdentityPage listIdentities(Optional<String> nextToken);

  /** An identity as ListEmailIdentities shows it: its VerificationStatus and whether SES lets it send. */
  record ListedIdentity(String verificationStatus, boolean sendingEnabled) {}

  record IdentityPage(Map<String, ListedIdentity> identities, Optional<String> nextToken) {}

  /** The account's sending status. */
  record SendingAccount(boolean productionAccess, String enforcementStatus, boolean sendingEnabled) {}

  IdentityGateway forCaller(AwsCaller caller);
}
