package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.AwsResourceSpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole crontab: the set-wide settings every job inherits, and the jobs. The region (from {@link AwsResourceSpec})
 * applies to targets in AWS; the Kubernetes target ignores it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.target) && self.target == 'eventbridge') == has(self.eventBridge)",
    message = "eventBridge is required with target: eventbridge, and applies only to it.")
public class CronJobSetSpec extends AwsResourceSpec implements JobSettings {

  @JsonPropertyDescription("The IANA time zone every schedule is read in, e.g. Europe/Berlin or UTC. Required: no job runs in whatever zone the operator or the cluster happens to have.")
  @Required
  @Size(max = 64)
  @Pattern("^[A-Za-z][-A-Za-z0-9_+]*(/[-A-Za-z0-9_+]+)*$")
  private String timeZone;

  @JsonPropertyDescription("Where the jobs run: kubernetes (default), one batch/v1 CronJob per job in this namespace; or eventbridge, one EventBridge Scheduler schedule group per set and one schedule per job (see eventBridge).")
  @Default("kubernetes")
  private CronTarget target;

  @JsonPropertyDescription("With target eventbridge: the execution role, delivery settings and the target every job runs on.")
  private EventBridgeSpec eventBridge;

  @JsonPropertyDescription("A ConfigMap of scripts mounted into every job.")
  private ScriptsSpec scripts;

  @JsonPropertyDescription("The jobs, one per crontab line. Removing one deletes its CronJob.")
  @Required
  @Size(max = 100)
  @ValidationRule(value = "self.all(j, self.exists_one(k, k.name == j.name))", message = "jobs must have unique names.")
  private List<CronJobEntry> jobs = new ArrayList<>();

  @JsonPropertyDescription("The container image of every job.")
  @Size(max = 1024)
  private String image;

  @JsonPropertyDescription("What to do when a run is due while the previous one still runs: Forbid (default) skips it, Allow runs both, Replace stops the previous one.")
  private ConcurrencyPolicy concurrencyPolicy;

  @JsonPropertyDescription("A run that could not start within this many seconds of its time is skipped.")
  @Min(10)
  @Max(86400)
  private Long startingDeadlineSeconds;

  @JsonPropertyDescription("A run still going after this many seconds is stopped and counts as failed.")
  @Min(1)
  @Max(2592000)
  private Long activeDeadlineSeconds;

  @JsonPropertyDescription("How many times a failed run is retried (the Job's backoffLimit). Default 0: a crontab line ran once.")
  @Min(0)
  @Max(20)
  private Integer retries;

  @JsonPropertyDescription("Environment variables.")
  @Size(max = 100)
  private List<EnvVarSpec> env = new ArrayList<>();

  @JsonPropertyDescription("The Kubernetes service account the jobs run as.")
  @Size(max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  private String serviceAccountName;

  @JsonPropertyDescription("CPU and memory requests and limits.")
  private ResourcesSpec resources;

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public CronTarget getTarget() {
    return target;
  }

  public void setTarget(CronTarget target) {
    this.target = target;
  }

  public EventBridgeSpec getEventBridge() {
    return eventBridge;
  }

  public void setEventBridge(EventBridgeSpec eventBridge) {
    this.eventBridge = eventBridge;
  }

  public ScriptsSpec getScripts() {
    return scripts;
  }

  public void setScripts(ScriptsSpec scripts) {
    this.scripts = scripts;
  }

  public List<CronJobEntry> getJobs() {
    return jobs;
  }

  public void setJobs(List<CronJobEntry> jobs) {
    this.jobs = jobs == null ? new ArrayList<>() : jobs;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ConcurrencyPolicy getConcurrencyPolicy() {
    return concurrencyPolicy;
  }

  public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
    this.concurrencyPolicy = concurrencyPolicy;
  }

  public Long getStartingDeadlineSeconds() {
    return startingDeadlineSeconds;
  }

  public void setStartingDeadlineSeconds(Long startingDeadlineSeconds) {
    this.startingDeadlineSeconds = startingDeadlineSeconds;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  public List<EnvVarSpec> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVarSpec> env) {
    this.env = env == null ? new ArrayList<>() : env;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }

  /** The effective target: Kubernetes unless set. */
  public CronTarget effectiveTarget() {
    return target == null ? CronTarget.KUBERNETES : target;
  }
}
