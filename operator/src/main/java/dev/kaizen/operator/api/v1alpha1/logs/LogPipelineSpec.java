package dev.kaizen.operator.api.v1alpha1.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class LogPipelineSpec extends AwsResourceSpec {

  // Optional: every field of the group has a default. The schema default {} makes the API server fill it in, so the
  // rename rule below also runs when the whole block is removed; the Java default covers the mock server and tests.
  @JsonPropertyDescription("The CloudWatch Logs group this pipeline owns. Omit for every default: the group"
      + " /<namespace>/<name>, events kept forever, CloudWatch's default encryption, no tags.")
  @Default("{}")
  @ValidationRule(
      value = "!has(oldSelf.name) || (has(self.name) && self.name == oldSelf.name)",
      message = "logGroup.name cannot change once set: to rename, create a new LogPipeline with the new name"
          + " and delete this one (with deletionPolicy Retain the old group is kept).")
  private LogGroupSpec logGroup = new LogGroupSpec();

  @JsonPropertyDescription("Metric filters on the group, each optionally with an alarm. Removing one deletes it.")
  @Size(max = 50)
  @ValidationRule(value = "self.all(f, self.exists_one(g, g.name == f.name))",
      message = "metricFilters must have unique names.")
  private List<MetricFilterSpec> metricFilters = new ArrayList<>();

  @JsonPropertyDescription("Streams the group's events to another service.")
  private SubscriptionSpec subscription;

  @JsonPropertyDescription("Ship the logs of these pods (of this namespace only) to the group through the cluster's"
      + " Fluent Bit. Omit to ship nothing.")
  private PodSelectorSpec pods;

  public List<MetricFilterSpec> getMetricFilters() {
    return metricFilters;
  }

  public void setMetricFilters(List<MetricFilterSpec> metricFilters) {
    this.metricFilters = metricFilters == null ? new ArrayList<>() : metricFilters;
  }

  public SubscriptionSpec getSubscription() {
    return subscription;
  }

  public void setSubscription(SubscriptionSpec subscription) {
    this.subscription = subscription;
  }

  public PodSelectorSpec getPods() {
    return pods;
  }

  public void setPods(PodSelectorSpec pods) {
    this.pods = pods;
  }

  public LogGroupSpec getLogGroup() {
    return logGroup;
  }

  public void setLogGroup(LogGroupSpec logGroup) {
    this.logGroup = logGroup == null ? new LogGroupSpec() : logGroup;
  }
}
