package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What was last seen of one job. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CronJobStatus {

  @JsonPropertyDescription("The job's name in the spec.")
  @Size(max = 64)
  private String name;

  @JsonPropertyDescription("The CronJob that runs it.")
  @Size(max = 64)
  private String cronJob;

  @JsonPropertyDescription("With target eventbridge: the EventBridge Scheduler schedule that runs it, <group>/<name>.")
  @Size(max = 130)
  private String eventBridgeSchedule;

  @JsonPropertyDescription("The schedule as the target runs it (for Kubernetes, the canonical 5-field form).")
  @Size(max = 512)
  private String schedule;

  @JsonPropertyDescription("Whether the job is suspended.")
  private Boolean suspended;

  @JsonPropertyDescription("The next three run times, in the set's time zone with its offset, by the target's own daylight-saving rules.")
  @Size(max = 3)
  private List<@Size(max = 64) String> nextRuns = new ArrayList<>();

  @JsonPropertyDescription("When the newest run was started (RFC 3339); target kubernetes only (see runHistory).")
  @Size(max = 64)
  private String lastScheduleTime;

  @JsonPropertyDescription("When a run last succeeded (RFC 3339); target kubernetes only (see runHistory).")
  @Size(max = 64)
  private String lastSuccessfulTime;

  @JsonPropertyDescription("The newest run's result: Succeeded, Failed or Running; target kubernetes only (see runHistory).")
  @Size(max = 32)
  private String lastResult;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCronJob() {
    return cronJob;
  }

  public void setCronJob(String cronJob) {
    this.cronJob = cronJob;
  }

  public String getEventBridgeSchedule() {
    return eventBridgeSchedule;
  }

  public void setEventBridgeSchedule(String eventBridgeSchedule) {
    this.eventBridgeSchedule = eventBridgeSchedule;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public Boolean getSuspended() {
    return suspended;
  }

  public void setSuspended(Boolean suspended) {
    this.suspended = suspended;
  }

  public List<String> getNextRuns() {
    return nextRuns;
  }

  public void setNextRuns(List<String> nextRuns) {
    this.nextRuns = nextRuns == null ? new ArrayList<>() : nextRuns;
  }

  public String getLastScheduleTime() {
    return lastScheduleTime;
  }

  public void setLastScheduleTime(String lastScheduleTime) {
    this.lastScheduleTime = lastScheduleTime;
  }

  public String getLastSuccessfulTime() {
    return lastSuccessfulTime;
  }

  public void setLastSuccessfulTime(String lastSuccessfulTime) {
    this.lastSuccessfulTime = lastSuccessfulTime;
  }

  public String getLastResult() {
    return lastResult;
  }

  public void setLastResult(String lastResult) {
    this.lastResult = lastResult;
  }
}
