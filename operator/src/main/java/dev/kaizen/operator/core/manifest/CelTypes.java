package dev.kaizen.operator.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * The CEL type of {@code self} at one schema level, so that rules are type-checked as the API server checks
 * them (a rule comparing an integer with a string does not compile). Objects with declared properties are
 * {@code map(string, dyn)} here where Kubernetes has an object type: field selection and {@code has()}
 * behave the same, but a misspelt field is found at evaluation rather than at compilation.
 */
final class CelTypes {
  private CelTypes() {}

  static CelType of(JsonNode schema) {
    if (SchemaNode.isIntOrString(schema) || SchemaNode.isNullable(schema)) {
      return SimpleType.DYN;
    }
    return switch (SchemaNode.type(schema)) {
      case "integer" -> SimpleType.INT;
      case "number" -> SimpleType.DOUBLE;
      case "string" -> SimpleType.STRING;
      case "boolean" -> SimpleType.BOOL;
      case "array" -> ListType.create(of(SchemaNode.items(schema)));
      case "object" -> objectType(schema);
      default -> SimpleType.DYN;
    };
  }

  private static CelType objectType(JsonNode schema) {
    JsonNode values = SchemaNode.additionalProperties(schema);
    if (values != null && !SchemaNode.hasProperties(schema)) {
      return MapType.create(SimpleType.STRING, of(values));
    }
    return MapType.create(SimpleType.STRING, SimpleType.DYN);
  }
}
