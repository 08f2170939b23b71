package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.re2j.Pattern;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI v3 part of a CRD schema (type, enum, pattern, lengths, bounds, sizes, required), checked with
 * networknt's OpenAPI 3.0 dialect. Kubernetes extensions ({@code x-kubernetes-*}) are ignored here, quietly;
 * unknown fields and CEL rules have their own checks. Messages name fields as kubectl does ({@code spec.a.b}).
 */
final class OpenApiCheck {
  /** Problems found, and whether any is one that makes the API server skip CEL rules (wrong type, missing). */
  record Outcome(List<Problem> problems, boolean blocksRules) {}

  private static final Set<String> BLOCKING_TYPES = Set.of("type", "required");

  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, Object> schemas = new ConcurrentHashMap<>(); // JsonSchema, or the load error
  private final FieldFormats formats;

  OpenApiCheck(FieldFormats formats) {
    this.formats = formats;
    // Unknown keywords would otherwise be logged as a warning each ("you should define your own Meta Schema").
    JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
        .format(new GoDurationFormat())
        .build();
    this.factory = JsonSchemaFactory.builder()
        .defaultMetaSchemaIri(dialect.getIri())
        .metaSchema(dialect)
        .build();
    this.config = SchemaValidatorsConfig.builder()
        .nullableKeywordEnabled(true)
        .regularExpressionFactory(Re2RegularExpressions.INSTANCE)
        .build();
  }

  Outcome check(Manifest manifest, CrdVersion crd, JsonNode object) {
    Object schema = schemas.computeIfAbsent(crd.crdName() + "/" + crd.version(), k -> load(crd));
    if (schema instanceof String loadError) {
      return new Outcome(List.of(Problem.of(manifest, FieldPath.root(), loadError)), true);
    }
    Set<ValidationMessage> messages;
    try {
      messages = ((JsonSchema) schema).validate(object);
    } catch (RuntimeException e) {
      return new Outcome(List.of(Problem.of(manifest, FieldPath.root(),
          "the schema of " + crd.apiVersion() + " " + crd.kind() + " could not be checked: " + e.getMessage())), true);
    }
    List<Problem> problems = new ArrayList<>();
    boolean blocking = false;
    for (ValidationMessage message : sorted(messages)) {
      if ("additionalProperties".equals(message.getType())) {
        continue; // reported as "unknown field" by UnknownFieldCheck
      }
      blocking |= BLOCKING_TYPES.contains(message.getType());
      Located at = locate(crd.schema(), message);
      problems.add(Problem.of(manifest, at.path(), describe(message, formats.describe(crd, at.schemaPath()))));
    }
    return new Outcome(problems, blocking);
  }

  // A schema the API server would have refused (e.g. a pattern RE2 rejects) is reported on each manifest.
  private Object load(CrdVersion crd) {
    String prefix = "the schema of " + crd.apiVersion() + " " + crd.kind() + " is invalid: ";
    // Checked first, because networknt would also log each bad pattern at ERROR level.
    String badPattern = firstInvalidPattern(crd.schema());
    if (badPattern != null) {
      return prefix + badPattern;
    }
    try {
      return factory.getSchema(crd.schema(), config);
    } catch (RuntimeException e) {
      return prefix + e.getMessage();
    }
  }

  private static String firstInvalidPattern(JsonNode node) {
    JsonNode pattern = node.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      try {
        Pattern.compile(pattern.asText());
      } catch (RuntimeException e) {
        return "pattern " + pattern.asText() + " is not a valid RE2 expression: " + e.getMessage();
      }
    }
    for (JsonNode child : node) {
      String found = child.isContainerNode() ? firstInvalidPattern(child) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static List<ValidationMessage> sorted(Set<ValidationMessage> messages) {
    return messages.stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage))
        .toList();
  }

  /**
   * Where a message points: the field as kubectl names it ({@code spec.filters[0].name}), and as the schema names it
   * ({@code spec.filters[*].name}, for {@link FieldFormats}).
   */
  private record Located(FieldPath path, String schemaPath) {}

  /** The field a message is about; for "required" that is the missing field, not its parent. */
  private static Located locate(JsonNode rootSchema, ValidationMessage message) {
    JsonNodePath location = message.getInstanceLocation();
    FieldPath path = FieldPath.root();
    StringBuilder schemaPath = new StringBuilder();
    JsonNode schema = rootSchema;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path = path.index(index);
        schemaPath.append("[*]");
        schema = SchemaNode.items(schema);
      } else {
        String name = String.valueOf(element);
        boolean mapKey = SchemaNode.property(schema, name) == null && SchemaNode.additionalProperties(schema) != null;
        path = mapKey ? path.key(name) : path.child(name);
        schemaPath.append(mapKey ? "[*]" : (schemaPath.isEmpty() ? "" : ".") + name);
        JsonNode child = SchemaNode.childSchema(schema, name);
        schema = child == null ? MissingNode.getInstance() : child;
      }
    }
    if ("required".equals(message.getType()) && message.getProperty() != null) {
      path = path.child(message.getProperty());
    }
    return new Located(path, schemaPath.toString());
  }

  // networknt's wording, except where a clearer sentence is cheap: the offending value and the choices, and for a
  // pattern what the field expects in words when the kind says (a regular expression means little to most people).
  private static String describe(ValidationMessage message, Optional<String> expected) {
    JsonNode value = message.getInstanceNode();
    return switch (message.getType()) {
      case "required" -> "required field is missing";
      case "type" -> "must be of type " + arg(message, 1) + ", not " + arg(message, 0);
      case "enum" -> "unsupported value " + value + ": must be one of " + choices(message.getSchemaNode());
      case "pattern" -> expected.map(words -> value + " is not valid here: expected " + words)
          .orElseGet(() -> value + " does not match the pattern " + arg(message, 0));
      case "format" -> value + " is not a valid " + arg(message, 0)
          + ("duration".equals(arg(message, 0)) ? " (e.g. 90s, 5m, 1h30m)" : "");
      default -> message.getError();
    };
  }

  private static String arg(ValidationMessage message, int index) {
    Object[] args = message.getArguments();
    return args != null && args.length > index ? String.valueOf(args[index]) : "?";
  }

  private static String choices(JsonNode enumNode) {
    List<String> values = new ArrayList<>();
    enumNode.forEach(v -> values.add(v.toString()));
    return values.isEmpty() ? "?" : String.join(", ", values);
  }
}
