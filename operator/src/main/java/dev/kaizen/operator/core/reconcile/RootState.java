package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.core.ownership.OwnerTags;
import java.util.Optional;

/**
 * What was observed of a resource's root AWS object — the one that carries the ownership tags.
 *
 * @param description how to name it to a person, e.g. {@code log group /shop/web}
 * @param exists whether it exists in AWS
 * @param tags its tags when they were read (a full observe); empty when only the shared snapshot was read
 */
public record RootState(String description, boolean exists, Optional<OwnerTags> tags) {}
