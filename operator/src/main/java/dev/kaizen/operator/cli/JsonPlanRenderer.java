package dev.kaizen.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.operator.cli.PlanReport.PlannedChange;
import dev.kaizen.operator.cli.PlanReport.ResourcePlan;
import dev.kaizen.operator.core.FieldChange;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code kaizen plan --output json}: the schema documented in the README ("kaizen plan", "JSON output"), version
 * {@link #SCHEMA_VERSION}. Fields are only ever added within a version; every field is always present (null when
 * unknown), so a pipeline can read it without guessing.
 */
final class JsonPlanRenderer {
  static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonPlanRenderer() {}

  static String render(PlanReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("account", report.account().orElse(null));
    report.endpoints().forEach(root.putArray("endpoints")::add);
    root.put("clusterId", report.clusterId().orElse(null));
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    ArrayNode resources = root.putArray("resources");
    report.resources().forEach(resource -> resources.add(resource(resource)));
    ObjectNode summary = root.putObject("summary");
    summary.put("resources", report.resources().size());
    summary.put("inSync", report.count(PlanReport.Status.IN_SYNC));
    summary.put("withChanges", report.count(PlanReport.Status.CHANGES));
    summary.put("changes", report.changeCount());
    summary.put("stalls", report.count(PlanReport.Status.STALLED));
    summary.put("errors", report.count(PlanReport.Status.ERROR));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode resource(ResourcePlan resource) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", resource.kind());
    node.put("namespace", resource.namespace());
    node.put("name", resource.name());
    node.put("object", resource.object());
    node.put("status", camel(resource.status().name()));
    node.put("mode", resource.reportOnly() ? "Plan" : "Apply");
    ArrayNode changes = node.putArray("changes");
    resource.changes().forEach(change -> changes.add(change(change)));
    if (resource.stall().isPresent()) {
      ObjectNode stall = node.putObject("stall");
      stall.put("reason", resource.stall().get().reason());
      stall.put("message", resource.stall().get().message());
    } else {
      node.putNull("stall");
    }
    node.put("error", resource.error().orElse(null));
    return node;
  }

  private static ObjectNode change(PlannedChange change) {
    ObjectNode node = JSON.createObjectNode();
    node.put("operation", change.operation());
    node.put("target", change.target());
    node.put("effect", camel(change.effect()));
    node.put("reason", change.reason());
    ArrayNode differences = node.putArray("differences");
    for (FieldChange difference : change.differences()) {
      ObjectNode field = differences.addObject();
      field.put("field", difference.field());
      field.put("old", difference.from());
      field.put("new", difference.to());
    }
    return node;
  }

  /** IN_SYNC -> InSync, CREATE -> Create: the words conditions and status use. */
  private static String camel(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }
}
