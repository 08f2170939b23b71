package dev.kaizen.operator.cli;

import dev.kaizen.operator.cli.PlanReport.ResourcePlan;
import java.util.ArrayList;
import java.util.List;

/** {@code kaizen plan}'s default output: a header, a paragraph per resource, one summary line. */
final class TextPlanRenderer {
  private TextPlanRenderer() {}

  static String render(PlanReport report) {
    List<String> lines = new ArrayList<>(header(report));
    for (ResourcePlan resource : report.resources()) {
      lines.add("");
      lines.addAll(resource(resource));
    }
    lines.add("");
    lines.add(report.summary());
    return String.join("\n", lines) + "\n";
  }

  static List<String> header(PlanReport report) {
    // First what was planned against (the account, or the note saying which), then its endpoints, then the rest.
    List<String> lines = new ArrayList<>();
    List<String> notes = report.notes();
    if (report.account().isPresent()) {
      lines.add("Planning against AWS account " + report.account().get() + " (the current credentials, reading only).");
    } else if (!notes.isEmpty()) {
      lines.add(notes.get(0));
      notes = notes.subList(1, notes.size());
    }
    if (!report.endpoints().isEmpty()) {
      lines.add("Custom endpoints: " + String.join("; ", report.endpoints()) + ".");
    }
    lines.addAll(notes);
    return lines;
  }

  static List<String> resource(ResourcePlan resource) {
    String title = resource.title() + " (" + resource.object() + ")";
    List<String> lines = new ArrayList<>();
    switch (resource.status()) {
      case ERROR -> lines.add(title + ": not planned, " + resource.error().orElseThrow());
      case STALLED -> lines.add(title + ": would stall, " + resource.stall().orElseThrow().reason() + ": "
          + resource.stall().orElseThrow().message());
      case IN_SYNC -> lines.add(title + ": in sync, nothing to change.");
      case CHANGES -> {
        lines.add(title + ": " + resource.changes().size() + " change(s)"
            + (resource.reportOnly() ? " (mode Plan: the operator would only report them)" : "") + ":");
        resource.changes().forEach(change -> lines.add("  " + change.line()));
      }
    }
    return lines;
  }
}
