package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.spi.Arguments;
import java.util.List;
import java.util.Optional;

/**
 * The listing rows of a conversation, derived from it, so that a test (or a demo) seeded with whole
 * conversations can list them too: in the in-memory listing fakes, or in {@code FakeNebulyServer}
 * ({@code seedListed}). Nebuly's own aggregation is not published; these are testkit's rules, and
 * what a conversation does not carry (end users, feedback, latencies, languages) stays absent.
 */
public final class ListingSummaries {
  private ListingSummaries() {}

  /**
   * Returns the conversation's row of a conversation listing: its id, the number of its
   * interactions, its cost, session time, start and end, its interactions' topics (each once, in
   * order), the number of its emotions, and each of its tags counted as one value.
   *
   * @param conversation the conversation
   * @return the summary
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  public static ConversationSummary ofConversation(Conversation conversation) {
    Arguments.requireNonNull(conversation, "conversation");
    ConversationSummary.Builder summary =
        ConversationSummary.builder()
            .id(conversation.id())
            .interactionCount(conversation.interactions().size())
            .cost(conversation.cost())
            .sessionTime(conversation.sessionTime())
            .startSession(conversation.startSession())
            .endSession(conversation.endSession())
            .addAllTopics(
                conversation.interactions().stream().map(Interaction::topic).flatMap(Optional::stream).distinct().toList())
            .emotionCount(conversation.emotions().size());
    conversation.tags().keySet().forEach(tag -> summary.putTagValueCounts(tag, 1));
    return summary.build();
  }

  /**
   * Returns the rows of an interaction search for the conversation's interactions, in order: each
   * with its conversation's id, its texts, user query, timestamps, topic and sentiment, and its
   * conversation's tags.
   *
   * @param conversation the conversation
   * @return one summary per interaction
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  public static List<InteractionSummary> ofInteractions(Conversation conversation) {
    Arguments.requireNonNull(conversation, "conversation");
    return conversation.interactions().stream()
        .map(
            interaction ->
                InteractionSummary.builder()
                    .id(interaction.id())
                    .conversationId(conversation.id())
                    .input(interaction.input())
                    .output(interaction.output())
                    .userQuery(interaction.userQuery())
                    .timestamp(interaction.timestamp())
                    .endTimestamp(interaction.endTimestamp())
                    .topic(interaction.topic())
                    .sentiment(interaction.sentiment())
                    .tags(conversation.tags())
                    .build())
        .toList();
  }
}
