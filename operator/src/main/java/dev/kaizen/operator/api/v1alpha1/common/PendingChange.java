package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/**
 * A change that was made and has not yet taken effect (a Route 53 change going PENDING -> INSYNC, a verification, a
 * Job running): kept in status so that a restarted operator waits for it instead of making it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingChange {
  @JsonPropertyDescription("The change, as status.plan listed it.")
  @Size(max = 1024)
  private String change;

  @JsonPropertyDescription("What to ask to learn whether it took effect (e.g. a Route 53 change ID).")
  @Size(max = 1024)
  private String handle;

  @JsonPropertyDescription("When it was made (RFC 3339).")
  @Size(max = 64)
  private String since;

  public PendingChange() {}

  public PendingChange(String change, String handle, String since) {
    this.change = change;
    this.handle = handle;
    this.since = since;
  }

  public String getChange() {
    return change;
  }

  public void setChange(String change) {
    this.change = change;
  }

  public String getHandle() {
    return handle;
  }

  public void setHandle(String handle) {
    this.handle = handle;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PendingChange that && Objects.equals(change, that.change)
        && Objects.equals(handle, that.handle) && Objects.equals(since, that.since);
  }

  @Override
  public int hashCode() {
    return Objects.hash(change, handle, since);
  }
}
