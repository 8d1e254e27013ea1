package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.spi.Arguments;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the JSON documents of Nebuly's external API, as its documentation describes them, from
 * nebuly4j's domain values.
 *
 * <p>Every field name is spelled out here, independently of any other module's JSON mapping, so
 * that a naming mistake elsewhere cannot hide itself: the golden documents in testkit's tests pin
 * this writer field for field. Conventions: an absent optional is a JSON {@code null}; {@code cost}
 * is a JSON number with the exact decimal digits of the amount (never through {@code double});
 * {@code session_time} is a number of seconds exact to the nanosecond; instants are ISO-8601 in UTC
 * with a {@code Z}.
 */
public final class NebulyDocuments {
  /** The API's own violation for a detail request without an id, also the body of a 422 fault. */
  static final RequestViolation MISSING_CONVERSATION_ID =
      new RequestViolation(List.of("body", "conversation_id"), "field required", "value_error.missing");

  private static final JsonFactory JSON = new JsonFactory();

  private NebulyDocuments() {}

  /**
   * Writes the "get conversation details" document of a conversation.
   *
   * @param conversation the conversation
   * @return the JSON document
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  public static String conversation(Conversation conversation) {
    Arguments.requireNonNull(conversation, "conversation");
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("id", conversation.id().value());
          json.writeFieldName("session_length");
          if (conversation.sessionLength().isPresent()) {
            json.writeNumber(conversation.sessionLength().getAsInt());
          } else {
            json.writeNull();
          }
          json.writeFieldName("session_time");
          writeNumberOrNull(json, conversation.sessionTime().map(NebulyDocuments::seconds));
          writeInstant(json, "start_session", conversation.startSession());
          writeInstant(json, "end_session", conversation.endSession());
          json.writeFieldName("cost");
          writeNumberOrNull(json, conversation.cost().map(cost -> cost.micros().toPlainString()));
          writeMap(json, "tags", conversation.tags());
          json.writeArrayFieldStart("emotions");
          for (String emotion : conversation.emotions()) {
            json.writeString(emotion);
          }
          json.writeEndArray();
          writeMap(json, "custom_aggregates", conversation.customAggregates());
          json.writeArrayFieldStart("conversation");
          for (Interaction interaction : conversation.interactions()) {
            writeInteraction(json, interaction);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /**
   * Writes the answer of both deep-link endpoints: {@code {"url": "…"}}.
   *
   * @param url the link
   * @return the JSON document
   * @throws IllegalArgumentException if {@code url} is null
   */
  public static String deepLink(URI url) {
    Arguments.requireNonNull(url, "url");
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("url", url.toString());
          json.writeEndObject();
        });
  }

  /**
   * Writes a FastAPI error body: {@code {"detail": "…"}}.
   *
   * @param detail the explanation
   * @return the JSON document
   * @throws IllegalArgumentException if {@code detail} is null
   */
  public static String error(String detail) {
    Arguments.requireNonNull(detail, "detail");
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("detail", detail);
          json.writeEndObject();
        });
  }

  /**
   * Writes a FastAPI validation error body (the one of HTTP 422): {@code {"detail": [{"loc":
   * [...], "msg": "…", "type": "…"}]}}.
   *
   * @param violations the reasons, in order
   * @return the JSON document
   * @throws IllegalArgumentException if {@code violations} is null
   */
  public static String validationError(List<RequestViolation> violations) {
    Arguments.requireNonNull(violations, "violations");
    return write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("detail");
          for (RequestViolation violation : violations) {
            json.writeStartObject();
            json.writeArrayFieldStart("loc");
            for (String part : violation.location()) {
              json.writeString(part);
            }
            json.writeEndArray();
            json.writeStringField("msg", violation.message());
            json.writeStringField("type", violation.type());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /**
   * Returns a duration as Nebuly writes {@code session_time}: decimal seconds, exact to the
   * nanosecond, without trailing zeros ({@code 12.5}, {@code 0.000000001}, {@code 3}).
   *
   * @param duration the duration
   * @return the decimal number of seconds
   */
  static String seconds(Duration duration) {
    BigDecimal seconds =
        BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    return seconds.signum() == 0 ? "0" : seconds.stripTrailingZeros().toPlainString();
  }

  private static void writeInteraction(JsonGenerator json, Interaction interaction)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", interaction.id().value());
    writeText(json, "input", interaction.input());
    writeText(json, "output", interaction.output());
    writeInstant(json, "timestamp", interaction.timestamp());
    writeInstant(json, "end_timestamp", interaction.endTimestamp());
    writeText(json, "user_query", interaction.userQuery());
    writeText(json, "topic", interaction.topic());
    writeText(json, "sentiment", interaction.sentiment());
    writeText(json, "type_of_risk", interaction.typeOfRisk());
    writeText(json, "moderation_issue", interaction.moderationIssue());
    writeText(json, "business_issue", interaction.businessIssue());
    json.writeEndObject();
  }

  private static void writeInstant(JsonGenerator json, String name, Optional<Instant> instant)
      throws IOException {
    writeText(json, name, instant.map(Instant::toString));
  }

  private static void writeText(JsonGenerator json, String name, Optional<String> text)
      throws IOException {
    json.writeFieldName(name);
    if (text.isPresent()) {
      json.writeString(text.get());
    } else {
      json.writeNull();
    }
  }

  /** Writes a decimal number from its text, so that no digit passes through {@code double}. */
  private static void writeNumberOrNull(JsonGenerator json, Optional<String> decimal)
      throws IOException {
    if (decimal.isPresent()) {
      json.writeNumber(decimal.get());
    } else {
      json.writeNull();
    }
  }

  private static void writeMap(JsonGenerator json, String name, Map<String, String> entries)
      throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  private static String write(JsonWriting writing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writing.writeTo(json);
    } catch (IOException e) {
      // A StringWriter never fails; only a bug of this class could get here.
      throw new UncheckedIOException("could not write a JSON document", e);
    }
    return text.toString();
  }

  @FunctionalInterface
  private interface JsonWriting {
    void writeTo(JsonGenerator json) throws IOException;
  }
}
