package dev.kaizen.operator.api.v1alpha1.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery log: the configuration set's SES events, through EventBridge's default bus (the only bus SES
 * publishes to), kept in a CloudWatch Logs group so support can tell a customer what happened to a mail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeliveryLogSpec {
  /** The SES event types a delivery log records (SES v2 EventType names). */
  public enum EventType { SEND, DELIVERY, BOUNCE, COMPLAINT, REJECT, DELIVERY_DELAY }

  /** Two weeks: long enough to answer "did my mail arrive?" about last week. */
  public static final int DEFAULT_RETENTION_DAYS = 14;

  @JsonPropertyDescription("Days CloudWatch Logs keeps the events (a value CloudWatch Logs accepts: 1, 3, 5, 7, 14,"
      + " 30, 60, 90, ...). Default 14.")
  @io.fabric8.generator.annotation.ValidationRule(
      value = "self in [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,"
          + " 2922, 3288, 3653]",
      message = "deliveryLog.retentionInDays must be one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30,"
          + " 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653.")
  private Integer retentionInDays;

  @JsonPropertyDescription("The SES event types recorded. Default: SEND, DELIVERY, BOUNCE, COMPLAINT, REJECT,"
      + " DELIVERY_DELAY.")
  @Size(max = 6)
  private List<EventType> events = new ArrayList<>();

  public Integer getRetentionInDays() {
    return retentionInDays;
  }

  public void setRetentionInDays(Integer retentionInDays) {
    this.retentionInDays = retentionInDays;
  }

  public List<EventType> getEvents() {
    return events;
  }

  public void setEvents(List<EventType> events) {
    this.events = events == null ? new ArrayList<>() : events;
  }
}
