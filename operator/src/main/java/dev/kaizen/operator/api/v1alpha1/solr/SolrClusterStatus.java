package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import io.fabric8.generator.annotation.Size;

/**
 * What the operator found and pinned. Each colour keeps its own revision (what it was built with) so that the
 * blue/green rollout (issue 13) can tell a colour to rebuild from one to keep, and record its phases beside them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SolrClusterStatus extends KaizenStatus {

  @JsonPropertyDescription("The colour the live listener forwards to: blue or green.")
  @Size(max = 8)
  private String activeColour;

  @JsonPropertyDescription("The active colour's revision in short: Solr version, instance type, AMI, configset hash.")
  @Size(max = 256)
  private String activeRevision;

  @JsonPropertyDescription("Healthy / desired nodes of the active colour, e.g. 3/3.")
  @Size(max = 16)
  private String nodes;

  @JsonPropertyDescription("The blue colour, once planned.")
  private ColourStatus blue;

  @JsonPropertyDescription("The green colour, once planned.")
  private ColourStatus green;

  @JsonPropertyDescription("The load balancer and its endpoints.")
  private LoadBalancerStatus loadBalancer;

  @JsonPropertyDescription("A scale-in in progress: the nodes chosen for removal, pinned so a restart removes the"
      + " same ones. Their replicas are moved before they are terminated.")
  private ScaleInStatus scaleIn;

  public String getActiveColour() {
    return activeColour;
  }

  public void setActiveColour(String activeColour) {
    this.activeColour = activeColour;
  }

  public String getActiveRevision() {
    return activeRevision;
  }

  public void setActiveRevision(String activeRevision) {
    this.activeRevision = activeRevision;
  }

  public String getNodes() {
    return nodes;
  }

  public void setNodes(String nodes) {
    this.nodes = nodes;
  }

  public ColourStatus getBlue() {
    return blue;
  }

  public void setBlue(ColourStatus blue) {
    this.blue = blue;
  }

  public ColourStatus getGreen() {
    return green;
  }

  public void setGreen(ColourStatus green) {
    this.green = green;
  }

  public LoadBalancerStatus getLoadBalancer() {
    return loadBalancer;
  }

  public void setLoadBalancer(LoadBalancerStatus loadBalancer) {
    this.loadBalancer = loadBalancer;
  }

  public ScaleInStatus getScaleIn() {
    return scaleIn;
  }

  public void setScaleIn(ScaleInStatus scaleIn) {
    this.scaleIn = scaleIn;
  }

  /** The status of {@code colour} ("blue" or "green"), or null. */
  public ColourStatus colour(String colour) {
    return "green".equals(colour) ? green : blue;
  }

  public void setColour(String colour, ColourStatus status) {
    if ("green".equals(colour)) {
      green = status;
    } else {
      blue = status;
    }
  }

  // ---- issue 13: the blue/green rollout ----

  @JsonPropertyDescription("The blue/green rollout under way, or the last one.")
  private RolloutStatus rollout;

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }

  // ---- issue 12: the live endpoint's Route 53 alias record ----

  @JsonPropertyDescription("The live endpoint's Route 53 alias record (spec.dns), once written.")
  private EndpointRecordStatus endpointRecord;

  public EndpointRecordStatus getEndpointRecord() {
    return endpointRecord;
  }

  public void setEndpointRecord(EndpointRecordStatus endpointRecord) {
    this.endpointRecord = endpointRecord;
  }
}
