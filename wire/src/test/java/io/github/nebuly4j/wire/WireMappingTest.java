package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import java.math.BigDecimal;
import java.net.URI;
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

/** Binds real JSON with a default ObjectMapper, as the adapters do, then maps it. */
class WireMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConversationId CID = ConversationId.of("c-1");

  private static final String INTERACTION =
      "{\"id\": \"i-1\", \"input\": \"hi\", \"output\": \"hello\","
          + " \"timestamp\": \"2024-05-30T09:27:52.420Z\", \"end_timestamp\": \"2024-05-30T09:27:55Z\"}";

  static ConversationDocument bind(String json) throws JsonProcessingException {
    return JSON.readValue(json, ConversationDocument.class);
  }

  static Conversation map(String json) throws JsonProcessingException {
    return WireMapping.toConversation(bind(json), CID, 200);
  }

  static Conversation withInteraction(String interactionJson) throws JsonProcessingException {
    return map("{\"id\": \"c-1\", \"conversation\": [" + interactionJson + "]}");
  }

  static Conversation withField(String name, String jsonValue) throws JsonProcessingException {
    return map("{\"id\": \"c-1\", \"" + name + "\": " + jsonValue + "}");
  }

  static Instant timestampOf(String text) throws JsonProcessingException {
    return withInteraction(INTERACTION.replace("2024-05-30T09:27:52.420Z", text))
        .interactions()
        .get(0)
        .timestamp()
        .orElseThrow();
  }

  static NebulyException.MalformedResponse malformed(ThrowingCall call) {
    try {
      call.run();
    } catch (NebulyException.MalformedResponse e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected MalformedResponse, got " + e, e);
    }
    throw new AssertionError("expected MalformedResponse, got a result");
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void mapsTheDocumentedExampleCompletely() throws Exception {
    Conversation c =
        map(
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
    assertThat(c.sessionLength()).isEqualTo(OptionalInt.of(2));
    assertThat(c.sessionTime()).contains(Duration.ofMillis(12_500));
    assertThat(c.startSession()).contains(Instant.parse("2024-05-30T09:27:52.420Z"));
    assertThat(c.endSession()).contains(Instant.parse("2024-05-30T09:28:04.920Z"));
    assertThat(c.cost()).contains(MicroDollars.ofMicros(new BigDecimal("1523.75")));
    assertThat(c.tags()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "a"));
    assertThat(c.emotions()).containsExactly("joy", "anger");
    assertThat(c.customAggregates()).containsExactly(Map.entry("score", "7"));
    assertThat(c.interactions()).hasSize(2);

    Interaction first = c.interactions().get(0);
    assertThat(first.id()).isEqualTo(InteractionId.of("i-1"));
    assertThat(first.input()).contains("hi");
    assertThat(first.output()).contains("hello");
    assertThat(first.timestamp()).contains(Instant.parse("2024-05-30T09:27:52.420Z"));
    assertThat(first.endTimestamp()).contains(Instant.parse("2024-05-30T09:27:55Z"));
    assertThat(first.userQuery()).isEmpty();
    assertThat(first.businessIssue()).isEmpty();

    Interaction second = c.interactions().get(1);
    assertThat(second.timestamp()).contains(Instant.parse("2024-05-30T09:28:00Z"));
    assertThat(second.endTimestamp()).contains(Instant.parse("2024-05-30T09:28:04.920Z"));
    assertThat(second.userQuery()).contains("uq");
    assertThat(second.topic()).contains("t");
    assertThat(second.sentiment()).contains("s");
    assertThat(second.typeOfRisk()).contains("r");
    assertThat(second.moderationIssue()).contains("m");
    assertThat(second.businessIssue()).contains("b");
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
          "2024-05-30T09:27:52.123456Z | 2024-05-30T09:27:52.123456Z",
          "2024-05-30T09:27:52 | 2024-05-30T09:27:52Z",
          "2024-05-30T09:27:52.420 | 2024-05-30T09:27:52.420Z",
          "2024-05-30 09:27:52.420 | 2024-05-30T09:27:52.420Z",
          "2024-05-30 09:27:52+00:00 | 2024-05-30T09:27:52Z",
          "2024-05-30T11:27:52+02:00 | 2024-05-30T09:27:52Z",
          "2024-05-30T11:27:52.5+0200 | 2024-05-30T09:27:52.500Z",
          "2024-05-30T04:27:52-05 | 2024-05-30T09:27:52Z",
          "2024-05-30T09:27:52.000000+00:00 | 2024-05-30T09:27:52Z",
          "2024-05-30T09:27z | 2024-05-30T09:27:00Z",
          "' 2024-05-30T09:27:52Z ' | 2024-05-30T09:27:52Z",
        })
    void acceptsEveryPythonForm(String text, String expected) throws Exception {
      assertThat(timestampOf(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "yesterday",
          "2024-05-30",
          "2024-13-30T09:27:52Z",
          "2024-02-30T09:27:52Z",
          "2024-05-30T25:00:00Z",
          "2024-05-30T09:27:52.1234567891Z",
          "2024-05-30T09:27:52+25:00",
          "2024-05-30X09:27:52Z",
          "1717061272"
        })
    void rejectsOtherTextNamingThePath(String text) {
      var e = malformed(() -> timestampOf(text));
      assertThat(e.getMessage()).contains("conversation[0].timestamp is not an ISO-8601 date-time");
      assertThat(e.httpStatus()).hasValue(200);
    }

    @Test
    void aNumberIsNotATimestampEither() {
      var e =
          malformed(() -> withInteraction(INTERACTION.replace("\"2024-05-30T09:27:55Z\"", "1717061272")));
      // Jackson binds the number as its text; the parser then refuses it.
      assertThat(e.getMessage()).contains("conversation[0].end_timestamp is not an ISO-8601 date-time");
    }

    @Test
    void optionalSessionTimestampsAreCheckedToo() {
      var e = malformed(() -> withField("end_session", "\"soon\""));
      assertThat(e.getMessage()).contains("end_session is not an ISO-8601 date-time");
    }

    @Test
    void aHugeTimestampIsRefusedWithoutQuotingIt() {
      String huge = "2024-05-30T09:27:52." + "1".repeat(5000) + "Z";
      var e = malformed(() -> timestampOf(huge));
      assertThat(e.getMessage()).contains("conversation[0].timestamp").doesNotContain("1111111111");
    }
  }

  @Nested
  class Numbers {
    @Test
    void costIsExact() throws Exception {
      Conversation c = withField("cost", "1523.75");
      assertThat(c.cost().orElseThrow().micros()).isEqualByComparingTo("1523.75");
      assertThat(c.costInDollars()).contains(new BigDecimal("0.00152375"));
    }

    @Test
    void costsSumExactly() throws Exception {
      MicroDollars a = withField("cost", "0.1").cost().orElseThrow();
      MicroDollars b = withField("cost", "0.2").cost().orElseThrow();
      assertThat(a.plus(b).micros()).isEqualByComparingTo("0.3");
      // A double would give 0.30000000000000004.
      assertThat(0.1 + 0.2).isNotEqualTo(0.3);
    }

    @Test
    void costKeepsManyDigitsThatADoubleWouldLose() throws Exception {
      assertThat(withField("cost", "12345678901234567.123456789").cost().orElseThrow().micros())
          .isEqualByComparingTo("12345678901234567.123456789");
    }

    @Test
    void aNegativeCostIsMalformed() {
      assertThat(malformed(() -> withField("cost", "-1")).getMessage()).contains("cost must not be negative, got -1");
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
    void sessionTimeIsExactToTheNanosecondAndRoundsHalfEven(String json, String expected) throws Exception {
      assertThat(withField("session_time", json).sessionTime()).contains(Duration.parse(expected));
    }

    @Test
    void hugeNegativeExponentsAreRefusedCheaply() {
      assertThat(malformed(() -> withField("cost", "-1e999999999")).getMessage())
          .contains("cost must not be negative, got -1E+999999999");
      assertThat(malformed(() -> withField("session_time", "-1e999999999")).getMessage())
          .contains("session_time must not be negative, got -1E+999999999");
      assertThat(malformed(() -> withField("session_length", "-1e999999999")).getMessage())
          .contains("session_length must not be negative, got -1E+999999999");
      assertThat(malformed(() -> withField("cost", "1e999999999")).getMessage()).contains("cost is not a valid cost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.5", "1e12", "1e999999"})
    void negativeOrAbsurdSessionTimeIsMalformed(String json) {
      assertThat(malformed(() -> withField("session_time", json)).getMessage()).contains("session_time");
    }

    @ParameterizedTest
    @CsvSource({"3, 3", "3.0, 3", "3.000, 3", "0, 0", "3e0, 3", "2147483647, 2147483647"})
    void sessionLengthAcceptsWholeNumbers(String json, int expected) throws Exception {
      assertThat(withField("session_length", json).sessionLength()).isEqualTo(OptionalInt.of(expected));
    }

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "3.5 | session_length must be a whole number",
          "-1 | session_length must not be negative",
          "2147483648 | session_length is too large",
          "1e999999 | session_length is too large"
        })
    void sessionLengthRejectsOtherNumbers(String json, String message) {
      assertThat(malformed(() -> withField("session_length", json)).getMessage()).contains(message);
    }
  }

  @Nested
  class TagsAndAggregates {
    @Test
    void numbersAndBooleansKeepTheirJsonText() throws Exception {
      Conversation c =
          map(
              "{\"id\": \"c-1\", \"tags\": {\"a\": 1.10, \"b\": true, \"c\": 42, \"d\": \"x\", \"e\": false, \"f\": 1e3},"
                  + " \"custom_aggregates\": {\"n\": 0.5}}");
      assertThat(c.tags())
          .containsExactly(
              Map.entry("a", "1.10"),
              Map.entry("b", "true"),
              Map.entry("c", "42"),
              Map.entry("d", "x"),
              Map.entry("e", "false"),
              Map.entry("f", "1e3"));
      assertThat(c.customAggregates()).containsExactly(Map.entry("n", "0.5"));
    }

    @Test
    void nullValuesAreDropped() throws Exception {
      Conversation c =
          map("{\"id\": \"c-1\", \"tags\": {\"a\": null, \"b\": \"x\"}, \"custom_aggregates\": {\"z\": null}}");
      assertThat(c.tags()).containsExactly(Map.entry("b", "x"));
      assertThat(c.customAggregates()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\": 1}", "[1, 2]"})
    void aNestedValueFailsToBindAndIsReportedAsMalformedByTheAdapter(String nested) {
      // Documented rule: a nested object or array as a tag value is a MalformedResponse.
      assertThatThrownBy(() -> bind("{\"id\": \"c-1\", \"tags\": {\"a\": " + nested + "}}"))
          .isInstanceOf(JsonProcessingException.class)
          .satisfies(
              e -> {
                var report = new ErrorDecoder("k3y", body -> null).unreadableBody(200, e);
                assertThat(report.getMessage()).contains("not the expected JSON document");
                assertThat(report.httpStatus()).hasValue(200);
              });
    }

    @Test
    void nullEmotionsAreDropped() throws Exception {
      assertThat(withField("emotions", "[\"joy\", null, \"fear\"]").emotions()).containsExactly("joy", "fear");
    }
  }

  @Nested
  class NullsAndAbsences {
    @Test
    void everyNullableFieldMayBeNull() throws Exception {
      Conversation c =
          map(
              "{\"id\": \"c-1\", \"session_length\": null, \"session_time\": null, \"start_session\": null,"
                  + " \"end_session\": null, \"cost\": null, \"tags\": null, \"emotions\": null,"
                  + " \"custom_aggregates\": null, \"conversation\": null}");
      assertEmpty(c);
    }

    @Test
    void everyNullableFieldMayBeAbsent() throws Exception {
      assertEmpty(map("{\"id\": \"c-1\"}"));
    }

    private void assertEmpty(Conversation c) {
      assertThat(c.sessionLength()).isEmpty();
      assertThat(c.sessionTime()).isEmpty();
      assertThat(c.startSession()).isEmpty();
      assertThat(c.endSession()).isEmpty();
      assertThat(c.cost()).isEmpty();
      assertThat(c.tags()).isEmpty();
      assertThat(c.emotions()).isEmpty();
      assertThat(c.customAggregates()).isEmpty();
      assertThat(c.interactions()).isEmpty();
    }

    @Test
    void anEmptyConversationArrayIsEmpty() throws Exception {
      assertThat(map("{\"id\": \"c-1\", \"conversation\": []}").interactions()).isEmpty();
    }

    @Test
    void nullableInteractionFieldsMayBeNull() throws Exception {
      Interaction i =
          withInteraction(
                  INTERACTION.replace(
                      "}",
                      ", \"user_query\": null, \"topic\": null, \"sentiment\": null, \"type_of_risk\": null,"
                          + " \"moderation_issue\": null, \"business_issue\": null}"))
              .interactions()
              .get(0);
      assertThat(List.of(i.userQuery(), i.topic(), i.sentiment(), i.typeOfRisk(), i.moderationIssue(), i.businessIssue()))
          .containsOnly(Optional.empty());
      assertThat(i.hasIssue()).isFalse();
    }

    @Test
    void unknownFieldsAreIgnoredEverywhere() throws Exception {
      Conversation c =
          map(
              "{\"id\": \"c-1\", \"brand_new\": {\"deep\": [1, 2]}, \"conversation\": ["
                  + INTERACTION.replace("}", ", \"future_field\": [true], \"another\": null}")
                  + "]}");
      assertThat(c.interactions()).extracting(Interaction::input).containsExactly(java.util.Optional.of("hi"));
      assertThat(JSON.readValue("{\"url\": \"https://x.example/a\", \"extra\": 1}", DeepLinkDocument.class).url())
          .isEqualTo("https://x.example/a");
      assertThat(JSON.readValue("{\"detail\": \"d\", \"extra\": 1}", ErrorDocument.class).detail()).isEqualTo("d");
    }

    @Test
    void aNullBodyIsMalformed() {
      assertThat(malformed(() -> WireMapping.toConversation(JSON.readValue("null", ConversationDocument.class), CID, 200)).getMessage())
          .contains("the body is null");
    }
  }

  @Nested
  class RequiredFields {
    @ParameterizedTest
    @ValueSource(strings = {"id"})
    void aMissingInteractionFieldNamesItsPath(String field) throws Exception {
      String other = INTERACTION.replace("i-1", "i-0");
      String broken = removeField(INTERACTION, field);
      var e =
          malformed(
              () -> map("{\"id\": \"c-1\", \"conversation\": [" + other + ", " + other + ", " + other + ", " + broken + "]}"));
      assertThat(e.getMessage()).contains("conversation[3]." + field + " is missing");
      assertThat(e.getCause()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"input", "output", "timestamp", "end_timestamp"})
    void aMissingOrNullOptionalInteractionFieldIsAbsent(String field) throws Exception {
      Interaction withoutIt = withInteraction(removeField(INTERACTION, field)).interactions().get(0);
      Interaction withNull = withInteraction(nullField(INTERACTION, field)).interactions().get(0);
      assertThat(withNull).isEqualTo(withoutIt);
      assertThat(withoutIt.id().value()).isEqualTo("i-1");
      assertThat(java.util.List.of(withoutIt.input(), withoutIt.output(), withoutIt.timestamp(), withoutIt.endTimestamp()))
          .filteredOn(java.util.Optional::isEmpty)
          .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id"})
    void aNullInteractionFieldIsMissingToo(String field) {
      String broken = nullField(INTERACTION, field);
      assertThat(malformed(() -> withInteraction(broken)).getMessage())
          .contains("conversation[0]." + field + " is missing");
    }

    @Test
    void aMissingConversationIdIsNamed() {
      assertThat(malformed(() -> map("{\"conversation\": []}")).getMessage()).contains("id is missing");
    }

    @Test
    void aNullInteractionIsNamed() {
      assertThat(malformed(() -> map("{\"id\": \"c-1\", \"conversation\": [" + INTERACTION + ", null]}")).getMessage())
          .contains("conversation[1] is null");
    }

    @Test
    void anInvalidInteractionIdIsMalformedWithoutQuotingIt() {
      var e = malformed(() -> withInteraction(INTERACTION.replace("\"i-1\"", "\"   \"")));
      assertThat(e.getMessage()).contains("conversation[0].id is not a valid interaction id");
    }

    @Test
    void anotherConversationThanTheOneAskedForIsMalformed() {
      var e = malformed(() -> WireMapping.toConversation(bind("{\"id\": \"c-2\"}"), CID, 200));
      assertThat(e.getMessage()).contains("id is not the conversation that was asked for");
    }

    private String removeField(String json, String field) {
      String result = json.replaceAll("\"" + field + "\": \"[^\"]*\",? ?", "");
      assertThat(result).isNotEqualTo(json);
      return result.replace(", }", "}").replace(",}", "}");
    }

    private String nullField(String json, String field) {
      String result = json.replaceAll("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": null");
      assertThat(result).isNotEqualTo(json);
      return result;
    }
  }

  @Nested
  class DeepLinks {
    @Test
    void mapsAnInteractionLink() throws Exception {
      DeepLinkDocument doc = JSON.readValue("{\"url\": \"https://v2.platform.eu.nebuly.com/live-activity?x=1\"}", DeepLinkDocument.class);
      DeepLink link = WireMapping.toInteractionLink(doc, InteractionId.of("i-1"), 200);
      assertThat(link.uri()).isEqualTo(URI.create("https://v2.platform.eu.nebuly.com/live-activity?x=1"));
      assertThat(link.target()).isEqualTo(LinkTarget.INTERACTION);
      assertThat(link.targetId()).isEqualTo("i-1");
    }

    @Test
    void mapsAConversationLink() throws Exception {
      DeepLinkDocument doc = JSON.readValue("{\"url\": \"http://127.0.0.1:8080/c\"}", DeepLinkDocument.class);
      DeepLink link = WireMapping.toConversationLink(doc, CID, 200);
      assertThat(link.target()).isEqualTo(LinkTarget.CONVERSATION);
      assertThat(link.targetId()).isEqualTo("c-1");
      assertThat(link.uri()).hasHost("127.0.0.1").hasPort(8080);
    }

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "{} | url is missing",
          "{\"url\": null} | url is missing",
          "{\"url\": \"  \"} | url is blank",
          "{\"url\": \"/relative/path\"} | url is not an absolute http(s) URL",
          "{\"url\": \"ftp://x.example/a\"} | url is not an absolute http(s) URL",
          "{\"url\": \"javascript:alert(1)\"} | url is not an absolute http(s) URL",
          "{\"url\": \"https://bad host/\"} | url is not a valid URI",
          "null | the body is null"
        })
    void rejectsUnusableLinks(String json, String message) throws Exception {
      DeepLinkDocument doc = JSON.readValue(json, DeepLinkDocument.class);
      assertThat(malformed(() -> WireMapping.toInteractionLink(doc, InteractionId.of("i"), 200)).getMessage())
          .contains(message);
      assertThat(malformed(() -> WireMapping.toConversationLink(doc, CID, 200)).getMessage()).contains(message);
    }

    @Test
    void argumentsAreChecked() {
      DeepLinkDocument doc = new DeepLinkDocument("https://x.example");
      assertThatThrownBy(() -> WireMapping.toInteractionLink(doc, null, 200))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requested");
      assertThatThrownBy(() -> WireMapping.toConversationLink(doc, CID, 99))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("httpStatus");
      assertThatThrownBy(() -> WireMapping.toConversation(new ConversationDocument("c-1", null, null, null, null, null, null, null, null, null), null, 200))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
