package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.core.ownership.OwnerTags;
import java.util.Optional;

/**
 * What was observed of a resource's root AWS object — the one that carries the ownership tags.
 *
 * @param description how to name it to a person, e.g. {@code log group /shop/web}
 * @param exists whether it exists in AWS
 * @param tags its tags when they were read (a full observe); empty when only the shared snapshot was read
 * @param identity which object it is (e.g. ARN and creation time), so a light observe can tell that the object
 *     was deleted and recreated by someone else since the last full observe; empty when it does not exist
 */
public record RootState(String description, boolean exists, Optional<OwnerTags> tags, Optional<String> identity) {

  public RootState(String description, boolean exists, Optional<OwnerTags> tags) {
    this(description, exists, tags, Optional.empty());
  }
}
