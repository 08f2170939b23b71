package dev.kaizen.operator.cron.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON in one spelling (keys sorted, no spaces), so an Input read back compares equal to the one sent. */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private CanonicalJson() {}

  /** Any value (maps, lists, strings, numbers) as canonical JSON. */
  public static String of(Object value) {
    try {
      return MAPPER.writeValueAsString(MAPPER.convertValue(value, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A JSON text in canonical form; a text that is not JSON is returned unchanged (AWS accepts plain text). */
  public static String canonical(String text) {
    if (text == null) {
      return null;
    }
    try {
      return of(MAPPER.readValue(text, Object.class));
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  /** Whether a text is one JSON object. */
  public static boolean isObject(String text) {
    try {
      return MAPPER.readTree(text).isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
