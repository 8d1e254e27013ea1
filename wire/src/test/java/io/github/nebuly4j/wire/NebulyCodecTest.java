package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Omission;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of the wire document that the generated corpus does not reach: every timestamp and
 * number form, the JSON text of scalars, the order and path of omissions, the messages people read,
 * and the API key kept out of all of them.
 */
class NebulyCodecTest {
  private static final String KEY = "nb-SECRET-key-7Qx2Lm9Z";
  private static final NebulyCodec CODEC = new NebulyCodec(KEY);
  private static final ConversationId CID = ConversationId.of("c-1");

  private static final String INTERACTION =
      "{\"id\": \"i-1\", \"input\": \"hi\", \"output\": \"hello\","
          + " \"timestamp\": \"2024-05-30T09:27:52.420Z\", \"end_timestamp\": \"2024-05-30T09:27:55Z\"}";

  static Conversation decode(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return CODEC.conversation(200, body, body.length, CID);
  }

  static Conversation withInteraction(String interactionJson) {
    return decode("{\"conversation\": [" + interactionJson + "]}");
  }

  static Conversation withField(String name, String jsonValue) {
    return decode("{\"" + name + "\": " + jsonValue + ", \"conversation\": []}");
  }

  static Instant timestampOf(String text) {
    return withInteraction(INTERACTION.replace("2024-05-30T09:27:52.420Z", text)).interactions().get(0).timestamp().orElseThrow();
  }

  static NebulyException.MalformedResponse malformed(String json) {
    try {
      decode(json);
    } catch (NebulyException.MalformedResponse e) {
      assertThat(e.httpStatus()).hasValue(200);
      return e;
    }
    throw new AssertionError("expected MalformedResponse for " + json);
  }

  /** The one omission of a conversation, as {@code path: reason}. */
  static String omission(Conversation conversation) {
    assertThat(conversation.omissions()).hasSize(1);
    assertThat(conversation.isComplete()).isFalse();
    return conversation.omissions().get(0).toString();
  }

  @Test
  void readsTheDocumentedExampleCompletely() {
    Conversation c =
        decode(
            "{\"id\": \"c-1\", \"session_length\": 2, \"session_time\": 12.5,"
                + " \"start_session\": \"2024-05-30T09:27:52.420Z\", \"end_session\": \"2024-05-30T09:28:04.920Z\","
                + " \"cost\": 1523.75, \"tags\": {\"env\": \"prod\", \"team\": \"a\"}, \"emotions\": [\"joy\", \"anger\"],"
                + " \"custom_aggregates\": {\"score\": \"7\"},"
                + " \"conversation\": ["
                + INTERACTION
                + ", {\"id\": \"i-2\", \"input\": \"q\", \"output\": \"a\", \"timestamp\": \"2024-05-30 09:28:00\","
                + " \"end_timestamp\": \"2024-05-30T11:28:04.92+02:00\", \"user_query\": \"uq\", \"topic\": \"t\","
                + " \"sentiment\": \"s\", \"type_of_risk\": \"r\", \"moderation_issue\": \"m\", \"business_issue\": \"b\"}]}");

    assertThat(c.id()).isEqualTo(CID);
    assertThat(c.isComplete()).isTrue();
    assertThat(c.sessionLength()).isEqualTo(OptionalInt.of(2));
    assertThat(c.sessionTime()).contains(Duration.ofMillis(12_500));
    assertThat(c.startSession()).contains(Instant.parse("2024-05-30T09:27:52.420Z"));
    assertThat(c.endSession()).contains(Instant.parse("2024-05-30T09:28:04.920Z"));
    assertThat(c.cost()).contains(MicroDollars.ofMicros(new BigDecimal("1523.75")));
    assertThat(c.tags()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "a"));
    assertThat(c.emotions()).containsExactly("joy", "anger");
    assertThat(c.customAggregates()).containsExactly(Map.entry("score", "7"));
    Interaction second = c.interactions().get(1);
    assertThat(second.timestamp()).contains(Instant.parse("2024-05-30T09:28:00Z"));
    assertThat(second.endTimestamp()).contains(Instant.parse("2024-05-30T09:28:04.920Z"));
    assertThat(List.of(second.userQuery(), second.topic(), second.sentiment(), second.typeOfRisk(), second.moderationIssue(), second.businessIssue()))
        .containsExactly(Optional.of("uq"), Optional.of("t"), Optional.of("s"), Optional.of("r"), Optional.of("m"), Optional.of("b"));
  }

  @Test
  void theIssueThatStartedItAnInteractionStillInProgressArrivesWithEverythingElse() {
    Conversation c =
        decode(
            "{\"id\": \"c-1\", \"cost\": 12, \"conversation\": [" + INTERACTION + ", "
                + INTERACTION.replace("i-1", "i-2").replace("\"2024-05-30T09:27:55Z\"", "null") + "]}");

    assertThat(c.isComplete()).isTrue();
    assertThat(c.cost()).contains(MicroDollars.ofMicros(12));
    assertThat(c.interactions().get(0).duration()).contains(Duration.ofMillis(2_580));
    assertThat(c.interactions().get(1).endTimestamp()).isEmpty();
    assertThat(c.interactions().get(1).duration()).isEmpty();
    assertThat(c.interactions().get(1).output()).contains("hello");
  }

  @Test
  void theConversationIsTheOneAskedForWhateverTheDocumentsIdSays() {
    assertThat(decode("{\"id\": \"another\", \"conversation\": []}").id()).isEqualTo(CID);
    assertThat(decode("{\"conversation\": []}").id()).isEqualTo(CID);
    assertThat(decode("{\"id\": {\"odd\": true}, \"conversation\": []}").isComplete()).isTrue();
  }

  @Nested
  class Timestamps {
    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "2024-05-30T09:27:52Z | 2024-05-30T09:27:52Z",
          "2024-05-30T09:27:52.4Z | 2024-05-30T09:27:52.400Z",
          "2024-05-30T09:27:52.123456789Z | 2024-05-30T09:27:52.123456789Z",
          "2024-05-30T09:27:52 | 2024-05-30T09:27:52Z",
          "2024-05-30 09:27:52.420 | 2024-05-30T09:27:52.420Z",
          "2024-05-30 09:27:52+00:00 | 2024-05-30T09:27:52Z",
          "2024-05-30T11:27:52+02:00 | 2024-05-30T09:27:52Z",
          "2024-05-30T11:27:52.5+0200 | 2024-05-30T09:27:52.500Z",
          "2024-05-30T04:27:52-05 | 2024-05-30T09:27:52Z",
          "2024-05-30T09:27z | 2024-05-30T09:27:00Z",
          "' 2024-05-30T09:27:52Z ' | 2024-05-30T09:27:52Z",
        })
    void acceptsEveryPythonForm(String text, String expected) {
      assertThat(timestampOf(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "", "yesterday", "2024-05-30", "2024-13-30T09:27:52Z", "2024-02-30T09:27:52Z", "2024-05-30T25:00:00Z",
          "2024-05-30T09:27:52.1234567891Z", "2024-05-30T09:27:52+25:00", "2024-05-30X09:27:52Z", "1717061272"
        })
    void otherTextIsOmittedNamingThePathAndTheText(String text) {
      Conversation c = withInteraction(INTERACTION.replace("2024-05-30T09:27:52.420Z", text));

      assertThat(c.interactions().get(0).timestamp()).isEmpty();
      assertThat(c.interactions().get(0).endTimestamp()).isPresent();
      assertThat(omission(c))
          .startsWith("conversation[0].timestamp: expected an ISO-8601 date-time")
          .endsWith("found the text \"" + text + "\"");
    }

    @Test
    void aNumberIsNotReadAsEpochSeconds() {
      Conversation c = withInteraction(INTERACTION.replace("\"2024-05-30T09:27:55Z\"", "1717061275"));
      assertThat(c.interactions().get(0).endTimestamp()).isEmpty();
      assertThat(omission(c)).startsWith("conversation[0].end_timestamp:").endsWith("found the number 1717061275");
    }

    @Test
    void aHugeTimestampIsCutInTheReason() {
      String huge = "2024-05-30T09:27:52." + "1".repeat(5000) + "Z";
      String reason = omission(withField("start_session", "\"" + huge + "\""));
      assertThat(reason).startsWith("start_session:").contains("\"2024-05-30T09:27:52." + "1".repeat(20) + "…\"");
      assertThat(reason.length()).isLessThan(200);
    }
  }

  @Nested
  class Numbers {
    @Test
    void costIsExactAndSumsExactly() {
      MicroDollars a = withField("cost", "0.1").cost().orElseThrow();
      MicroDollars b = withField("cost", "0.2").cost().orElseThrow();
      assertThat(a.plus(b).micros()).isEqualByComparingTo("0.3");
      assertThat(withField("cost", "12345678901234567.123456789").cost().orElseThrow().micros())
          .isEqualByComparingTo("12345678901234567.123456789");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {"\"1523.75\" | 1523.75", "\" 0.1 \" | 0.1", "\"1.5e3\" | 1500"})
    void aNumberSentAsTextIsReadExactly(String json, String expected) {
      assertThat(withField("cost", json).cost().orElseThrow().micros()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
      "12.5, PT12.5S",
      "0.000000001, PT0.000000001S",
      "0, PT0S",
      "3600, PT1H",
      "1e2, PT1M40S",
      "0.0000000015, PT0.000000002S",
      "0.0000000025, PT0.000000002S",
      "0.00000000049, PT0S",
      "1e-400, PT0S"
    })
    void sessionTimeIsExactToTheNanosecondAndRoundsHalfEven(String json, String expected) {
      assertThat(withField("session_time", json).sessionTime()).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"3, 3", "3.0, 3", "3.000, 3", "0, 0", "3e0, 3", "2147483647, 2147483647", "'\"3\"', 3"})
    void sessionLengthAcceptsWholeNumbers(String json, int expected) {
      assertThat(withField("session_length", json).sessionLength()).isEqualTo(OptionalInt.of(expected));
    }

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "session_length | 3.5 | expected a whole number from 0 to 2147483647, found the number 3.5",
          "session_length | -1 | found the number -1",
          "session_length | 2147483648 | found the number 2147483648",
          "session_length | 1e999999 | found the number 1e999999",
          "session_time | -0.5 | expected a number of seconds from 0 to 3162240000 (a century), found the number -0.5",
          "session_time | 1e12 | found the number 1e12",
          "session_time | -1e999999999 | found the number -1e999999999",
          "session_time | NaN | found the number NaN",
          "cost | -1 | expected a number of micro-dollars that is not negative, found the number -1",
          "cost | 1e999999999 | found the number 1e999999999 (a cost must have at most 24 integer digits of micro-dollars)",
          "cost | 1e99999999999999999999 | found the number 1e99999999999999999999",
          "cost | Infinity | found the number Infinity",
          "cost | \"12 dollars\" | found the text \"12 dollars\""
        })
    void anOutOfRuleNumberIsOmittedCheaplyNamingTheField(String field, String json, String reason) {
      Conversation c = withField(field, json);
      assertThat(omission(c)).startsWith(field + ": ").endsWith(reason);
      assertThat(List.of(c.sessionLength().isPresent(), c.sessionTime().isPresent(), c.cost().isPresent())).containsOnly(false);
    }
  }

  @Nested
  class TextsTagsAndAggregates {
    @Test
    void numbersAndBooleansKeepTheirJsonText() {
      Conversation c =
          decode(
              "{\"tags\": {\"a\": 1.10, \"b\": true, \"c\": 42, \"d\": \"x\", \"e\": false, \"f\": 1e3},"
                  + " \"custom_aggregates\": {\"n\": 0.5}, \"emotions\": [7, false], \"conversation\": ["
                  + INTERACTION.replace("\"hi\"", "12.50").replace("\"i-1\"", "1001") + "]}");
      assertThat(c.tags())
          .containsExactly(
              Map.entry("a", "1.10"), Map.entry("b", "true"), Map.entry("c", "42"), Map.entry("d", "x"),
              Map.entry("e", "false"), Map.entry("f", "1e3"));
      assertThat(c.customAggregates()).containsExactly(Map.entry("n", "0.5"));
      assertThat(c.emotions()).containsExactly("7", "false");
      assertThat(c.interactions().get(0).input()).contains("12.50");
      assertThat(c.interactions().get(0).id()).isEqualTo(InteractionId.of("1001"));
      assertThat(c.isComplete()).isTrue();
    }

    @Test
    void nullValuesAndElementsAreDroppedSilently() {
      Conversation c =
          decode("{\"tags\": {\"a\": null, \"b\": \"x\"}, \"custom_aggregates\": {\"z\": null}, \"emotions\": [\"joy\", null, \"fear\"], \"conversation\": []}");
      assertThat(c.tags()).containsExactly(Map.entry("b", "x"));
      assertThat(c.customAggregates()).isEmpty();
      assertThat(c.emotions()).containsExactly("joy", "fear");
      assertThat(c.isComplete()).isTrue();
    }

    @Test
    void aNestedValueDropsItsEntryAndIsListedInDocumentOrder() {
      Conversation c =
          decode(
              "{\"tags\": {\"first\": \"1\", \"nested\": {\"x\": [1, 2]}, \"a name\": [], \"last\": \"2\"},"
                  + " \"emotions\": [\"joy\", {\"mood\": \"odd\"}], \"cost\": true, \"conversation\": ["
                  + INTERACTION.replace("\"hello\"", "[\"two\", \"parts\"]") + "]}");

      assertThat(c.tags()).containsExactly(Map.entry("first", "1"), Map.entry("last", "2"));
      assertThat(c.emotions()).containsExactly("joy");
      assertThat(c.interactions().get(0).output()).isEmpty();
      assertThat(c.interactions().get(0).input()).contains("hi");
      assertThat(c.omissions())
          .containsExactly(
              new Omission("tags.nested", "expected text, found an object {\"x\": [1, 2]}"),
              new Omission("tags[\"a name\"]", "expected text, found an array []"),
              new Omission("emotions[1]", "expected text, found an object {\"mood\": \"odd\"}"),
              new Omission("cost", "expected a number of micro-dollars that is not negative, found the value true"),
              new Omission("conversation[0].output", "expected text, found an array [\"two\", \"parts\"]"));
    }

    @Test
    void aNameSentTwiceIsReadTwiceAndItsLastValueCounts() {
      String everyField =
          "\"session_length\": 1, \"session_time\": 1, \"start_session\": null, \"end_session\": null, \"cost\": 1,"
              + " \"tags\": {\"a\": \"1\", \"b\": \"2\", \"a\": \"3\"}, \"emotions\": [], \"custom_aggregates\": {},"
              + " \"conversation\": [{\"id\": \"first\", \"id\": \"last\"}]";
      Conversation c = decode("{" + everyField + ", \"cost\": 2}");
      assertThat(c.cost()).contains(MicroDollars.ofMicros(2));
      assertThat(c.tags()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
      assertThat(c.interactions().get(0).id()).isEqualTo(InteractionId.of("last"));

      Conversation badFirst = decode("{\"cost\": \"x\", " + everyField + "}");
      assertThat(badFirst.cost()).contains(MicroDollars.ofMicros(1));
      assertThat(omission(badFirst)).startsWith("cost: ");

      byte[] link = "{\"url\": \"https://a.example\", \"url\": \"https://b.example\"}".getBytes(StandardCharsets.UTF_8);
      assertThat(CODEC.conversationLink(200, link, link.length, CID).uri()).isEqualTo(URI.create("https://b.example"));
    }

    @Test
    void unknownFieldsAreSkippedEverywhere() {
      Conversation c =
          decode(
              "{\"brand_new\": {\"deep\": [1, {\"x\": null}]}, \"conversation\": ["
                  + INTERACTION.replace("}", ", \"future_field\": [true], \"another\": null}") + "]}");
      assertThat(c.interactions()).extracting(Interaction::input).containsExactly(Optional.of("hi"));
      assertThat(c.isComplete()).isTrue();
    }
  }

  @Nested
  class WhatCannotBeLeftOut {
    @Test
    void anInteractionWithoutAnIdNamesItsPath() {
      String other = INTERACTION.replace("i-1", "i-0");
      String broken = INTERACTION.replace("\"id\": \"i-1\", ", "");
      var e = malformed("{\"conversation\": [" + other + ", " + other + ", " + other + ", " + broken + "]}");
      assertThat(e.getMessage()).contains("conversation[3].id is null or absent; expected an interaction id");
      assertThat(e.getCause()).isNull();
    }

    @Test
    void anInvalidIdSaysWhy() {
      assertThat(malformed("{\"conversation\": [" + INTERACTION.replace("\"i-1\"", "\"   \"") + "]}").getMessage())
          .contains("conversation[0].id: expected an interaction id, found the text \"   \" (InteractionId must not be blank)");
    }

    @Test
    void anElementThatIsNotAnObjectIsNamed() {
      assertThat(malformed("{\"conversation\": [" + INTERACTION + ", null]}").getMessage())
          .contains("conversation[1]: expected an interaction (a JSON object), found null");
      assertThat(malformed("{\"conversation\": [" + INTERACTION + ", \"i-2\"]}").getMessage())
          .contains("conversation[1]: expected an interaction (a JSON object), found the text \"i-2\"");
    }

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "{} | conversation is null or absent; expected an array of interactions",
          "{\"conversation\": null} | conversation is null or absent; expected an array of interactions",
          "{\"conversation\": {\"0\": {}}} | conversation: expected an array of interactions, found an object {\"0\": {}}",
          "{\"conversation\": \"\"} | conversation: expected an array of interactions, found the text \"\"",
        })
    void theInteractionsCannotBeLeftOut(String json, String message) {
      // An empty list would claim a conversation without interactions; {} is also what a wrong
      // base URL may answer.
      assertThat(malformed(json).getMessage()).contains(message);
    }

    @Test
    void anEmptyListOfInteractionsIsAConversationWithoutAny() {
      assertThat(decode("{\"conversation\": []}").interactions()).isEmpty();
    }
  }

  @Nested
  class MessagesForPeople {
    @Test
    void aTruncatedBodySaysHowMuchArrivedAndKeepsTheParsersException() {
      byte[] body = ("{\"conversation\": [" + INTERACTION).getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> CODEC.conversation(200, body, body.length - 10, CID))
          .isInstanceOf(NebulyException.MalformedResponse.class)
          .hasMessage(
              "Nebuly's answer (HTTP 200) could not be read: the body ended after " + (body.length - 10)
                  + " bytes, before its JSON was complete. Check that the base URL points at Nebuly's external API.")
          .hasRootCauseInstanceOf(JsonEOFException.class);
    }

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "'' | the body is empty; expected a JSON object",
          "'  \n ' | the body is empty; expected a JSON object",
          "null | the body: expected a JSON object, found null",
          "[{\"id\": \"c-1\"}] | the body: expected a JSON object, found an array [{\"id\": \"c-1\"}]",
          "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
              + " | the body stops being JSON at line 1, column 1: <html><head><title>502 Bad Gateway</titl…",
          "{\"conversation\": []} {\"conversation\": []} | the body goes on after its JSON object ends, at line 1, column 22: {\"conversation\": []}",
          "{\"conversation\" []} | the body stops being JSON at line 1, column 17: []}",
        })
    void bodyLevelProblemsAreSaidInPlainWords(String json, String problem) {
      assertThat(malformed(json).getMessage()).contains("could not be read: " + problem + ". Check");
    }

    @Test
    void noMessageCarriesTheParsersVocabulary() {
      List<String> bodies =
          List.of("{\"conversation\": [", "{\"a\" 1}", "<html>", "[", "{\"conversation\": [" + "[".repeat(1200), "\"x\"", "{\"cost\": tru}");
      for (String body : bodies) {
        String message = malformed(body).getMessage();
        assertThat(message)
            .as(body)
            .doesNotContain("Exception", "Jackson", "jackson", "StreamReadFeature", "Source:", "REDACTED", "token", "JSON String");
      }
    }

    @Test
    void aDeepBodyIsBeyondTheReadersLimitNotAStackOverflow() {
      assertThat(malformed("{\"conversation\": " + "[".repeat(5000)).getMessage())
          .contains("the body exceeds a limit of the JSON reader (nesting depth, or the length of a number, a text or a name)");
    }

    @Test
    void whatWasFoundIsCutToAFewDozenCharacters() {
      String longText = "x".repeat(10_000);
      String reason = omission(withField("end_session", "\"" + longText + "\""));
      assertThat(reason).endsWith("found the text \"" + "x".repeat(FieldProblems.QUOTE_LENGTH) + "…\"");
      String object = omission(withField("tags", "[" + "\"a\", ".repeat(1000) + "\"a\"]"));
      assertThat(object).endsWith("found an array " + "[\"a\", \"a\", \"a\", \"a\", \"a\", \"a\", \"a\", \"a\",…");
    }

    @Test
    void controlCharactersInWhatWasFoundAreEscaped() {
      assertThat(omission(withField("start_session", "\"line\\nbreak\\u0007\""))).endsWith("found the text \"line\\nbreak\\u0007\"");
    }
  }

  @Nested
  class TheApiKey {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"conversation\": [], \"cost\": " + KEY + "}",
          "{\"conversation\": [], \"cost\": \"" + KEY + "}",
          "<html><body>Bearer " + KEY + "</body></html>",
          "\"" + KEY + "\"",
          "{\"conversation\": [{\"id\": {\"echo\": \"" + KEY + "\"}}]}",
          "{\"conversation\": [{\"id\": \"" + KEY + "\u0001\"}]}",
          "{\"conversation\": []} " + KEY,
        })
    void neverReachesAMessageNorTheCause(String json) {
      NebulyException.MalformedResponse e = malformed(json);

      assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("SECRET");
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        assertThat(cause.getMessage()).doesNotContain(KEY).doesNotContain("SECRET");
        assertThat(cause.toString()).doesNotContain(KEY);
      }
    }

    @Test
    void neverReachesAnOmissionEvenWhenCutAtTheLimit() {
      String padding = "p".repeat(FieldProblems.QUOTE_LENGTH - 5);
      Conversation c =
          decode(
              "{\"start_session\": \"" + KEY + "\", \"end_session\": \"" + padding + KEY + "\","
                  + " \"tags\": {\"" + KEY + "\": {}, \"" + padding + KEY + "\": []}, \"conversation\": []}");

      assertThat(c.omissions()).hasSize(4);
      for (Omission omission : c.omissions()) {
        assertThat(omission.field() + omission.reason()).doesNotContain(KEY).doesNotContain("SECRET").doesNotContain("nb-S");
      }
      assertThat(c.omissions().get(0).reason()).endsWith("found the text \"***\"");
      assertThat(c.omissions().get(2).field()).isEqualTo("tags[\"***\"]");
    }

    @Test
    void aKeySoShortThatTheParsersMessageCouldHoldItLeavesTheCauseOut() {
      NebulyCodec codec = new NebulyCodec("nb");
      byte[] body = "{\"cost\": nbx}".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> codec.conversation(200, body, body.length, CID))
          .isInstanceOf(NebulyException.MalformedResponse.class)
          .hasNoCause()
          .hasMessageNotContaining("nb");
      byte[] other = "{\"cost\": fals}".getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> codec.conversation(200, other, other.length, CID)).hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theCodecDoesNotShowIt() {
      assertThat(CODEC.toString()).doesNotContain(KEY);
    }
  }

  @Nested
  class DeepLinks {
    private DeepLink interactionLink(String json) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      return CODEC.interactionLink(200, body, body.length, InteractionId.of("i-1"));
    }

    @Test
    void readsBothLinks() {
      byte[] body = "{\"url\": \" http://127.0.0.1:8080/c \", \"extra\": 1}".getBytes(StandardCharsets.UTF_8);
      DeepLink conversation = CODEC.conversationLink(200, body, body.length, CID);
      assertThat(conversation.target()).isEqualTo(LinkTarget.CONVERSATION);
      assertThat(conversation.targetId()).isEqualTo("c-1");
      assertThat(conversation.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/c"));

      DeepLink interaction = interactionLink("{\"url\": \"https://v2.platform.eu.nebuly.com/live-activity?x=1\"}");
      assertThat(interaction.target()).isEqualTo(LinkTarget.INTERACTION);
      assertThat(interaction.targetId()).isEqualTo("i-1");
    }

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "{} | url is null or absent; expected an absolute http(s) URL",
          "{\"url\": null} | url is null or absent; expected an absolute http(s) URL",
          "{\"url\": \"  \"} | url: expected an absolute http(s) URL, found the text \"\"",
          "{\"url\": \"/relative/path\"} | url: expected an absolute http(s) URL, found the text \"/relative/path\"",
          "{\"url\": \"javascript:alert(1)\"} | url: expected an absolute http(s) URL, found the text \"javascript:alert(1)\"",
          "{\"url\": \"https://bad host/\"} | url: expected an absolute http(s) URL, found the text \"https://bad host/\" (not a valid URI)",
          "{\"url\": [\"https://x.example\"]} | url: expected an absolute http(s) URL, found an array [\"https://x.example\"]",
          "[] | the body: expected a JSON object, found an array []",
        })
    void refusesUnusableLinksSayingWhy(String json, String message) {
      assertThatThrownBy(() -> interactionLink(json))
          .isInstanceOf(NebulyException.MalformedResponse.class)
          .hasMessageContaining(message);
    }
  }

  @Test
  void argumentsAreChecked() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new NebulyCodec(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> CODEC.conversation(200, body, 2, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requested");
    assertThatThrownBy(() -> CODEC.conversation(200, null, 0, CID)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    assertThatThrownBy(() -> CODEC.conversation(200, body, 3, CID)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
    assertThatThrownBy(() -> CODEC.interactionLink(200, body, -1, InteractionId.of("i"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODEC.conversationLink(200, body, 2, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODEC.conversationDetailRequest(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesTheDetailRequest() {
    assertThat(new String(CODEC.conversationDetailRequest(ConversationId.of("a\"b")), StandardCharsets.UTF_8))
        .isEqualTo("{\"conversation_id\":\"a\\\"b\"}");
  }
}
