package dev.kaizen.operator.fakes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Collects violations of an API model's constraints and reports them as AWS services do, in one validation error:
 * "2 validation errors detected: Value '' at 'logGroupName' failed to satisfy constraint: Member must ...; ...".
 *
 * <p>A fake extends it with the checks of its own shapes (log group names, alarm actions...) and passes the error
 * its service answers with; the self type {@code V} keeps chains of base and service checks fluent.
 *
 * @param <V> the concrete subclass
 */
public abstract class ConstraintViolations<V extends ConstraintViolations<V>> {
  private final List<String> messages = new ArrayList<>();
  private final Function<String, ? extends RuntimeException> error;

  /** @param error the service's validation error for a message (e.g. InvalidParameterException, 400) */
  protected ConstraintViolations(Function<String, ? extends RuntimeException> error) {
    this.error = error;
  }

  @SuppressWarnings("unchecked")
  protected final V self() {
    return (V) this;
  }

  /** One violation: {@code Value 'x' at 'member' failed to satisfy constraint: <constraint>}. */
  public final V add(Object value, String member, String constraint) {
    messages.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
        + "' failed to satisfy constraint: " + constraint);
    return self();
  }

  public final V required(Object value, String member) {
    return value == null ? add(null, member, "Member must not be null") : self();
  }

  public final V length(String value, String member, int min, int max) {
    for (String c : lengthConstraints(value, min, max)) {
      add(value, member, c);
    }
    return self();
  }

  public final V pattern(String value, String member, String regex) {
    return value != null && !value.matches(regex)
        ? add(value, member, "Member must satisfy regular expression pattern: " + regex) : self();
  }

  public final V min(Integer value, String member, int min) {
    return value != null && value < min
        ? add(value, member, "Member must have value greater than or equal to " + min) : self();
  }

  public final V range(Integer value, String member, int min, int max) {
    min(value, member, min);
    return value != null && value > max
        ? add(value, member, "Member must have value less than or equal to " + max) : self();
  }

  public final V oneOf(Integer value, String member, List<Integer> allowed) {
    return value != null && !allowed.contains(value)
        ? add(value, member, "Member must satisfy enum value set: " + allowed) : self();
  }

  /** A list's or map's size: the API model calls it length too. */
  public final V size(Collection<?> value, String member, int min, int max) {
    if (value != null && value.size() < min) {
      add(value, member, "Member must have length greater than or equal to " + min);
    }
    if (value != null && value.size() > max) {
      add(value, member, "Member must have length less than or equal to " + max);
    }
    return self();
  }

  /** Throws the service's validation error naming every violation, if there is any. */
  public final void throwIfAny() {
    if (!messages.isEmpty()) {
      throw error.apply(messages.size() + " validation error" + (messages.size() == 1 ? "" : "s")
          + " detected: " + String.join("; ", messages));
    }
  }

  /** The length constraint a value breaks, if any (at most one: too short or too long). */
  protected static List<String> lengthConstraints(String value, int min, int max) {
    if (value == null) {
      return List.of();
    }
    if (value.length() < min) {
      return List.of("Member must have length greater than or equal to " + min);
    }
    return value.length() > max ? List.of("Member must have length less than or equal to " + max) : List.of();
  }
}
