package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Job the rollout runs (the reindex, or a catch-up before a rollback): one container. The operator adds
 * SOLR_URL (the colour's endpoint through the load balancer), SOLR_COLLECTIONS and KAIZEN_REVISION to its env.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutJobSpec {

  @JsonPropertyDescription("Container image of the job.")
  @Required
  @Size(max = 512)
  private String image;

  @JsonPropertyDescription("Entrypoint (the image's when empty).")
  @Size(max = 32)
  private List<@Size(max = 1024) String> command = new ArrayList<>();

  @JsonPropertyDescription("Arguments.")
  @Size(max = 64)
  private List<@Size(max = 1024) String> args = new ArrayList<>();

  @JsonPropertyDescription("Extra environment variables (the operator's SOLR_URL, SOLR_COLLECTIONS, KAIZEN_REVISION"
      + " and SINCE win).")
  @Size(max = 64)
  private Map<@Size(max = 128) @Pattern("^[A-Za-z_][A-Za-z0-9_]*$") String, @Size(max = 4096) String> env =
      new LinkedHashMap<>();

  @JsonPropertyDescription("Service account the job runs as (default: the namespace's default).")
  @Size(max = 253)
  private String serviceAccountName;

  @JsonPropertyDescription("Retries of the job's pod before the job counts as failed (default 0).")
  @Min(0)
  @Max(10)
  private Integer backoffLimit;

  @JsonPropertyDescription("Seconds the job may run before it counts as failed (default 21600, six hours).")
  @Min(60)
  @Max(604800)
  private Integer activeDeadlineSeconds;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command == null ? new ArrayList<>() : command;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args == null ? new ArrayList<>() : args;
  }

  public Map<String, String> getEnv() {
    return env;
  }

  public void setEnv(Map<String, String> env) {
    this.env = env == null ? new LinkedHashMap<>() : env;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public Integer getBackoffLimit() {
    return backoffLimit;
  }

  public void setBackoffLimit(Integer backoffLimit) {
    this.backoffLimit = backoffLimit;
  }

  public Integer getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Integer activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public int effectiveBackoffLimit() {
    return backoffLimit == null ? 0 : backoffLimit;
  }

  public long effectiveActiveDeadlineSeconds() {
    return activeDeadlineSeconds == null ? 21600 : activeDeadlineSeconds;
  }
}
