package dev.kaizen.operator.mail;

import dev.kaizen.operator.api.v1alpha1.mail.DeliveryLogSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The delivery log a MailRoute asks for, with its deterministic names: SES events of the configuration set go to
 * EventBridge's default bus (the only bus SES publishes to), a rule there matches them by the set's name and sends
 * them to the CloudWatch Logs group {@code /kaizen/mail/<namespace>/<name>}; a saved Logs Insights query finds one
 * recipient's mail. EventBridge writes to the group under one resource policy per region shared by every MailRoute
 * ({@link #POLICY_NAME}), whose statement covers {@link #GROUP_PREFIX}.
 *
 * @param eventTypes SES v2 EventType names, sorted
 */
public record DesiredDeliveryLog(String configurationSet, String groupName, int retentionInDays,
    List<String> eventTypes, String ruleName, String queryName) {

  /** Every delivery log group starts so: the shared resource policy lets EventBridge write under it. */
  public static final String GROUP_PREFIX = "/kaizen/mail/";
  /** The operator's one CloudWatch Logs resource policy for delivery logs, per account and Region. */
  public static final String POLICY_NAME = "kaizen-mail-delivery-logs";
  /** The event destination's name in the configuration set, and the rule's target ID. */
  public static final String DESTINATION_NAME = "kaizen-delivery-log";
  /** The source of SES's events on EventBridge. */
  public static final String SES_SOURCE = "aws.ses";
  private static final int MAX_RULE_NAME = 64;

  public DesiredDeliveryLog {
    eventTypes = eventTypes.stream().sorted().distinct().toList();
  }

  public static DesiredDeliveryLog of(DeliveryLogSpec spec, String configurationSet, String namespace, String name) {
    List<String> events = spec.getEvents() == null || spec.getEvents().isEmpty()
        ? List.of(DeliveryLogSpec.EventType.values()).stream().map(Enum::name).toList()
        : spec.getEvents().stream().map(Enum::name).toList();
    return new DesiredDeliveryLog(configurationSet, GROUP_PREFIX + namespace + "/" + name,
        spec.getRetentionInDays() == null ? DeliveryLogSpec.DEFAULT_RETENTION_DAYS : spec.getRetentionInDays(),
        events, ruleName(namespace, name), "kaizen/mail/" + namespace + "/" + name + "/mail-to-recipient");
  }

  /**
   * {@code kaizen-mail_<namespace>_<name>}: '_' appears in no Kubernetes name, so two resources never share a rule.
   * Past EventBridge's 64 characters, a readable prefix and 8 hex digits of a SHA-256 of the full name.
   */
  static String ruleName(String namespace, String name) {
    String full = "kaizen-mail_" + namespace + "_" + name;
    if (full.length() <= MAX_RULE_NAME) {
      return full;
    }
    return full.substring(0, MAX_RULE_NAME - 9) + "-" + sha256(full).substring(0, 8);
  }

  /**
   * The rule's event pattern: SES's events, of this configuration set (SES puts the set's name in the event's
   * {@code mail.tags."ses:configuration-set"}), of the types asked for (the event's {@code eventType} is named as in
   * the SES event records: Send, Delivery, Bounce, Complaint, Reject, DeliveryDelay).
   */
  public String eventPattern() {
    String types = String.join(",", eventTypes.stream().map(t -> "\"" + recordType(t) + "\"").toList());
    return "{\"source\":[\"" + SES_SOURCE + "\"],\"detail\":{\"eventType\":[" + types + "],\"mail\":{\"tags\":"
        + "{\"ses:configuration-set\":[\"" + configurationSet + "\"]}}}}";
  }

  /** SEND -> Send, DELIVERY_DELAY -> DeliveryDelay: how SES names the type inside the event it publishes. */
  static String recordType(String eventType) {
    StringBuilder name = new StringBuilder();
    for (String word : eventType.split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }

  /**
   * The saved Logs Insights query: every event about mail sent to one address, newest first. Support replaces the
   * address in the console (Logs Insights has no parameters).
   */
  public String queryString() {
    return "fields @timestamp, detail.eventType as event, detail.mail.messageId as messageId,"
        + " detail.mail.commonHeaders.subject as subject, detail.bounce.bounceType as bounceType,"
        + " detail.bounce.bouncedRecipients.0.diagnosticCode as diagnostic,"
        + " detail.deliveryDelay.delayType as delayType, detail.reject.reason as rejectReason\n"
        + "| filter @message like \"recipient@example.com\"\n"
        + "| sort @timestamp desc\n"
        + "| limit 200";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
