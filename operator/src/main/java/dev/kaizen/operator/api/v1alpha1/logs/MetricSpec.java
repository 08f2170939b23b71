package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The CloudWatch metric a filter publishes (its metric transformation). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricSpec {

  @JsonPropertyDescription("Metric namespace, e.g. Shop/Web. At most 255 characters, no ':', '*' or '$'.")
  @Required
  @Size(min = 1, max = 255)
  @Pattern("^[^:*$]+$")
  private String namespace;

  @JsonPropertyDescription("Metric name, e.g. Errors. At most 255 characters, no ':', '*' or '$'.")
  @Required
  @Size(min = 1, max = 255)
  @Pattern("^[^:*$]+$")
  private String name;

  @JsonPropertyDescription("Value published per matching event: a number, or a $.field of a JSON event. Default 1.")
  @Size(min = 1, max = 100)
  private String value;

  @JsonPropertyDescription("Value published when no event matches in a period (e.g. 0), so alarms see zeros.")
  private Double defaultValue;

  @JsonPropertyDescription("Unit of the metric.")
  private MetricUnit unit;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public Double getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(Double defaultValue) {
    this.defaultValue = defaultValue;
  }

  public MetricUnit getUnit() {
    return unit;
  }

  public void setUnit(MetricUnit unit) {
    this.unit = unit;
  }
}
