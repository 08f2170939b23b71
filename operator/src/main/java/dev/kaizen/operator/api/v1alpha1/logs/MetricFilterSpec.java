package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A CloudWatch Logs metric filter on the pipeline's group, and optionally an alarm on its metric. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricFilterSpec {

  @JsonPropertyDescription("Name of the filter, unique in this LogPipeline. In AWS the filter is named kaizen/<name>."
      + " Letters, digits, '.', '_' and '-'.")
  @Required
  @Size(min = 1, max = 200)
  @Pattern("^[A-Za-z0-9._-]+$")
  private String name;

  @JsonPropertyDescription("CloudWatch Logs filter pattern, e.g. '?ERROR ?Exception' or '{ $.level = \"error\" }'."
      + " At most 1024 characters; \"\" matches every event.")
  @Required
  @Size(max = 1024)
  private String pattern;

  @JsonPropertyDescription("The metric the filter publishes.")
  @Required
  private MetricSpec metric;

  @JsonPropertyDescription("An alarm on the filter's metric.")
  private AlarmSpec alarm;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public MetricSpec getMetric() {
    return metric;
  }

  public void setMetric(MetricSpec metric) {
    this.metric = metric;
  }

  public AlarmSpec getAlarm() {
    return alarm;
  }

  public void setAlarm(AlarmSpec alarm) {
    this.alarm = alarm;
  }
}
