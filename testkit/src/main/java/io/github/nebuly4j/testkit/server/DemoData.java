package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The conversations and links that the standalone server serves when it is given no seed file. */
final class DemoData {
  /** The demo's first conversation, as the documentation's example. */
  static final ConversationId FIRST = ConversationId.of("3f2b6c1e-8a4d-4e57-9b1a-2c7d5e9f0a11");

  /** The demo's second conversation, with nothing Nebuly flagged and a fraction of a cost. */
  static final ConversationId SECOND = ConversationId.of("7c9e4d2a-1b3f-4a68-8e5d-0f6a2b4c8d22");

  private static final OfflineDeepLinks LINKS =
      OfflineDeepLinks.builder()
          .projectId(ProjectId.of("demo-project"))
          .organizationId(OrganizationId.of("demo-organization"))
          .build();

  private DemoData() {}

  static List<Conversation> conversations() {
    Instant start = Instant.parse("2024-05-30T09:27:52.420Z");
    Conversation first =
        Conversation.builder()
            .id(FIRST)
            .sessionLength(2)
            .sessionTime(Duration.ofMillis(12_500))
            .startSession(start)
            .endSession(start.plusMillis(12_500))
            .cost(MicroDollars.parse("1523.75"))
            .putTags("channel", "web")
            .putTags("plan", "enterprise")
            .addEmotions("curiosity", "satisfaction")
            .putCustomAggregates("resolved", "true")
            .addInteractions(
                Interaction.builder()
                    .id(InteractionId.of("a1e5c3d7-2f4b-4c6e-8a9d-1b3c5e7f9a01"))
                    .input("How do I reset my password?")
                    .output("Open Settings, then Security, then choose 'Reset password'.")
                    .timestamp(start)
                    .endTimestamp(start.plusMillis(4_200))
                    .userQuery("reset password")
                    .topic("Account access")
                    .sentiment("neutral")
                    .build(),
                Interaction.builder()
                    .id(InteractionId.of("b2f6d4e8-3a5c-4d7f-9b0e-2c4d6f8a0b02"))
                    .input("It says my link expired.")
                    .output("Links last 15 minutes; I have sent you a new one.")
                    .timestamp(start.plusMillis(8_000))
                    .endTimestamp(start.plusMillis(12_500))
                    .userQuery("reset link expired")
                    .topic("Account access")
                    .sentiment("negative")
                    .businessIssue("Expired reset links")
                    .build())
            .build();
    Instant later = Instant.parse("2024-06-02T14:03:11.007Z");
    Conversation second =
        Conversation.builder()
            .id(SECOND)
            .sessionLength(1)
            .sessionTime(Duration.ofMillis(2_250))
            .startSession(later)
            .endSession(later.plusMillis(2_250))
            .cost(MicroDollars.parse("0.1"))
            .addInteractions(
                Interaction.builder()
                    .id(InteractionId.of("c3a7e5f9-4b6d-4e8a-8c1f-3d5e7a9b1c03"))
                    .input("Bonjour, quels sont vos horaires ?")
                    .output("Nous sommes ouverts de 9 h à 18 h, du lundi au vendredi.")
                    .timestamp(later)
                    .endTimestamp(later.plusMillis(2_250))
                    .build())
            .build();
    return List.of(first, second);
  }

  /**
   * Seeds the demo conversations, lists them and their interactions, and serves a link to each of
   * them and of their interactions.
   */
  static void seed(FakeNebulyServer server) {
    for (Conversation conversation : conversations()) {
      server.seedListed(conversation);
      server.seedConversationLink(conversation.id(), LINKS.linkTo(conversation.id()).uri());
      conversation
          .interactions()
          .forEach(
              interaction ->
                  server.seedInteractionLink(
                      interaction.id(), LINKS.linkTo(interaction.id()).uri()));
    }
  }
}
