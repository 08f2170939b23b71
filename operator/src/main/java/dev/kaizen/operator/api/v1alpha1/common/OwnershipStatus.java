package dev.kaizen.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ownership verdicts of the last full observe, one per owned object, kept so that a light observe (which cannot
 * read ownership markers) never decides ownership: anything but {@link #OWNED} or {@link #ABSENT} on any object
 * forces a full observe on the next reconcile, across rechecks and operator restarts.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class OwnershipStatus {
  /** The object exists and carries this resource's markers. */
  public static final String OWNED = "Owned";
  /** The object did not exist: creating it makes it ours. */
  public static final String ABSENT = "Absent";

  @JsonPropertyDescription("The root object's verdict, or the first object's that is neither Owned nor Absent:"
      + " Owned, Absent, Reattach, TakeOver, Adopt, NameConflict or OwnedByAnother.")
  @Size(max = 32)
  private String verdict;

  @JsonPropertyDescription("Which root object that verdict is about (its ARN and creation time): a light observe that"
      + " sees another one re-reads everything before acting.")
  @Size(max = 2048)
  private String root;

  @JsonPropertyDescription("The verdict on each object the resource owns, as of the last full observe.")
  @Size(max = 64)
  private List<ObjectOwnership> objects = new ArrayList<>();

  public OwnershipStatus() {}

  public OwnershipStatus(String verdict, String root) {
    this.verdict = verdict;
    this.root = root;
  }

  public OwnershipStatus(String verdict, String root, List<ObjectOwnership> objects) {
    this(verdict, root);
    this.objects = new ArrayList<>(objects);
  }

  /** A light observe may rely on these verdicts: every object was ours, or absent, when last fully read. */
  public boolean settled() {
    return settled(verdict) && objects.stream().allMatch(o -> settled(o.getVerdict()));
  }

  private static boolean settled(String verdict) {
    return OWNED.equals(verdict) || ABSENT.equals(verdict);
  }

  /** The verdict recorded for one object, by its key. */
  public Optional<ObjectOwnership> object(String key) {
    return objects.stream().filter(o -> key.equals(o.getKey())).findFirst();
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

  public List<ObjectOwnership> getObjects() {
    return objects;
  }

  public void setObjects(List<ObjectOwnership> objects) {
    this.objects = objects == null ? new ArrayList<>() : objects;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OwnershipStatus that && Objects.equals(verdict, that.verdict)
        && Objects.equals(root, that.root) && Objects.equals(objects, that.objects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdict, root, objects);
  }

  /** The verdict on one owned object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ObjectOwnership {
    @JsonPropertyDescription("Which object, as the kind names it (e.g. identity, dns:_dmarc.example.com TXT).")
    @Size(max = 512)
    private String key;

    @JsonPropertyDescription("Owned, Absent, Reattach, TakeOver, Adopt, NameConflict or OwnedByAnother.")
    @Size(max = 32)
    private String verdict;

    @JsonPropertyDescription("Which object it was (e.g. ARN and creation time), when it has such an identity.")
    @Size(max = 2048)
    private String identity;

    public ObjectOwnership() {}

    public ObjectOwnership(String key, String verdict, String identity) {
      this.key = key;
      this.verdict = verdict;
      this.identity = identity;
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = key;
    }

    public String getVerdict() {
      return verdict;
    }

    public void setVerdict(String verdict) {
      this.verdict = verdict;
    }

    public String getIdentity() {
      return identity;
    }

    public void setIdentity(String identity) {
      this.identity = identity;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ObjectOwnership that && Objects.equals(key, that.key)
          && Objects.equals(verdict, that.verdict) && Objects.equals(identity, that.identity);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, verdict, identity);
    }
  }
}
