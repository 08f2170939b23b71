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

  @JsonPropertyDescription("With target eventbridge: the set's schedule group.")
  private ScheduleGroupStatus scheduleGroup;

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
