package io.github.nebuly4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.RequestViolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden documents, taken from the API pages, pin the writer field for field. */
class NebulyDocumentsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void writesTheDocumentedConversationDocument() throws IOException {
    Instant start = Instant.parse("2024-05-30T09:27:52.420Z");
    Conversation conversation =
        Conversation.builder()
            .id(ConversationId.of("3f2b6c1e-8a4d-4e57-9b1a-2c7d5e9f0a11"))
            .sessionLength(3)
            .sessionTime(Duration.ofMillis(12_500))
            .startSession(start)
            .endSession(Instant.parse("2024-05-30T09:28:04.920Z"))
            .cost(MicroDollars.parse("1523.75"))
            .putTags("channel", "web")
            .putTags("plan", "enterprise")
            .addEmotions("curiosity", "frustration")
            .putCustomAggregates("resolved", "true")
            .addInteractions(
                Interaction.builder()
                    .id(InteractionId.of("a1e5c3d7-2f4b-4c6e-8a9d-1b3c5e7f9a01"))
                    .input("How do I reset my password?")
                    .output("Open Settings, then Security, then choose 'Reset password'.")
                    .timestamp(start)
                    .endTimestamp(Instant.parse("2024-05-30T09:27:56.620Z"))
                    .userQuery("reset password")
                    .topic("Account access")
                    .sentiment("neutral")
                    .typeOfRisk("none")
                    .moderationIssue("none")
                    .businessIssue("password reset friction")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("b2f6d4e8-3a5c-4d7f-9b0e-2c4d6f8a0b02"))
                    .input("It says my link expired.")
                    .output("Links last 15 minutes; I have sent you a new one.")
                    .timestamp(Instant.parse("2024-05-30T09:28:00.420Z"))
                    .endTimestamp(Instant.parse("2024-05-30T09:28:04.920Z"))
                    .build())
            .build();

    assertThat(tree(NebulyDocuments.conversation(conversation)))
        .isEqualTo(golden("conversation-details.json"));
  }

  @Test
  void writesAbsentOptionalsAsNullAndEmptyCollectionsAsEmpty() throws IOException {
    Conversation empty =
        Conversation.builder().id(ConversationId.of("7c9e4d2a-1b3f-4a68-8e5d-0f6a2b4c8d22")).build();

    assertThat(tree(NebulyDocuments.conversation(empty)))
        .isEqualTo(golden("conversation-minimal.json"));
  }

  @Test
  void writesTheDeepLinkAndErrorDocuments() throws IOException {
    assertThat(
            tree(
                NebulyDocuments.deepLink(
                    URI.create(
                        "https://v2.platform.eu.nebuly.com/live-activity?projectId=p&organizationId=o&interactionId=i&liveActivityPageTab=interactions"))))
        .isEqualTo(golden("deep-link.json"));
    assertThat(
            tree(
                NebulyDocuments.validationError(
                    List.of(
                        new RequestViolation(
                            List.of("body", "conversation_id"), "field required", "value_error.missing")))))
        .isEqualTo(golden("validation-error.json"));
    assertThat(tree(NebulyDocuments.error("Not Found"))).isEqualTo(tree("{\"detail\": \"Not Found\"}"));
  }

  @Test
  void writesTheRowsOfTheListingEndpoints() throws IOException {
    InteractionSummary interaction =
        InteractionSummary.builder()
            .id(InteractionId.of("a1e5c3d7-2f4b-4c6e-8a9d-1b3c5e7f9a01"))
            .conversationId(ConversationId.of("3f2b6c1e-8a4d-4e57-9b1a-2c7d5e9f0a11"))
            .input("How do I reset my password?")
            .output("Open Settings, then Security, then choose 'Reset password'.")
            .userQuery("reset password")
            .endUser("user-42")
            .timestamp(Instant.parse("2024-05-30T09:27:52.420Z"))
            .endTimestamp(Instant.parse("2024-05-30T09:27:56.620Z"))
            .cost(MicroDollars.parse("12.5"))
            .latency(Duration.ofNanos(820_000_001))
            .language("en")
            .topic("Account access")
            .sentiment("neutral")
            .addEmotions("curiosity", "relief")
            .putTags("channel", "web")
            .putTags("plan", "enterprise")
            .addFeedback("thumbs up")
            .build();
    ConversationSummary conversation =
        ConversationSummary.builder()
            .id(ConversationId.of("3f2b6c1e-8a4d-4e57-9b1a-2c7d5e9f0a11"))
            .interactionCount(2)
            .userCount(1)
            .feedbackCount(4)
            .positiveImplicitFeedbackCount(1)
            .negativeImplicitFeedbackCount(2)
            .positiveExplicitFeedbackCount(0)
            .negativeExplicitFeedbackCount(1)
            .cost(MicroDollars.parse("1523.75"))
            .latency(Duration.ofMillis(1_250))
            .sessionTime(Duration.ofMillis(12_500))
            .startSession(Instant.parse("2024-05-30T09:27:52.420Z"))
            .endSession(Instant.parse("2024-05-30T09:28:04.920Z"))
            .addTopics("Account access", "Billing")
            .sentimentScore(-0.25)
            .emotionCount(2)
            .putTagValueCounts("channel", 1)
            .putTagValueCounts("plan", 3)
            .build();

    assertThat(tree(NebulyDocuments.interactionRow(interaction))).isEqualTo(golden("interaction-row.json"));
    assertThat(tree(NebulyDocuments.conversationRow(conversation))).isEqualTo(golden("conversation-row.json"));
    assertThat(NebulyDocuments.conversationRow(conversation)).contains("\"tags\":[{\"tag_name\":\"channel\"");
  }

  @Test
  void writesAbsentMetricsOfARowAsNullAndEmptyOnesAsEmpty() throws IOException {
    assertThat(
            tree(
                NebulyDocuments.interactionRow(
                    InteractionSummary.builder().id(InteractionId.of("b2f6d4e8-3a5c-4d7f-9b0e-2c4d6f8a0b02")).build())))
        .isEqualTo(golden("interaction-row-minimal.json"));
    assertThat(
            tree(
                NebulyDocuments.conversationRow(
                    ConversationSummary.builder().id(ConversationId.of("7c9e4d2a-1b3f-4a68-8e5d-0f6a2b4c8d22")).build())))
        .isEqualTo(golden("conversation-row-minimal.json"));
    assertThatThrownBy(() -> NebulyDocuments.interactionRow(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NebulyDocuments.conversationRow(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesMoneyAndSecondsAsPlainExactDecimals() {
    Conversation conversation =
        Conversation.builder()
            .id(ConversationId.of("exact"))
            .cost(MicroDollars.ofMicros(1000))
            .sessionTime(Duration.ofSeconds(3, 1))
            .build();

    String document = NebulyDocuments.conversation(conversation);

    assertThat(document).contains("\"cost\":1000,").contains("\"session_time\":3.000000001,");
    assertThat(NebulyDocuments.conversation(conversation.withCost(MicroDollars.parse("0.1"))))
        .contains("\"cost\":0.1,");
  }

  @Test
  void secondsAreExactToTheNanosecond() {
    assertThat(NebulyDocuments.seconds(Duration.ZERO)).isEqualTo("0");
    assertThat(NebulyDocuments.seconds(Duration.ofNanos(1))).isEqualTo("0.000000001");
    assertThat(NebulyDocuments.seconds(Duration.ofMillis(12_500))).isEqualTo("12.5");
    assertThat(NebulyDocuments.seconds(Duration.ofSeconds(120))).isEqualTo("120");
  }

  @Test
  void nullArgumentsAreIllegal() {
    assertThatThrownBy(() -> NebulyDocuments.conversation(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NebulyDocuments.deepLink(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in = NebulyDocumentsTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden document " + name).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static JsonNode tree(String json) throws IOException {
    return JSON.readTree(json);
  }
}
