package dev.kaizen.operator.api.v1alpha1.cron;

import java.util.Map;

/**
 * What each CronJobSet field with a {@code @Pattern} expects, in words, for {@code kaizen validate} (see
 * LogPipelineFormats); fields by schema path, {@code [*]} for list items.
 */
public final class CronJobSetFormats {
  private static final String DNS_NAME = "a Kubernetes name: lower-case letters, digits, '-' and '.', starting and"
      + " ending with a letter or digit";
  private static final String ENV_NAME = "an environment variable name: letters, digits, '_', '-' or '.', not"
      + " starting with a digit";
  private static final String CPU = "a CPU quantity such as 250m or 1";
  private static final String MEMORY = "a memory quantity such as 256Mi or 1Gi";

  public static final Map<String, String> BY_FIELD = Map.ofEntries(
      Map.entry("spec.region", "an AWS region code such as eu-west-1"),
      Map.entry("spec.timeZone", "an IANA time zone name such as Europe/Berlin or UTC"),
      Map.entry("spec.scripts.configMap", DNS_NAME),
      Map.entry("spec.scripts.mountPath", "an absolute path, starting with /"),
      Map.entry("spec.serviceAccountName", DNS_NAME),
      Map.entry("spec.env[*].name", ENV_NAME),
      Map.entry("spec.resources.requests.cpu", CPU),
      Map.entry("spec.resources.requests.memory", MEMORY),
      Map.entry("spec.resources.limits.cpu", CPU),
      Map.entry("spec.resources.limits.memory", MEMORY),
      Map.entry("spec.jobs[*].name", "a job name of lower-case letters, digits and '-', starting and ending with a"
          + " letter or digit"),
      Map.entry("spec.jobs[*].serviceAccountName", DNS_NAME),
      Map.entry("spec.jobs[*].env[*].name", ENV_NAME),
      Map.entry("spec.jobs[*].resources.requests.cpu", CPU),
      Map.entry("spec.jobs[*].resources.requests.memory", MEMORY),
      Map.entry("spec.jobs[*].resources.limits.cpu", CPU),
      Map.entry("spec.jobs[*].resources.limits.memory", MEMORY));

  private CronJobSetFormats() {}
}
