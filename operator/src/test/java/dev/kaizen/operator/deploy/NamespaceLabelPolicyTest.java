package dev.kaizen.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ValidatingAdmissionPolicy shipped in deploy/components/namespace-labels, evaluated with CEL the way the API
 * server evaluates it (match condition, variables, then the validation) for namespace updates: only administrators
 * may set, change or remove kaizen.dev/* labels; everyone else keeps every other label.
 */
class NamespaceLabelPolicyTest {
  private static final JsonNode POLICY = Repo.yamlFile("deploy/components/namespace-labels/policy.yaml").stream()
      .filter(d -> d.path("kind").asText().equals("ValidatingAdmissionPolicy")).findFirst().orElseThrow();
  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelExtensions.strings())
      .addRuntimeLibraries(CelExtensions.strings())
      .addVar("object", SimpleType.DYN)
      .addVar("oldObject", SimpleType.DYN)
      .addVar("request", SimpleType.DYN)
      .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
      .build();

  private static Object eval(String expression, Map<String, Object> vars) throws Exception {
    return CEL.createProgram(CEL.compile(expression).getAst()).eval(vars);
  }

  /** Whether an update of a namespace's labels by a user of these groups is admitted. */
  private static boolean admitted(Map<String, String> before, Map<String, String> after, List<String> groups)
      throws Exception {
    Map<String, Object> vars = new HashMap<>();
    vars.put("object", Map.of("metadata", Map.of("name", "team", "labels", after)));
    vars.put("oldObject", Map.of("metadata", Map.of("name", "team", "labels", before)));
    vars.put("request", Map.of("userInfo", Map.of("username", "alice", "groups", groups)));
    for (JsonNode condition : POLICY.path("spec").path("matchConditions")) {
      if (!(Boolean) eval(condition.path("expression").asText(), vars)) {
        return true; // the policy does not apply to this request
      }
    }
    Map<String, Object> variables = new HashMap<>();
    for (JsonNode variable : POLICY.path("spec").path("variables")) {
      variables.put(variable.path("name").asText(), eval(variable.path("expression").asText(), vars));
    }
    vars.put("variables", variables);
    for (JsonNode validation : POLICY.path("spec").path("validations")) {
      if (!(Boolean) eval(validation.path("expression").asText(), vars)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void onlyAdministratorsSetChangeOrRemoveKaizenLabels() throws Exception {
    List<String> team = List.of("system:authenticated", "shop-devs");
    List<String> admins = List.of("system:authenticated", "kaizen-admins");
    Map<String, String> bound = Map.of("kaizen.dev/aws-account", "shop-stg", "kaizen.dev/environment", "stg");

    assertThat(admitted(Map.of(), bound, team)).as("set").isFalse();
    assertThat(admitted(bound, Map.of("kaizen.dev/aws-account", "shop-prod", "kaizen.dev/environment", "stg"), team))
        .as("change").isFalse();
    assertThat(admitted(bound, Map.of("kaizen.dev/aws-account", "shop-stg"), team)).as("remove").isFalse();

    assertThat(admitted(bound, withTeamLabel(bound), team)).as("other labels, kaizen ones kept").isTrue();
    assertThat(admitted(Map.of(), bound, admins)).as("administrators set").isTrue();
    assertThat(admitted(bound, Map.of(), List.of("system:masters"))).as("break-glass removes").isTrue();
  }

  private static Map<String, String> withTeamLabel(Map<String, String> labels) {
    Map<String, String> more = new HashMap<>(labels);
    more.put("team", "shop");
    return more;
  }
}
