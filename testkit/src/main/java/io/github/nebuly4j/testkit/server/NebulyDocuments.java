package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.MicroDollars;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Writes the JSON documents of Nebuly's external API, as its documentation describes them, from
 * nebuly4j's domain values.
 *
 * <p>Every field name is spelled out here, independently of any other module's JSON mapping, so
 * that a naming mistake elsewhere cannot hide itself: the golden documents in testkit's tests pin
 * this writer field for field. Conventions: an absent optional is a JSON {@code null}; {@code cost}
 * is a JSON number with the exact decimal digits of the amount (never through {@code double});
 * {@code session_time} and the latencies are numbers of seconds exact to the nanosecond; instants
 * are ISO-8601 in UTC with a {@code Z}.
 *
 * <p>The rows of the listing endpoints carry, beyond the names that Nebuly's pages publish, names
 * that nebuly4j chose where the pages are silent ({@code docs/wire-protocol.md} lists which is
 * which): an interaction row's {@code conversation_id}, {@code end_timestamp}, {@code cost},
 * {@code latency}, {@code language}, {@code topic}, {@code sentiment}, {@code emotions}, {@code
 * tags} and {@code feedback}; a conversation row's four feedback counts {@code
 * n_positive_implicit_feedback}, {@code n_negative_implicit_feedback}, {@code
 * n_positive_explicit_feedback} and {@code n_negative_explicit_feedback}.
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
          writeCount(json, "session_length", conversation.sessionLength());
          json.writeFieldName("session_time");
          writeNumberOrNull(json, conversation.sessionTime().map(NebulyDocuments::seconds));
          writeInstant(json, "start_session", conversation.startSession());
          writeInstant(json, "end_session", conversation.endSession());
          writeCost(json, conversation.cost());
          writeMap(json, "tags", conversation.tags());
          writeList(json, "emotions", conversation.emotions());
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
   * Writes one row of {@code POST /get-interactions}: {@code {"id", "conversation_id",
   * "input_text", "output_text", "user_query", "end_user", "timestamp", "end_timestamp", "cost",
   * "latency", "language", "topic", "sentiment", "emotions", "tags", "feedback"}}, every member
   * present ({@code null} when absent; empty lists and objects as such).
   *
   * @param row the interaction summary
   * @return the JSON document of the row
   * @throws IllegalArgumentException if {@code row} is null
   */
  public static String interactionRow(InteractionSummary row) {
    Arguments.requireNonNull(row, "row");
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("id", row.id().value());
          writeText(json, "conversation_id", row.conversationId().map(ConversationId::value));
          writeText(json, "input_text", row.input());
          writeText(json, "output_text", row.output());
          writeText(json, "user_query", row.userQuery());
          writeText(json, "end_user", row.endUser());
          writeInstant(json, "timestamp", row.timestamp());
          writeInstant(json, "end_timestamp", row.endTimestamp());
          writeCost(json, row.cost());
          json.writeFieldName("latency");
          writeNumberOrNull(json, row.latency().map(NebulyDocuments::seconds));
          writeText(json, "language", row.language());
          writeText(json, "topic", row.topic());
          writeText(json, "sentiment", row.sentiment());
          writeList(json, "emotions", row.emotions());
          writeMap(json, "tags", row.tags());
          writeList(json, "feedback", row.feedback());
          json.writeEndObject();
        });
  }

  /**
   * Writes one row of {@code POST /get-interaction-aggregates} grouped by conversation: {@code
   * {"group_name", "n_interactions", "n_users", "n_feedback", "n_positive_implicit_feedback",
   * "n_negative_implicit_feedback", "n_positive_explicit_feedback", "n_negative_explicit_feedback",
   * "cost", "latency_seconds", "session_time", "start_session", "end_session", "topics",
   * "sentiment_score", "n_emotions", "tags": [{"tag_name", "n_tag_values"}]}}, every member present
   * ({@code null} when absent).
   *
   * @param row the conversation summary
   * @return the JSON document of the row
   * @throws IllegalArgumentException if {@code row} is null
   */
  public static String conversationRow(ConversationSummary row) {
    Arguments.requireNonNull(row, "row");
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("group_name", row.id().value());
          writeCount(json, "n_interactions", row.interactionCount());
          writeCount(json, "n_users", row.userCount());
          writeCount(json, "n_feedback", row.feedbackCount());
          writeCount(json, "n_positive_implicit_feedback", row.positiveImplicitFeedbackCount());
          writeCount(json, "n_negative_implicit_feedback", row.negativeImplicitFeedbackCount());
          writeCount(json, "n_positive_explicit_feedback", row.positiveExplicitFeedbackCount());
          writeCount(json, "n_negative_explicit_feedback", row.negativeExplicitFeedbackCount());
          writeCost(json, row.cost());
          json.writeFieldName("latency_seconds");
          writeNumberOrNull(json, row.latency().map(NebulyDocuments::seconds));
          json.writeFieldName("session_time");
          writeNumberOrNull(json, row.sessionTime().map(NebulyDocuments::seconds));
          writeInstant(json, "start_session", row.startSession());
          writeInstant(json, "end_session", row.endSession());
          writeList(json, "topics", row.topics());
          json.writeFieldName("sentiment_score");
          OptionalDouble score = row.sentimentScore();
          if (score.isPresent()) {
            json.writeNumber(score.getAsDouble());
          } else {
            json.writeNull();
          }
          writeCount(json, "n_emotions", row.emotionCount());
          json.writeArrayFieldStart("tags");
          for (Map.Entry<String, Integer> tag : row.tagValueCounts().entrySet()) {
            json.writeStartObject();
            json.writeStringField("tag_name", tag.getKey());
            json.writeNumberField("n_tag_values", tag.getValue());
            json.writeEndObject();
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

  private static void writeCount(JsonGenerator json, String name, OptionalInt count) throws IOException {
    json.writeFieldName(name);
    if (count.isPresent()) {
      json.writeNumber(count.getAsInt());
    } else {
      json.writeNull();
    }
  }

  private static void writeCost(JsonGenerator json, Optional<MicroDollars> cost) throws IOException {
    json.writeFieldName("cost");
    writeNumberOrNull(json, cost.map(amount -> amount.micros().toPlainString()));
  }

  private static void writeList(JsonGenerator json, String name, List<String> texts) throws IOException {
    json.writeArrayFieldStart(name);
    for (String text : texts) {
      json.writeString(text);
    }
    json.writeEndArray();
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
