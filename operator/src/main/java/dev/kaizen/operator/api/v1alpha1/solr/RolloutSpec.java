package dev.kaizen.operator.api.v1alpha1.solr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * The blue/green rollout a change of Solr version, instance type, AMI or configset goes through: the standby colour is
 * built with the new revision, reindexed, verified, then takes the live traffic; the old colour is kept for the hold
 * time (rollback) and then scaled to zero.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {
  /** How a new revision reaches the live traffic. */
  public enum Strategy {
    /** A second colour of nodes is built, reindexed and verified, then the live listener moves to it (the default). */
    BlueGreen,
    /**
     * A configset-only change is reindexed into new collections inside the live colour, and each collection alias
     * (the collection's name) is re-pointed in one CREATEALIAS; any other change falls back to BlueGreen.
     */
    Alias
  }

  @JsonPropertyDescription("BlueGreen (default): every change builds the other colour. Alias: a change of the"
      + " configset alone is reindexed into new collections <collection>_<revision> in the live colour, and each"
      + " collection's alias (its name) is switched atomically; clients must query through the alias. A change of"
      + " Solr version, instance type or AMI still rolls out to the other colour.")
  private Strategy strategy;

  @JsonPropertyDescription("The reindex Job run against the standby (through the test listener) once its collections"
      + " exist. Without it the standby's collections stay empty, and verification compares them with the live ones.")
  private RolloutJobSpec reindex;

  @JsonPropertyDescription("An optional Job run against the previous colour before a rollback re-points traffic to"
      + " it, to copy the writes made after the switch (SINCE holds the switch time).")
  private RolloutJobSpec catchUp;

  @JsonPropertyDescription("What the standby must show before it takes traffic.")
  private VerificationSpec verification = new VerificationSpec();

  @JsonPropertyDescription("How traffic moves to the new colour.")
  private TrafficSwitchSpec trafficSwitch = new TrafficSwitchSpec();

  @JsonPropertyDescription("Seconds the previous colour is kept after the switch, ready for a rollback, before it is"
      + " scaled to zero (default 3600).")
  @Min(0)
  @Max(2592000)
  private Integer holdSeconds;

  public RolloutJobSpec getReindex() {
    return reindex;
  }

  public void setReindex(RolloutJobSpec reindex) {
    this.reindex = reindex;
  }

  public RolloutJobSpec getCatchUp() {
    return catchUp;
  }

  public void setCatchUp(RolloutJobSpec catchUp) {
    this.catchUp = catchUp;
  }

  public VerificationSpec getVerification() {
    return verification;
  }

  public void setVerification(VerificationSpec verification) {
    this.verification = verification == null ? new VerificationSpec() : verification;
  }

  public TrafficSwitchSpec getTrafficSwitch() {
    return trafficSwitch;
  }

  public void setTrafficSwitch(TrafficSwitchSpec trafficSwitch) {
    this.trafficSwitch = trafficSwitch == null ? new TrafficSwitchSpec() : trafficSwitch;
  }

  public Integer getHoldSeconds() {
    return holdSeconds;
  }

  public void setHoldSeconds(Integer holdSeconds) {
    this.holdSeconds = holdSeconds;
  }

  public Strategy getStrategy() {
    return strategy;
  }

  public void setStrategy(Strategy strategy) {
    this.strategy = strategy;
  }

  public Strategy effectiveStrategy() {
    return strategy == null ? Strategy.BlueGreen : strategy;
  }

  public long effectiveHoldSeconds() {
    return holdSeconds == null ? 3600 : holdSeconds;
  }
}
