package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.core.ownership.OwnerTags;
import java.util.Objects;
import java.util.Optional;

/**
 * What was observed of one object a resource owns (or will own), and of its ownership marker: AWS tags, a TXT
 * ownership record beside a DNS record, Kubernetes labels and annotations, a part of a shared object. Whatever the
 * marker, the kind reads it into {@link OwnerTags} so one set of rules judges it.
 *
 * @param key names the object stably for status.ownership (e.g. {@code log group /shop/web}); unique per resource
 * @param description how to name it to a person, e.g. {@code log group /shop/web}
 * @param exists whether it exists
 * @param marker its ownership marker when it was read (a full observe): {@link OwnerTags} with nulls when it
 *     carries none; empty when only a shared listing was read
 * @param identity which object it is (e.g. ARN and creation time), so a light observe can tell that the object
 *     was deleted and recreated by someone else since the last full observe; empty when it has no such identity
 */
public record OwnedObject(String key, String description, boolean exists, Optional<OwnerTags> marker,
    Optional<String> identity) {

  public OwnedObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(marker, "marker");
    Objects.requireNonNull(identity, "identity");
  }

  /** An object whose key is how it is described. */
  public OwnedObject(String description, boolean exists, Optional<OwnerTags> marker, Optional<String> identity) {
    this(description, description, exists, marker, identity);
  }
}
