package dev.kaizen.operator.api.v1alpha1.cron;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The jobs as last observed. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CronJobSetStatus extends KaizenStatus {

  @JsonPropertyDescription("Each job: its CronJob, next runs and last results.")
  @Size(max = 200)
  private List<CronJobStatus> jobs = new ArrayList<>();

  @JsonPropertyDescription("With target eventbridge: the set's schedule group; with target kubernetes: the group it"
      + " left on EventBridge, while that still exists.")
  private ScheduleGroupStatus scheduleGroup;

  @JsonPropertyDescription("What a change of target left in place under deletionPolicy Retain (the CronJobs, or the"
      + " schedule group, of the former target): they still run until deleted by hand.")
  @Size(max = 200)
  private List<@Size(max = 512) String> leftBehind = new ArrayList<>();

  @JsonPropertyDescription("With target eventbridge: why the jobs' lastScheduleTime, lastSuccessfulTime and lastResult"
      + " are empty (EventBridge Scheduler keeps no per-run history) and where to look instead.")
  @Size(max = 512)
  private String runHistory;

  public String getRunHistory() {
    return runHistory;
  }

  public void setRunHistory(String runHistory) {
    this.runHistory = runHistory;
  }

  public List<String> getLeftBehind() {
    return leftBehind;
  }

  public void setLeftBehind(List<String> leftBehind) {
    this.leftBehind = leftBehind == null ? new ArrayList<>() : leftBehind;
  }

  public ScheduleGroupStatus getScheduleGroup() {
    return scheduleGroup;
  }

  public void setScheduleGroup(ScheduleGroupStatus scheduleGroup) {
    this.scheduleGroup = scheduleGroup;
  }

  public List<CronJobStatus> getJobs() {
    return jobs;
  }

  public void setJobs(List<CronJobStatus> jobs) {
    this.jobs = jobs == null ? new ArrayList<>() : jobs;
  }
}
