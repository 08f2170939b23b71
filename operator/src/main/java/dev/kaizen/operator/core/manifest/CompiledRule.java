package dev.kaizen.operator.core.manifest;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.HashMap;
import java.util.Map;

/**
 * A CEL expression compiled for one {@code self} type: a program to run, or why it did not compile.
 *
 * @param transition true when the expression reads {@code oldSelf}, making it a transition rule
 */
record CompiledRule(String expression, CelRuntime.Program program, boolean transition, String compileError) {

  static CompiledRule failed(String expression, String compileError) {
    return new CompiledRule(expression, null, false, compileError);
  }

  boolean compiled() {
    return program != null;
  }

  /** Runs the program; {@code oldSelf} is bound only when not null (a rule that reads it needs it). */
  Object eval(Object self, Object oldSelf) throws CelEvaluationException {
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", self);
    if (oldSelf != null) {
      variables.put("oldSelf", oldSelf);
    }
    return program.eval(variables);
  }
}
