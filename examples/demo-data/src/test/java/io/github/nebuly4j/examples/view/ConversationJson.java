package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Interaction;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a viewer's JSON for one conversation, field by field, against the domain object it was
 * made from. Both viewers' tests use it (through this module's test-jar), so that the two
 * endpoints are held to one shape.
 *
 * <p>Expected values are derived from the {@link Conversation} here, independently of {@link
 * ConversationView}: numbers are compared as decimals, instants as instants.
 */
public final class ConversationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConversationJson() {}

  /**
   * Parses a JSON text.
   *
   * @param text the JSON
   * @return its tree
   */
  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that {@code json} shows {@code expected}, with the viewer's "Open in Nebuly" routes.
   *
   * @param json a viewer's answer for the conversation
   * @param expected the conversation
   */
  public static void assertShows(JsonNode json, Conversation expected) {
    assertThat(fieldNames(json))
        .containsExactly(
            "id", "sessionLength", "sessionTimeSeconds", "startSession", "endSession",
            "costMicros", "costDollars", "costFormatted", "tags", "emotions",
            "customAggregates", "openInNebuly", "interactions");
    assertThat(json.get("id").asText()).isEqualTo(expected.id().value());
    assertThat(json.get("sessionLength").asInt()).isEqualTo(expected.sessionLength().getAsInt());
    assertThat(decimal(json, "sessionTimeSeconds")).isEqualByComparingTo(seconds(expected.sessionTime().orElseThrow()));
    assertThat(Instant.parse(json.get("startSession").asText())).isEqualTo(expected.startSession().orElseThrow());
    assertThat(Instant.parse(json.get("endSession").asText())).isEqualTo(expected.endSession().orElseThrow());
    BigDecimal micros = expected.cost().orElseThrow().micros();
    assertThat(json.get("costMicros").isTextual()).as("money is sent as exact decimal text").isTrue();
    assertThat(decimal(json, "costMicros")).isEqualByComparingTo(micros);
    assertThat(decimal(json, "costDollars")).isEqualByComparingTo(micros.movePointLeft(6));
    assertThat(json.get("costFormatted").asText()).isEqualTo(expected.cost().orElseThrow().formatDollars());
    assertThat(textMap(json.get("tags"))).containsExactlyEntriesOf(expected.tags());
    assertThat(texts(json.get("emotions"))).containsExactlyElementsOf(expected.emotions());
    assertThat(textMap(json.get("customAggregates"))).containsExactlyEntriesOf(expected.customAggregates());
    // The demo ids need no percent-encoding.
    assertThat(json.get("openInNebuly").asText()).isEqualTo("/go/conversation/" + expected.id().value());

    JsonNode interactions = json.get("interactions");
    assertThat(interactions.size()).isEqualTo(expected.interactions().size());
    for (int i = 0; i < interactions.size(); i++) {
      assertShows(interactions.get(i), expected.interactions().get(i));
    }
  }

  private static void assertShows(JsonNode json, Interaction expected) {
    assertThat(fieldNames(json))
        .containsExactly(
            "id", "input", "output", "userQuery", "timestamp", "endTimestamp", "durationSeconds",
            "topic", "sentiment", "typeOfRisk", "moderationIssue", "businessIssue", "flagged",
            "openInNebuly");
    assertThat(json.get("id").asText()).isEqualTo(expected.id().value());
    assertThat(optionalText(json, "input")).isEqualTo(expected.input());
    assertThat(optionalText(json, "output")).isEqualTo(expected.output());
    assertThat(optionalText(json, "userQuery")).isEqualTo(expected.userQuery());
    assertThat(optionalText(json, "timestamp").map(Instant::parse)).isEqualTo(expected.timestamp());
    assertThat(optionalText(json, "endTimestamp").map(Instant::parse)).isEqualTo(expected.endTimestamp());
    assertThat(decimal(json, "durationSeconds"))
        .isEqualByComparingTo(seconds(Duration.between(expected.timestamp().orElseThrow(), expected.endTimestamp().orElseThrow())));
    assertThat(optionalText(json, "topic")).isEqualTo(expected.topic());
    assertThat(optionalText(json, "sentiment")).isEqualTo(expected.sentiment());
    assertThat(optionalText(json, "typeOfRisk")).isEqualTo(expected.typeOfRisk());
    assertThat(optionalText(json, "moderationIssue")).isEqualTo(expected.moderationIssue());
    assertThat(optionalText(json, "businessIssue")).isEqualTo(expected.businessIssue());
    assertThat(json.get("flagged").asBoolean())
        .isEqualTo(
            expected.typeOfRisk().isPresent()
                || expected.moderationIssue().isPresent()
                || expected.businessIssue().isPresent());
    assertThat(json.get("openInNebuly").asText()).isEqualTo("/go/interaction/" + expected.id().value());
  }

  private static List<String> fieldNames(JsonNode json) {
    return new ArrayList<>(textMap(json).keySet());
  }

  private static BigDecimal decimal(JsonNode json, String field) {
    return new BigDecimal(json.get(field).asText());
  }

  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 9);
  }

  private static Optional<String> optionalText(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static Map<String, String> textMap(JsonNode json) {
    Map<String, String> map = new LinkedHashMap<>();
    json.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  private static List<String> texts(JsonNode json) {
    List<String> texts = new ArrayList<>();
    json.forEach(value -> texts.add(value.asText()));
    return texts;
  }
}
