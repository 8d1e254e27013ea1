package io.github.nebuly4j.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON parsing for the suites' checks of what an adapter sent. */
final class ContractJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractJson() {}

  /** Parses a request body; a body that is not JSON fails the test with the body in the message. */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("the request body is not JSON: " + json, e);
    }
  }

  /** Returns an empty object, to build an expected body. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns an array of texts, to build an expected body. */
  static ArrayNode array(String... texts) {
    ArrayNode array = MAPPER.createArrayNode();
    for (String text : texts) {
      array.add(text);
    }
    return array;
  }

  /** Returns {@code {"conversation_id": id}}. */
  static JsonNode detailRequest(String id) {
    return MAPPER.createObjectNode().put("conversation_id", id);
  }
}
