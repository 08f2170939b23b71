package dev.kaizen.operator.core.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Our one statement in a CloudWatch Logs resource policy shared by many resources. AWS allows 10 resource
 * policies per account and Region, a limit that cannot be raised, and at most 5,120 characters per policy document
 * (PutResourcePolicy and AWS::Logs::ResourcePolicy references), so resources share one policy, each owning the
 * statement whose {@code Sid} derives from it ({@link #sid}).
 *
 * <p>"Byte-for-byte" for a JSON document AWS stores and returns as text: every statement we do not own is written
 * back as the same JSON value it was read as — the same members in the same order, the same strings, numbers (kept
 * as read: decimals are not rounded) and arrays, at the same position — and the document's other members
 * ({@code Version}, {@code Id}) stay as they were. Only insignificant whitespace between tokens is not kept: the
 * document is written compactly, which also leaves the most room under the size limit.
 */
public final class ResourcePolicyStatements {
  /** Characters per policy document (CloudWatch Logs PutResourcePolicy; AWS::Logs::ResourcePolicy). */
  public static final int MAX_DOCUMENT_CHARACTERS = 5120;
  /** Resource policies per account and Region (CloudWatch Logs quotas; not adjustable). */
  public static final int MAX_POLICIES_PER_REGION = 10;

  private static final String OURS = "ours";
  private static final String STATEMENT = "Statement";
  private static final String SID = "Sid";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // 1.50 stays 1.50
      .build();

  private ResourcePolicyStatements() {}

  /** The write our statement needs: the statements' edit, and the whole new document when there is one to write. */
  public record Outcome(SharedEdit<JsonNode> edit, Optional<String> document) {}

  /**
   * Our statement's Sid: IAM allows only ASCII letters and digits in a Sid, so the owner (namespace/kind/name) is
   * kept as a readable prefix of its letters and digits, and a hash of the cluster and owner makes it unique and
   * stable.
   */
  public static String sid(String cluster, String owner) {
    String readable = owner.replaceAll("[^A-Za-z0-9]", "");
    return "Kaizen" + readable.substring(0, Math.min(40, readable.length())) + sha256(cluster + "\n" + owner)
        .substring(0, 16);
  }

  /**
   * @param stored the policy document as DescribeResourcePolicies returns it, or empty when there is no policy
   * @param sid our statement's Sid ({@link #sid})
   * @param desired our statement (its Sid is set to {@code sid}), or empty to remove ours
   * @throws SharedObjectTooLargeException when the new document would exceed {@value #MAX_DOCUMENT_CHARACTERS}
   *     characters; nothing is to be written then
   */
  public static Outcome edit(Optional<String> stored, String sid, Optional<ObjectNode> desired) {
    Optional<ObjectNode> document = stored.map(ResourcePolicyStatements::parse);
    List<Part<JsonNode>> parts = new ArrayList<>();
    boolean found = false;
    List<JsonNode> statements = document.map(ResourcePolicyStatements::statements).orElse(List.of());
    for (int i = 0; i < statements.size(); i++) {
      boolean ours = !found && sid.equals(statements.get(i).path(SID).textValue());
      found |= ours;
      parts.add(new Part<>(ours ? OURS : "#" + i, statements.get(i)));
    }
    SharedObject<JsonNode> object = document.isPresent() ? SharedObject.of(parts) : SharedObject.absent();
    SharedEdit<JsonNode> edit = object.edit(OURS, desired.map(statement -> withSid(statement, sid)));
    Optional<String> written = Optional.empty();
    if (edit instanceof SharedEdit.Create<JsonNode> create) {
      ObjectNode fresh = JSON.createObjectNode().put("Version", "2012-10-17");
      written = Optional.of(render(fresh, create.parts()));
    } else if (edit instanceof SharedEdit.Update<JsonNode> update) {
      written = Optional.of(render(document.orElseThrow().deepCopy(), update.parts()));
    }
    written.filter(text -> text.length() > MAX_DOCUMENT_CHARACTERS).ifPresent(text -> {
      throw new SharedObjectTooLargeException("the CloudWatch Logs resource policy would be " + text.length()
          + " characters with statement " + sid + ", over AWS's limit of " + MAX_DOCUMENT_CHARACTERS + ".");
    });
    return new Outcome(edit, written);
  }

  /** A statement array, or a single statement object, as IAM's grammar allows both. */
  private static List<JsonNode> statements(ObjectNode document) {
    JsonNode statement = document.path(STATEMENT);
    List<JsonNode> list = new ArrayList<>();
    if (statement.isArray()) {
      statement.forEach(list::add);
    } else if (statement.isObject()) {
      list.add(statement);
    }
    return list;
  }

  private static ObjectNode withSid(ObjectNode statement, String sid) {
    ObjectNode ours = JSON.createObjectNode().put(SID, sid);
    statement.properties().forEach(field -> {
      if (!field.getKey().equals(SID)) {
        ours.set(field.getKey(), field.getValue());
      }
    });
    return ours;
  }

  /** The document with its statements replaced, in place, by {@code parts} (always written as an array). */
  private static String render(ObjectNode document, List<Part<JsonNode>> parts) {
    ArrayNode array = JSON.createArrayNode();
    parts.forEach(part -> array.add(part.value()));
    document.set(STATEMENT, array);
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode parse(String document) {
    try {
      JsonNode root = JSON.readTree(document);
      if (root instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new IllegalArgumentException("the stored resource policy is not a JSON object; it is left as it is");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
