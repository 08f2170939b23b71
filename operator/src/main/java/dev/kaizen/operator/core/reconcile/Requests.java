package dev.kaizen.operator.core.reconcile;

import dev.kaizen.operator.api.v1alpha1.common.KaizenStatus;
import dev.kaizen.operator.core.StatusCommit;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Requests made by annotation ({@code kaizen.dev/promote}, {@code kaizen.dev/rollback},
 * {@code kaizen.dev/retry-verification}...): a person (or a pipeline) sets the annotation to a new value — a
 * timestamp, a ticket number — and the kind acts on it once. The operator never writes metadata or spec, so a
 * request is acknowledged in {@code status.requests} (name -> value acted on), written with the plan's locked
 * {@link StatusCommit} before the side effect: a request is acted on exactly once per value, across rechecks and
 * restarts.
 */
public final class Requests {
  public static final String PREFIX = "kaizen.dev/";
  /** status.requests keeps values up to this length (the CRD's bound). */
  public static final int MAX_VALUE = 256;

  private Requests() {}

  /** A request named {@code name}, with the annotation's value. */
  public record Request(String name, String value) {
    public Request {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    /** The annotation a person sets to make this request. */
    public String annotation() {
      return PREFIX + name;
    }

    /** The status commit that records this request as acted on; put it first in the plan that acts on it. */
    public StatusCommit acknowledgement() {
      return new StatusCommit("acknowledge " + annotation() + "=" + value,
          status -> status.getRequests().put(name, value));
    }
  }

  /**
   * The request {@code name} when its annotation holds a value not yet acknowledged in status; empty when there is
   * no such annotation or its value was already acted on.
   *
   * @throws dev.kaizen.operator.core.InvalidSpecException when the value is longer than status can keep
   */
  public static Optional<Request> pending(HasMetadata resource, KaizenStatus status, String name) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(PREFIX + name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > MAX_VALUE) {
      throw new dev.kaizen.operator.core.InvalidSpecException("The annotation " + PREFIX + name + " is "
          + value.length() + " characters long; a request value may have at most " + MAX_VALUE
          + " (a timestamp or a ticket number).");
    }
    String acknowledged = status == null ? null : status.getRequests().get(name);
    return value.equals(acknowledged) ? Optional.empty() : Optional.of(new Request(name, value));
  }
}
