package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** One job of a set: one crontab line. The settings inherited from the set may be overridden here. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.schedule) != has(self.every)", message = "A job has either schedule or every.")
@ValidationRule(value = "!has(self.at) || has(self.every)", message = "at applies only with every.")
public class CronJobEntry implements JobSettings {

  @JsonPropertyDescription("The job's name, unique in the set; its CronJob is named <set>-<name> (shortened with a hash past 52 characters).")
  @Required
  @Size(max = 52)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  private String name;

  @JsonPropertyDescription("A standard 5-field cron expression (minute hour day-of-month month day-of-week; lists, ranges, steps, JAN-DEC, SUN-SAT, Sunday as 0 or 7) or a macro (@hourly, @daily, @weekly, @monthly, @yearly), read in the set's time zone.")
  @Size(max = 256)
  private String schedule;

  @JsonPropertyDescription("The readable form instead of schedule: 15m (minutes dividing an hour), 2h (hours dividing a day), 1d, monday, monday,thursday, weekday or weekend.")
  @Size(max = 128)
  private String every;

  @JsonPropertyDescription("With every: the time of day, HH:MM on the 24-hour clock (04:30); with every: Nh, the minute past the hour (:30).")
  @Size(max = 16)
  private String at;

  @JsonPropertyDescription("The command and its arguments (no shell unless you run one, e.g. [sh, -c, '...']).")
  @Required
  @Size(max = 64)
  private List<@Size(max = 4096) String> command = new ArrayList<>();

  @JsonPropertyDescription("With target eventbridge and a Lambda target: the JSON the function receives. Default: {\"job\": <name>, \"command\": [...]}.")
  @Size(max = 8192)
  private String payload;

  @JsonPropertyDescription("Suspend the job: no new runs start; its history and status stay.")
  private Boolean suspend;

  @JsonPropertyDescription("The container image; default: the set's.")
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

  @JsonPropertyDescription("Environment variables, added to the set's; the job's value wins for the same name.")
  @Size(max = 100)
  private List<EnvVarSpec> env = new ArrayList<>();

  @JsonPropertyDescription("The Kubernetes service account the jobs run as.")
  @Size(max = 253)
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  private String serviceAccountName;

  @JsonPropertyDescription("CPU and memory requests and limits.")
  private ResourcesSpec resources;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getEvery() {
    return every;
  }

  public void setEvery(String every) {
    this.every = every;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public List<String> getCommand() {
    return command;
  }

  public void setCommand(List<String> command) {
    this.command = command == null ? new ArrayList<>() : command;
  }

  public String getPayload() {
    return payload;
  }

  public void setPayload(String payload) {
    this.payload = payload;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
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
}
