package dev.kaizen.operator.testing;

import dev.kaizen.operator.api.v1alpha1.common.DeletionPolicy;
import dev.kaizen.operator.api.v1alpha1.common.Mode;
import dev.kaizen.operator.api.v1alpha1.logs.AlarmSpec;
import dev.kaizen.operator.api.v1alpha1.logs.LogGroupSpec;
import dev.kaizen.operator.api.v1alpha1.logs.MetricFilterSpec;
import dev.kaizen.operator.api.v1alpha1.logs.MetricSpec;
import dev.kaizen.operator.api.v1alpha1.logs.PodSelectorSpec;
import dev.kaizen.operator.api.v1alpha1.logs.SubscriptionSpec;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipelineSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Builds LogPipelines for tests. */
public final class LogPipelines {
  private final LogPipeline pipeline = new LogPipeline();

  private LogPipelines(String namespace, String name) {
    pipeline.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    LogPipelineSpec spec = new LogPipelineSpec();
    spec.setLogGroup(new LogGroupSpec());
    pipeline.setSpec(spec);
  }

  public static LogPipelines logPipeline(String namespace, String name) {
    return new LogPipelines(namespace, name);
  }

  public LogPipelines retentionDays(Integer days) {
    pipeline.getSpec().getLogGroup().setRetentionDays(days);
    return this;
  }

  public LogPipelines groupName(String name) {
    pipeline.getSpec().getLogGroup().setName(name);
    return this;
  }

  public LogPipelines kmsKeyArn(String arn) {
    pipeline.getSpec().getLogGroup().setKmsKeyArn(arn);
    return this;
  }

  public LogPipelines tag(String key, String value) {
    pipeline.getSpec().getLogGroup().getTags().put(key, value);
    return this;
  }

  public LogPipelines mode(Mode mode) {
    pipeline.getSpec().setMode(mode);
    return this;
  }

  public LogPipelines deletionPolicy(DeletionPolicy policy) {
    pipeline.getSpec().setDeletionPolicy(policy);
    return this;
  }

  public LogPipelines adopt(boolean adopt) {
    pipeline.getSpec().setAdopt(adopt);
    return this;
  }

  /** A metric filter counting {@code pattern} matches as Shop/Web Errors, with an alarm when threshold is given. */
  public LogPipelines metricFilter(String name, String pattern, Double alarmThreshold) {
    MetricFilterSpec filter = new MetricFilterSpec();
    filter.setName(name);
    filter.setPattern(pattern);
    MetricSpec metric = new MetricSpec();
    metric.setNamespace("Shop/Web");
    metric.setName(name);
    metric.setDefaultValue(0.0);
    filter.setMetric(metric);
    if (alarmThreshold != null) {
      AlarmSpec alarm = new AlarmSpec();
      alarm.setThreshold(alarmThreshold);
      alarm.setActions(new java.util.ArrayList<>(java.util.List.of("arn:aws:sns:eu-west-1:111122223333:oncall")));
      filter.setAlarm(alarm);
    }
    pipeline.getSpec().getMetricFilters().add(filter);
    return this;
  }

  public LogPipelines subscription(String destinationArn) {
    SubscriptionSpec subscription = new SubscriptionSpec();
    subscription.setDestinationArn(destinationArn);
    pipeline.getSpec().setSubscription(subscription);
    return this;
  }

  public LogPipelines pods(String labelKey, String labelValue) {
    PodSelectorSpec pods = new PodSelectorSpec();
    pods.getMatchLabels().put(labelKey, labelValue);
    pipeline.getSpec().setPods(pods);
    return this;
  }

  public LogPipeline build() {
    return pipeline;
  }
}
