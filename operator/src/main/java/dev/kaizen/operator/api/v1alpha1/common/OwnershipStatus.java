package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/**
 * The ownership verdict of the last full observe, kept so that a light observe (which cannot read ownership
 * markers) never decides ownership: anything but {@link #OWNED} or {@link #ABSENT} forces a full observe on the
 * next reconcile, across rechecks and operator restarts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OwnershipStatus {
  /** The root object exists and carries this resource's markers. */
  public static final String OWNED = "Owned";
  /** The root object did not exist: creating it makes it ours. */
  public static final String ABSENT = "Absent";

  @JsonPropertyDescription("Owned, Absent, Reattach, TakeOver, Adopt, NameConflict or OwnedByAnother: what the last"
      + " full observe found on the root AWS object.")
  @Size(max = 32)
  private String verdict;

  @JsonPropertyDescription("Which root object that verdict is about (its ARN and creation time): a light observe that"
      + " sees another one re-reads everything before acting.")
  @Size(max = 2048)
  private String root;

  public OwnershipStatus() {}

  public OwnershipStatus(String verdict, String root) {
    this.verdict = verdict;
    this.root = root;
  }

  /** A light observe may rely on this verdict: the root was ours, or absent, when last fully read. */
  public boolean settled() {
    return OWNED.equals(verdict) || ABSENT.equals(verdict);
  }

  public String getVerdict() {
    return verdict;
  }

  public void setVerdict(String verdict) {
    this.verdict = verdict;
  }

  public String getRoot() {
    return root;
  }

  public void setRoot(String root) {
    this.root = root;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OwnershipStatus that && Objects.equals(verdict, that.verdict)
        && Objects.equals(root, that.root);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdict, root);
  }
}
