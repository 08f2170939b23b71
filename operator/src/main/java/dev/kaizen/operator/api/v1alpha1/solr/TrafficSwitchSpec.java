package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** How the live listener moves to the new colour: at once, or by weighted steps with a pause after each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficSwitchSpec {

  @JsonPropertyDescription("Percent of the live traffic sent to the new colour at each step before all of it, in"
      + " strictly increasing order (checked by the operator), e.g. [10, 50]. Empty (default): switch at once.")
  @Size(max = 10)
  private List<@Min(1) @Max(99) Integer> steps = new ArrayList<>();

  @JsonPropertyDescription("Seconds to wait after each weighted step before the next (default 300).")
  @Min(0)
  @Max(86400)
  private Integer pauseSeconds;

  @JsonPropertyDescription("When true, the switch waits until the annotation kaizen.dev/promote names the revision"
      + " being rolled out (status.rollout.revision).")
  private Boolean requireApproval;

  public List<Integer> getSteps() {
    return steps;
  }

  public void setSteps(List<Integer> steps) {
    this.steps = steps == null ? new ArrayList<>() : steps;
  }

  public Integer getPauseSeconds() {
    return pauseSeconds;
  }

  public void setPauseSeconds(Integer pauseSeconds) {
    this.pauseSeconds = pauseSeconds;
  }

  public Boolean getRequireApproval() {
    return requireApproval;
  }

  public void setRequireApproval(Boolean requireApproval) {
    this.requireApproval = requireApproval;
  }

  public long effectivePauseSeconds() {
    return pauseSeconds == null ? 300 : pauseSeconds;
  }

  public boolean approvalRequired() {
    return Boolean.TRUE.equals(requireApproval);
  }
}
