package dev.kaizen.operator.logs.fluentbit;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One {@code matchExpressions} entry of a Kubernetes label selector. Values are kept sorted and
 * without duplicates (selector values are a set), so rendering is deterministic.
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

  /** The label selector operators Kubernetes defines for matchExpressions. */
  public enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist
  }

  public LabelRequirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    values = values == null ? List.of() : List.copyOf(new TreeSet<>(values));
    Labels.requireValidKey(key);
    for (String v : values) {
      Labels.requireValidValue(key, v);
    }
    switch (operator) {
      case In, NotIn -> {
        if (values.isEmpty()) {
          throw new IllegalArgumentException(
              "label requirement " + key + " " + operator + " needs at least one value");
        }
      }
      case Exists, DoesNotExist -> {
        if (!values.isEmpty()) {
          throw new IllegalArgumentException(
              "label requirement " + key + " " + operator + " takes no values");
        }
      }
    }
  }

  public static LabelRequirement in(String key, String... values) {
    return new LabelRequirement(key, Operator.In, List.of(values));
  }

  public static LabelRequirement notIn(String key, String... values) {
    return new LabelRequirement(key, Operator.NotIn, List.of(values));
  }

  public static LabelRequirement exists(String key) {
    return new LabelRequirement(key, Operator.Exists, List.of());
  }

  public static LabelRequirement doesNotExist(String key) {
    return new LabelRequirement(key, Operator.DoesNotExist, List.of());
  }
}
