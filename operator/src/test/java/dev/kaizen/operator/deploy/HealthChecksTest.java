package dev.kaizen.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.operator.api.v1alpha1.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argo CD health (deploy/argocd/health.lua, run under the real Lua 5.1 interpreter, as Argo CD runs it) and kstatus
 * (README "Reading status") for every kind, on status fixtures covering each condition combination the operator
 * writes, a resource with no status, and a status behind the spec.
 */
class HealthChecksTest {
  /** name, generation, observedGeneration, conditions (type=status/reason), Argo CD health, kstatus. */
  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("no status yet", 1, null, null, "Progressing", "InProgress"),
        Arguments.of("in sync", 2, 2, conds("True/InSync", "False/InSync", "False/InSync"), "Healthy", "Current"),
        Arguments.of("status behind spec", 3, 2, conds("True/InSync", "False/InSync", "False/InSync"),
            "Progressing", "InProgress"),
        Arguments.of("changes applied", 1, 1, conds("False/ChangesApplied", "True/ChangesApplied", "False/ChangesApplied"),
            "Progressing", "InProgress"),
        Arguments.of("throttled while ready", 1, 1, conds("True/InSync", "True/Throttled", "False/InSync"),
            "Progressing", "InProgress"),
        Arguments.of("transient error", 1, 1, conds("False/ChangesApplied", "True/TransientError", "False/ChangesApplied"),
            "Progressing", "InProgress"),
        Arguments.of("plan pending", 1, 1, conds("False/PlanPending", "False/PlanPending", "False/PlanPending"),
            "Suspended", "Current"),
        Arguments.of("invalid spec", 1, 1, conds("False/InvalidSpec", "False/InvalidSpec", "True/InvalidSpec"),
            "Degraded", "Failed"),
        Arguments.of("name conflict", 1, 1, conds("False/NameConflict", "False/NameConflict", "True/NameConflict"),
            "Degraded", "Failed"),
        Arguments.of("owned by another", 1, 1, conds("False/OwnedByAnother", "False/OwnedByAnother", "True/OwnedByAnother"),
            "Degraded", "Failed"),
        Arguments.of("access denied", 1, 1, conds("False/AccessDenied", "False/AccessDenied", "True/AccessDenied"),
            "Degraded", "Failed"),
        Arguments.of("rejected by AWS", 1, 1, conds("False/RejectedByAws", "False/RejectedByAws", "True/RejectedByAws"),
            "Degraded", "Failed"),
        Arguments.of("limit exceeded", 1, 1, conds("False/LimitExceeded", "False/LimitExceeded", "True/LimitExceeded"),
            "Degraded", "Failed"),
        // CronJobSet's detail condition: in sync, but a job stopped succeeding (kstatus knows only the three).
        Arguments.of("in sync, jobs succeeding", 1, 1, List.of("Ready=True/InSync", "Reconciling=False/InSync",
            "Stalled=False/InSync", "JobsHealthy=True/JobsSucceeding"), "Healthy", "Current"),
        Arguments.of("in sync, a job not succeeding", 1, 1, List.of("Ready=True/InSync", "Reconciling=False/InSync",
            "Stalled=False/InSync", "JobsHealthy=False/JobsNotSucceeding"), "Degraded", "Current"));
  }

  private static List<String> conds(String ready, String reconciling, String stalled) {
    return List.of("Ready=" + ready, "Reconciling=" + reconciling, "Stalled=" + stalled);
  }

  static Stream<Arguments> fixturesPerKind() {
    return Kinds.ALL.stream().flatMap(kind -> fixtures().map(a -> {
      Object[] args = a.get();
      Object[] withKind = new Object[args.length + 1];
      withKind[0] = kind;
      System.arraycopy(args, 0, withKind, 1, args.length);
      return Arguments.of(withKind);
    }));
  }

  private static ObjectNode resource(Class<? extends HasMetadata> kind, int generation, Integer observed,
      List<String> conditions) {
    ObjectNode obj = Repo.JSON.createObjectNode();
    obj.put("apiVersion", Kinds.GROUP + "/" + Kinds.VERSION).put("kind", HasMetadata.getKind(kind));
    obj.putObject("metadata").put("name", "web").put("namespace", "shop").put("generation", generation);
    if (conditions != null) {
      ObjectNode status = obj.putObject("status");
      status.put("observedGeneration", observed);
      var list = status.putArray("conditions");
      for (String c : conditions) {
        String type = c.substring(0, c.indexOf('='));
        String[] value = c.substring(c.indexOf('=') + 1).split("/");
        list.addObject().put("type", type).put("status", value[0]).put("reason", value[1])
            .put("message", "One sentence about " + value[1] + ".").put("observedGeneration", observed);
      }
    }
    return obj;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fixturesPerKind")
  void argoCdHealthUnderLua51(Class<? extends HasMetadata> kind, String name, int generation, Integer observed,
      List<String> conditions, String health, String kstatus) throws Exception {
    String script = Repo.read("deploy/argocd/health.lua");
    Path dir = Files.createDirectories(Path.of("target", "lua"));
    Path runner = dir.resolve("run.lua");
    Files.writeString(runner, "obj = " + lua(resource(kind, generation, observed, conditions)) + "\n"
        + "local check = assert(loadstring(" + luaString(script) + "))\n"
        + "local hs = check()\n"
        + "io.write(hs.status, \"\\n\", hs.message or \"\")\n");
    String out = Repo.run(List.of(lua51(), runner.toAbsolutePath().toString()), Repo.ROOT);
    assertThat(out.lines().findFirst().orElse("")).as(out).isEqualTo(health);
    assertThat(out).as("a message for a person").contains("\n").isNotBlank();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fixturesPerKind")
  void kstatus(Class<? extends HasMetadata> kind, String name, int generation, Integer observed,
      List<String> conditions, String health, String kstatus) {
    assertThat(Kstatus.compute(resource(kind, generation, observed, conditions))).isEqualTo(kstatus);
  }

  @Test
  void everyKindHasAnArgoCdHealthEntryWithTheSharedScript() {
    String kustomization = Repo.read("deploy/argocd/kustomization.yaml");
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      assertThat(kustomization).contains("resource.customizations.health." + Kinds.GROUP + "_"
          + HasMetadata.getKind(kind) + "=health.lua");
    }
  }

  /** Debian's lua5.1 (installed by .ci/run): the interpreter version Argo CD embeds (gopher-lua, Lua 5.1). */
  private static String lua51() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "lua5.1"))) {
        return Path.of(dir, "lua5.1").toString();
      }
    }
    throw new AssertionError("lua5.1 is not installed: `apt-get install lua5.1` (.ci/run does it)");
  }

  private static String lua(JsonNode node) {
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      node.fields().forEachRemaining(e -> sb.append('[').append(luaString(e.getKey())).append("]=")
          .append(lua(e.getValue())).append(','));
      return sb.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("{");
      node.forEach(e -> sb.append(lua(e)).append(','));
      return sb.append('}').toString();
    }
    if (node.isNull()) {
      return "nil";
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return luaString(node.asText());
  }

  private static String luaString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** kstatus for kaizen kinds, as the README states it (the kstatus library's generic rules for custom resources). */
  static final class Kstatus {
    static String compute(JsonNode obj) {
      JsonNode status = obj.path("status");
      if (status.isMissingNode() || !status.has("conditions")) {
        return "InProgress";
      }
      if (status.path("observedGeneration").asLong(-1) < obj.path("metadata").path("generation").asLong()) {
        return "InProgress";
      }
      Map<String, String> byType = new java.util.HashMap<>();
      status.path("conditions").forEach(c -> byType.put(c.path("type").asText(), c.path("status").asText()));
      if ("True".equals(byType.get("Stalled"))) {
        return "Failed";
      }
      if ("True".equals(byType.get("Reconciling"))) {
        return "InProgress";
      }
      return "Current";
    }
  }
}
