package dev.kaizen.operator.mail;

import java.util.Objects;

/**
 * A MailRoute cannot progress without a person, for a reason of its own (an SPF record over its lookup budget, a
 * DKIM verification SES gave up on, a TXT value someone else owns): {@code Stalled} with {@link #reason()}.
 */
public final class MailRouteStalled extends RuntimeException {
  public static final String SPF_LOOKUP_LIMIT = "SpfLookupLimit";
  public static final String DKIM_VERIFICATION_FAILED = "DkimVerificationFailed";
  public static final String DNS_CONFLICT = "DnsConflict";
  /** The shared CloudWatch Logs resource policy has no room for the delivery log's statement. */
  public static final String DELIVERY_LOG_POLICY = "DeliveryLogPolicyFull";
  /** A dedicated IP the spec lists is not leased by the account, or sits in another pool. */
  public static final String DEDICATED_IP_UNAVAILABLE = "DedicatedIpUnavailable";
  /** The pool exists with another scaling mode than the spec asks for. */
  public static final String DEDICATED_IP_POOL_MISMATCH = "DedicatedIpPoolMismatch";

  private final String reason;

  public MailRouteStalled(String reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  public String reason() {
    return reason;
  }
}
