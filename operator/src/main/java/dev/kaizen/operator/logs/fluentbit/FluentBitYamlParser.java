package dev.kaizen.operator.logs.fluentbit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Entry;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Problem;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfig.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checker of Fluent Bit's YAML configuration format, for what the operator renders: the document's structure
 * ({@code pipeline} with {@code inputs}, {@code filters}, {@code outputs}; each plugin a map of scalar properties, a
 * list for a repeated property such as {@code rule}), then the same plugin checks as the classic format's
 * ({@link FluentBitConfigParser#checkSection}). Problems carry line 0: the tree does not keep positions.
 */
public final class FluentBitYamlParser {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_LEVEL = Set.of("service", "pipeline", "parsers", "multiline_parsers",
      "includes", "env", "plugins", "customs", "upstream_servers");
  private static final Map<String, String> PIPELINE = Map.of("inputs", "INPUT", "filters", "FILTER",
      "outputs", "OUTPUT");

  private FluentBitYamlParser() {}

  public static List<Problem> check(String text) {
    return parse(text).problems();
  }

  public static FluentBitConfig parse(String text) {
    List<Problem> problems = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      problems.add(new Problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not YAML: " + e.getOriginalMessage()));
      return new FluentBitConfig(sections, List.of(), problems);
    }
    if (root == null || !root.isObject()) {
      problems.add(new Problem(0, "the document is not a map"));
      return new FluentBitConfig(sections, List.of(), problems);
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!TOP_LEVEL.contains(name)) {
        problems.add(new Problem(0, "unknown top-level section " + name));
      }
    });
    JsonNode pipeline = root.path("pipeline");
    if (!pipeline.isMissingNode() && !pipeline.isObject()) {
      problems.add(new Problem(0, "pipeline must be a map"));
    }
    pipeline.fields().forEachRemaining(part -> {
      String kind = PIPELINE.get(part.getKey());
      if (kind == null) {
        problems.add(new Problem(0, "unknown pipeline section " + part.getKey()));
      } else if (!part.getValue().isArray()) {
        problems.add(new Problem(0, "pipeline." + part.getKey() + " must be a list"));
      } else {
        part.getValue().forEach(plugin -> sections.add(section(kind, plugin, problems)));
      }
    });
    for (Section s : sections) {
      FluentBitConfigParser.checkSection(s, problems);
    }
    FluentBitConfigParser.checkEmitterNames(sections, problems);
    return new FluentBitConfig(sections, List.of(), problems);
  }

  private static Section section(String kind, JsonNode plugin, List<Problem> problems) {
    List<Entry> entries = new ArrayList<>();
    if (!plugin.isObject()) {
      problems.add(new Problem(0, "a " + kind.toLowerCase() + " must be a map of properties"));
      return new Section(0, kind, entries);
    }
    plugin.fields().forEachRemaining(property -> {
      JsonNode value = property.getValue();
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
      for (JsonNode one : values) {
        if (!one.isValueNode() || one.isNull() || one.asText().isEmpty()) {
          problems.add(new Problem(0, "property " + property.getKey() + " needs a non-empty scalar value"));
        } else {
          entries.add(new Entry(0, property.getKey(), one.asText()));
        }
      }
    });
    return new Section(0, kind, entries);
  }
}
