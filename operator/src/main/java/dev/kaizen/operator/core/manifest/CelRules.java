package dev.kaizen.operator.core.manifest;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.bundle.CelBuilder;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles {@code x-kubernetes-validations} expressions, each once per {@code self} type, with what the
 * design allows rules to use: core CEL and the strings extension, nothing Kubernetes-specific (a rule that
 * needs more fails to compile here, which is the point). {@code oldSelf} has the type of {@code self}, or
 * is an optional of it for rules with {@code optionalOldSelf: true} (only those get the optional library).
 * Thread-safe.
 */
final class CelRules {
  // Like cel-go in the API server: 1 < 1.5 compiles; "matches" finds a match anywhere (RE2, unanchored).
  private static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .enableRegexPartialMatch(true)
      .comprehensionMaxIterations(100_000)
      .build();

  private record Key(String expression, CelType selfType, boolean optionalOldSelf, CelType resultType) {}

  private record Environment(CelType selfType, boolean optionalOldSelf, CelType resultType) {}

  private final Map<Key, CompiledRule> compiled = new ConcurrentHashMap<>();
  private final Map<Environment, Cel> environments = new ConcurrentHashMap<>();

  /** A validation rule: must return a bool. */
  CompiledRule rule(String expression, CelType selfType, boolean optionalOldSelf) {
    return compile(new Key(expression, selfType, optionalOldSelf, SimpleType.BOOL));
  }

  /** A {@code messageExpression}: must return a string. */
  CompiledRule message(String expression, CelType selfType, boolean optionalOldSelf) {
    return compile(new Key(expression, selfType, optionalOldSelf, SimpleType.STRING));
  }

  private CompiledRule compile(Key key) {
    return compiled.computeIfAbsent(key, k -> {
      Cel cel = environments.computeIfAbsent(
          new Environment(k.selfType(), k.optionalOldSelf(), k.resultType()), CelRules::environment);
      try {
        CelValidationResult result = cel.compile(k.expression());
        if (result.hasError()) {
          return CompiledRule.failed(k.expression(), oneLine(result.getErrorString()));
        }
        CelAbstractSyntaxTree ast = result.getAst();
        boolean transition = ast.getReferenceMap().values().stream().anyMatch(r -> "oldSelf".equals(r.name()));
        return new CompiledRule(k.expression(), cel.createProgram(ast), transition, null);
      } catch (Exception e) {
        return CompiledRule.failed(k.expression(), String.valueOf(e.getMessage()));
      }
    });
  }

  private static Cel environment(Environment env) {
    CelType oldSelfType = env.optionalOldSelf() ? OptionalType.create(env.selfType()) : env.selfType();
    CelBuilder builder = CelFactory.standardCelBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addCompilerLibraries(CelExtensions.strings())
        .addRuntimeLibraries(CelExtensions.strings())
        .addVar("self", env.selfType())
        .addVar("oldSelf", oldSelfType)
        .setResultType(env.resultType());
    if (env.optionalOldSelf()) {
      builder.addCompilerLibraries(CelExtensions.optional()).addRuntimeLibraries(CelExtensions.optional());
    }
    return builder.build();
  }

  // CEL's errors come with a source excerpt and a caret on further lines; a problem is one line.
  private static String oneLine(String error) {
    return error.lines().findFirst().orElse(error).replaceFirst("^ERROR: <input>:", "at ");
  }
}
