package dev.kaizen.operator.cli;

import dev.kaizen.operator.cli.PlanReport.PlannedChange;
import dev.kaizen.operator.cli.PlanReport.ResourcePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kaizen plan --output markdown}: a pull-request comment. One section per resource; a resource with more than
 * {@link #OPEN_CHANGES} changes has them in a collapsed {@code <details>} block, so a large plan stays readable.
 */
final class MarkdownPlanRenderer {
  static final int OPEN_CHANGES = 5;

  private MarkdownPlanRenderer() {}

  static String render(PlanReport report) {
    List<String> lines = new ArrayList<>();
    lines.add("## kaizen plan");
    lines.add("");
    lines.add("**" + report.summary() + "**");
    lines.add("");
    TextPlanRenderer.header(report).forEach(line -> lines.add("> " + escape(line)));
    for (ResourcePlan resource : report.resources()) {
      lines.add("");
      lines.add("### " + icon(resource) + " " + resource.title() + ": " + status(resource));
      lines.add("");
      lines.add(inline(resource.object()) + (resource.reportOnly() ? " (mode Plan: the operator only reports)" : ""));
      switch (resource.status()) {
        case ERROR -> {
          lines.add("");
          lines.add("Not planned: " + escape(resource.error().orElseThrow()));
        }
        case STALLED -> {
          lines.add("");
          lines.add("**" + resource.stall().orElseThrow().reason() + "**: "
              + escape(resource.stall().orElseThrow().message()));
        }
        case CHANGES -> changes(resource.changes(), lines);
        case IN_SYNC -> { }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static void changes(List<PlannedChange> changes, List<String> lines) {
    boolean collapsed = changes.size() > OPEN_CHANGES;
    lines.add("");
    if (collapsed) {
      lines.add("<details><summary>" + changes.size() + " changes</summary>");
      lines.add("");
    }
    for (PlannedChange change : changes) {
      lines.add("- " + inline(change.operation() + " " + change.target()) + ": " + escape(change.reason()));
    }
    if (collapsed) {
      lines.add("");
      lines.add("</details>");
    }
  }

  private static String status(ResourcePlan resource) {
    return switch (resource.status()) {
      case IN_SYNC -> "in sync";
      case CHANGES -> resource.changes().size() + " change(s)";
      case STALLED -> "would stall";
      case ERROR -> "error";
    };
  }

  private static String icon(ResourcePlan resource) {
    return switch (resource.status()) {
      case IN_SYNC -> "✅";
      case CHANGES -> "📝";
      case STALLED -> "⛔";
      case ERROR -> "❗";
    };
  }

  /** A code span that survives backticks in the text (CommonMark: a longer fence). */
  private static String inline(String text) {
    String fence = text.contains("`") ? "`` " : "`";
    return fence + text + (fence.length() > 1 ? " ``" : "`");
  }

  /** Text outside code spans: characters that would start markup or HTML are escaped. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_")
        .replace("`", "\\`");
  }
}
