package dev.kaizen.operator.api.v1alpha1.cron;

import java.util.List;

/** The settings a job inherits from its set unless it sets its own: the set and each job both carry them. */
public interface JobSettings {
  String getImage();

  ConcurrencyPolicy getConcurrencyPolicy();

  Long getStartingDeadlineSeconds();

  Long getActiveDeadlineSeconds();

  Integer getRetries();

  List<EnvVarSpec> getEnv();

  String getServiceAccountName();

  ResourcesSpec getResources();
}
