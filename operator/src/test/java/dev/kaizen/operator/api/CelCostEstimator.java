package dev.kaizen.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API server's static cost estimate of {@code x-kubernetes-validations} rules, which decides whether it accepts a
 * CRD at all (the mock API server never estimates, so without this a CRD no cluster accepts passes every test).
 *
 * <p>Follows, for the functions our rules may use (core CEL and the strings extension):
 * <ul>
 *   <li>cel-go {@code checker/cost.go}: identifiers and field selections cost 1, literals 0, most calls 1 plus
 *   their arguments; string comparisons, {@code startsWith}/{@code endsWith}, {@code contains}, {@code in} on a list
 *   and {@code matches} grow with the sizes involved ({@code matches}: ⌈(len+1)×0.1⌉ × ⌈regex length×0.25⌉); a
 *   comprehension ({@code all}, {@code exists}, {@code exists_one}, {@code map}, {@code filter}) costs its range's
 *   size times the cost of one step.</li>
 *   <li>k8s.io/apiserver {@code pkg/cel/common/schemas.go}: the size of a value comes from the schema —
 *   {@code maxLength}×4 bytes, the longest {@code enum} value, 32 for date-time and duration formats, else the whole
 *   request (3 MiB); {@code maxItems} / {@code maxProperties}, else as many of the smallest element as fit in a
 *   request. Map keys have no schema and the API server sizes them at 0; so do we (else no rule over a map's keys
 *   could ever pass).</li>
 *   <li>apiextensions {@code validation}: a rule's cost is multiplied by how many times its node can occur (the
 *   product of {@code maxItems}/{@code maxProperties} above it); each rule must stay under
 *   {@link #PER_RULE_LIMIT}, all rules together under {@link #CRD_LIMIT}.</li>
 * </ul>
 * A function it does not know fails the estimate (add it from the sources above) rather than guessing low.
 */
final class CelCostEstimator {
  /** StaticEstimatedCostLimit (k8s.io/apiserver/pkg/apis/cel/config.go). */
  static final long PER_RULE_LIMIT = 10_000_000L;
  /** StaticEstimatedCRDCostLimit (apiextensions-apiserver validation). */
  static final long CRD_LIMIT = 100_000_000L;
  /** MaxRequestSizeBytes: the largest request the API server accepts, the size of anything unbounded. */
  static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;

  private static final double STRING_TRAVERSAL_FACTOR = 0.1;
  private static final double REGEX_LENGTH_FACTOR = 0.25;
  private static final long LIST_LITERAL_COST = 10;
  private static final long MAP_LITERAL_COST = 30;
  private static final long MAX_DATETIME_SIZE = 32;
  private static final long MAX_DURATION_SIZE = 32;
  private static final long DATE_SIZE = 12;

  private static final Cel PARSER = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelExtensions.strings())
      .build();

  /** One rule (or message expression) where it sits in the schema, with its estimated cost. */
  record RuleCost(String path, String expression, long cost, Long cardinality, long total) {
    double factorOfRuleLimit() {
      return (double) total / PER_RULE_LIMIT;
    }
  }

  /** Every rule of a CRD version's schema, and their sum. */
  record Estimate(List<RuleCost> rules, long total) {
    double factorOfCrdLimit() {
      return (double) total / CRD_LIMIT;
    }

    List<RuleCost> overRuleLimit() {
      return rules.stream().filter(r -> r.total() > PER_RULE_LIMIT).toList();
    }

    /** The rule at this path whose expression contains the given text. */
    RuleCost at(String path, String containing) {
      return rules.stream().filter(r -> r.path().equals(path) && r.expression().contains(containing)).findFirst()
          .orElseThrow(() -> new AssertionError("no rule at " + path + " containing " + containing + " in " + rules));
    }
  }

  private CelCostEstimator() {}

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Estimates every rule under {@code openAPIV3Schema}. */
  static Estimate estimate(JsonNode openApiV3Schema) {
    List<RuleCost> rules = new ArrayList<>();
    walk(openApiV3Schema, "", 1L, rules);
    long total = rules.stream().mapToLong(RuleCost::total).reduce(0L, CelCostEstimator::add);
    return new Estimate(rules, total);
  }

  // cardinality null = unbounded (a list or map above has no maxItems / maxProperties).
  private static void walk(JsonNode schema, String path, Long cardinality, List<RuleCost> out) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      for (String field : List.of("rule", "messageExpression")) {
        if (rule.hasNonNull(field)) {
          long cost = cost(rule.get(field).asText(), schema);
          long times = cardinality != null ? cardinality : maxCardinality(minSerializedSize(schema));
          out.add(new RuleCost(path.isEmpty() ? "<root>" : path, rule.get(field).asText(), cost, cardinality,
              multiply(cost, times)));
        }
      }
    }
    schema.path("properties").properties().forEach(p -> walk(p.getValue(), child(path, p.getKey()), cardinality, out));
    if (schema.has("items")) {
      walk(schema.get("items"), path + "[*]", times(cardinality, schema.get("maxItems")), out);
    }
    if (schema.path("additionalProperties").isObject()) {
      walk(schema.get("additionalProperties"), path + "{*}", times(cardinality, schema.get("maxProperties")), out);
    }
  }

  private static Long times(Long cardinality, JsonNode max) {
    return cardinality == null || max == null ? null : multiply(cardinality, max.asLong());
  }

  /** The estimated cost of one expression with {@code self} (and {@code oldSelf}) of the given schema. */
  static long cost(String expression, JsonNode selfSchema) {
    CelExpr ast;
    try {
      ast = PARSER.parse(expression).getAst().getExpr();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException("cannot parse rule " + expression + ": " + e.getMessage(), e);
    }
    Type self = Type.of(selfSchema);
    Map<String, Deque<Type>> scope = new HashMap<>();
    push(scope, "self", self);
    push(scope, "oldSelf", self);
    return new Coster(scope, expression).eval(ast).cost();
  }

  // ---- types and sizes -------------------------------------------------------------------------------------------

  enum Kind { STRING, BYTES, LIST, MAP, OBJECT, SCALAR, TIMESTAMP, DYN }

  /** What the estimator knows of a value: its kind, its largest size, its elements / fields. */
  record Type(Kind kind, long maxSize, Type key, Type element, JsonNode schema) {
    static Type scalar() {
      return new Type(Kind.SCALAR, 1, null, null, null);
    }

    static Type string(long maxSize) {
      return new Type(Kind.STRING, maxSize, null, null, null);
    }

    static Type of(JsonNode s) {
      if (s.path("x-kubernetes-int-or-string").asBoolean()) {
        return new Type(Kind.DYN, s.has("maxLength") ? s.get("maxLength").asLong() * 4 : MAX_REQUEST_BYTES - 2, null,
            null, s);
      }
      switch (s.path("type").asText()) {
        case "string" -> {
          String format = s.path("format").asText();
          switch (format) {
            case "byte":
              return new Type(Kind.BYTES, s.has("maxLength") ? s.get("maxLength").asLong() : MAX_REQUEST_BYTES - 2,
                  null, null, s);
            case "date-time", "date", "duration":
              return new Type(Kind.TIMESTAMP, format.equals("date") ? DATE_SIZE
                  : format.equals("duration") ? MAX_DURATION_SIZE : MAX_DATETIME_SIZE, null, null, s);
            default:
              long size;
              if (s.has("maxLength")) {
                size = s.get("maxLength").asLong() * 4; // maxLength counts code points; a code point is up to 4 bytes
              } else if (s.has("enum")) {
                size = 0;
                for (JsonNode value : s.get("enum")) {
                  size = Math.max(size, value.asText().length());
                }
              } else {
                size = MAX_REQUEST_BYTES - 2;
              }
              return new Type(Kind.STRING, size, null, null, s);
          }
        }
        case "array" -> {
          JsonNode items = s.path("items");
          long max = s.has("maxItems") ? s.get("maxItems").asLong()
              : (MAX_REQUEST_BYTES - 2) / (minSerializedSize(items) + 1);
          return new Type(Kind.LIST, max, null, Type.of(items), s);
        }
        case "object" -> {
          if (s.path("additionalProperties").isObject()) {
            JsonNode values = s.get("additionalProperties");
            long max = s.has("maxProperties") ? s.get("maxProperties").asLong()
                : (MAX_REQUEST_BYTES - 2) / (minSerializedSize(values) + 6);
            return new Type(Kind.MAP, max, string(0), Type.of(values), s);
          }
          return new Type(Kind.OBJECT, 1, null, null, s);
        }
        default -> {
          return scalar();
        }
      }
    }

    Type field(String name, String expression) {
      if (kind == Kind.MAP) {
        return element;
      }
      if (kind == Kind.DYN) {
        return this;
      }
      JsonNode field = schema == null ? null : schema.path("properties").get(name);
      if (kind != Kind.OBJECT || field == null) {
        throw new IllegalArgumentException("no field " + name + " to select in " + expression);
      }
      return of(field);
    }

    Type union(Type other) {
      return other == null || maxSize >= other.maxSize ? this : other;
    }
  }

  /** MinSerializedSize of k8s.io/apiserver's DeclType: the fewest bytes a value of this schema takes in JSON. */
  static long minSerializedSize(JsonNode s) {
    return switch (s.path("type").asText()) {
      case "string" -> switch (s.path("format").asText()) {
        case "duration" -> 3;
        case "date" -> DATE_SIZE;
        case "date-time" -> 21;
        default -> 2;
      };
      case "boolean" -> 4;
      case "number", "integer" -> 1;
      case "object" -> {
        long size = 2;
        for (JsonNode required : s.path("required")) {
          JsonNode property = s.path("properties").path(required.asText());
          if (!property.isMissingNode() && !property.has("default")) {
            size += required.asText().length() + minSerializedSize(property) + 4;
          }
        }
        yield size;
      }
      default -> 2;
    };
  }

  private static long maxCardinality(long minSize) {
    return MAX_REQUEST_BYTES / (minSize + 1);
  }

  // ---- the coster ------------------------------------------------------------------------------------------------

  private record Result(long cost, Type type) {}

  private static void push(Map<String, Deque<Type>> scope, String name, Type type) {
    scope.computeIfAbsent(name, n -> new ArrayDeque<>()).push(type);
  }

  private static final class Coster {
    private final Map<String, Deque<Type>> scope;
    private final String expression;

    Coster(Map<String, Deque<Type>> scope, String expression) {
      this.scope = scope;
      this.expression = expression;
    }

    Result eval(CelExpr e) {
      return switch (e.getKind()) {
        case CONSTANT -> constant(e.constant());
        case IDENT -> {
          Deque<Type> bound = scope.get(e.ident().name());
          if (bound == null || bound.isEmpty()) {
            throw new IllegalArgumentException("unknown variable " + e.ident().name() + " in " + expression);
          }
          yield new Result(1, bound.peek());
        }
        case SELECT -> {
          Result operand = eval(e.select().operand());
          if (e.select().testOnly()) { // has(): presence test costs 1
            yield new Result(add(operand.cost(), 1), Type.scalar());
          }
          yield new Result(add(operand.cost(), 1), operand.type().field(e.select().field(), expression));
        }
        case CALL -> call(e.call());
        case LIST -> {
          long cost = LIST_LITERAL_COST;
          Type element = null;
          for (CelExpr item : e.list().elements()) {
            Result r = eval(item);
            cost = add(cost, r.cost());
            element = r.type().union(element);
          }
          yield new Result(cost, new Type(Kind.LIST, e.list().elements().size(), null, element, null));
        }
        case MAP -> {
          long cost = MAP_LITERAL_COST;
          Type value = null;
          for (var entry : e.map().entries()) {
            cost = add(cost, add(eval(entry.key()).cost(), eval(entry.value()).cost()));
            value = eval(entry.value()).type().union(value);
          }
          yield new Result(cost, new Type(Kind.MAP, e.map().entries().size(), Type.string(0), value, null));
        }
        case COMPREHENSION -> comprehension(e.comprehension());
        default -> throw new IllegalArgumentException("cannot estimate " + e.getKind() + " in " + expression);
      };
    }

    private Result constant(CelConstant constant) {
      return switch (constant.getKind()) {
        case STRING_VALUE -> new Result(0, Type.string(constant.stringValue().codePointCount(0,
            constant.stringValue().length())));
        case BYTES_VALUE -> new Result(0, new Type(Kind.BYTES, constant.bytesValue().size(), null, null, null));
        default -> new Result(0, Type.scalar());
      };
    }

    private Result comprehension(CelComprehension c) {
      Result range = eval(c.iterRange());
      Result init = eval(c.accuInit());
      push(scope, c.accuVar(), init.type());
      Type rangeType = range.type();
      Type iterType = switch (rangeType.kind()) {
        case LIST -> rangeType.element();
        case MAP -> rangeType.key();
        default -> throw new IllegalArgumentException("cannot iterate over " + rangeType.kind() + " in " + expression);
      };
      push(scope, c.iterVar(), iterType);
      Result loop = eval(c.loopCondition());
      Result step = eval(c.loopStep());
      scope.get(c.iterVar()).pop();
      Result result = eval(c.result());
      scope.get(c.accuVar()).pop();
      long cost = add(add(range.cost(), init.cost()), add(result.cost(),
          multiply(rangeType.maxSize(), add(loop.cost(), step.cost()))));
      Type type = init.type().kind() == Kind.LIST
          ? new Type(Kind.LIST, rangeType.maxSize(), null, step.type().element(), null)
          : result.type();
      return new Result(cost, type);
    }

    private Result call(CelCall call) {
      Result target = call.target().map(this::eval).orElse(null);
      List<Result> args = call.args().stream().map(this::eval).toList();
      long argCost = args.stream().mapToLong(Result::cost).reduce(0L, CelCostEstimator::add);
      long targetCost = target == null ? 0 : target.cost();
      // the string argument of a function called as s.f(x) or f(s, x)
      Result subject = target != null ? target : args.isEmpty() ? null : args.get(0);
      Result operand = target != null ? (args.isEmpty() ? null : args.get(0)) : (args.size() > 1 ? args.get(1) : null);
      String function = call.function();
      Result r = switch (function) {
        case "_&&_", "_||_" -> new Result(argCost, Type.scalar());
        case "_?_:_" -> new Result(add(args.get(0).cost(), Math.max(args.get(1).cost(), args.get(2).cost())),
            args.get(1).type().union(args.get(2).type()));
        case "_[_]" -> {
          Type container = args.get(0).type();
          Type element = switch (container.kind()) {
            case LIST, MAP -> container.element();
            case DYN -> container;
            default -> throw new IllegalArgumentException("cannot index " + container.kind() + " in " + expression);
          };
          yield new Result(add(1, argCost), element);
        }
        case "@in" -> new Result(args.get(1).type().kind() == Kind.LIST
            ? add(args.get(1).type().maxSize(), argCost) : add(1, argCost), Type.scalar());
        case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" -> {
          Type l = args.get(0).type();
          Type rt = args.get(1).type();
          boolean sized = function.equals("_==_") || function.equals("_!=_")
              || l.kind() == Kind.STRING || l.kind() == Kind.BYTES;
          long cost = sized ? traversal(Math.min(l.maxSize(), rt.maxSize())) : 1;
          yield new Result(add(cost, argCost), Type.scalar());
        }
        case "_+_" -> {
          Type l = args.get(0).type();
          Type rt = args.get(1).type();
          yield switch (l.kind()) {
            case STRING, BYTES -> {
              long size = add(l.maxSize(), rt.maxSize());
              yield new Result(add(traversal(size), argCost), new Type(l.kind(), size, null, null, null));
            }
            case LIST -> new Result(add(1, argCost), new Type(Kind.LIST, add(l.maxSize(), rt.maxSize()), null,
                l.element() == null ? rt.element() : l.element().union(rt.element()), null));
            default -> new Result(add(1, argCost), Type.scalar());
          };
        }
        case "matches" -> {
          long text = traversal(add(subject.type().maxSize(), 1));
          long regex = (long) Math.ceil(operand.type().maxSize() * REGEX_LENGTH_FACTOR);
          yield new Result(add(multiply(text, regex), argCost), Type.scalar());
        }
        case "startsWith", "endsWith" ->
            new Result(add(traversal(operand.type().maxSize()), argCost), Type.scalar());
        case "contains" -> new Result(add(multiply(traversal(subject.type().maxSize()),
            traversal(operand.type().maxSize())), argCost), Type.scalar());
        // strings extension, as k8s.io/apiserver/pkg/cel/library/cost.go prices it
        case "lowerAscii", "upperAscii", "trim", "substring" -> new Result(
            add(traversal(subject.type().maxSize()), argCost), Type.string(subject.type().maxSize()));
        case "indexOf", "lastIndexOf" -> new Result(add(multiply(traversal(subject.type().maxSize()),
            traversal(operand.type().maxSize())), argCost), Type.scalar());
        // O(1): 1 plus the arguments
        case "size", "!_", "-_", "_-_", "_*_", "_/_", "_%_", "@not_strictly_false", "int", "uint", "double", "bool",
            "charAt" -> new Result(add(1, argCost),
            function.equals("charAt") ? Type.string(4) : Type.scalar());
        case "dyn" -> new Result(add(1, argCost), args.get(0).type());
        default -> throw new IllegalArgumentException("the estimator does not know the cost of " + function
            + "() in " + expression + ": add it from cel-go checker/cost.go or k8s.io/apiserver/pkg/cel/library/cost.go");
      };
      // A member call's target is paid for on top of the function and its arguments (cel-go costCall).
      return new Result(add(r.cost(), targetCost), r.type());
    }
  }

  private static long traversal(long size) {
    return (long) Math.ceil(size * STRING_TRAVERSAL_FACTOR);
  }

  private static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long multiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }
}
