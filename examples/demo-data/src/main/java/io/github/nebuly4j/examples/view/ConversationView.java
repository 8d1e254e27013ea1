package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One conversation as the viewers show it and send it as JSON: instants as ISO-8601 text, money
 * and seconds as exact decimal text (never a binary floating-point number), absent values as null.
 *
 * @param id the conversation's id
 * @param sessionLength the number of interactions Nebuly counted, or null
 * @param sessionTimeSeconds the session's time in seconds, as an exact decimal, or null
 * @param startSession when the first interaction started, ISO-8601, or null
 * @param endSession when the last interaction ended, ISO-8601, or null
 * @param costMicros the cost in micro-dollars, as an exact decimal, or null
 * @param costDollars the cost in dollars, as an exact decimal, or null
 * @param costFormatted the cost for people, such as {@code $0.001524}, or null
 * @param tags tag name to value, in Nebuly's order
 * @param emotions the emotions Nebuly detected
 * @param customAggregates custom aggregate name to value, in Nebuly's order
 * @param nebulyLink the link that opens the conversation in Nebuly
 * @param interactions the interactions, in order
 */
public record ConversationView(
    String id,
    Integer sessionLength,
    String sessionTimeSeconds,
    String startSession,
    String endSession,
    String costMicros,
    String costDollars,
    String costFormatted,
    Map<String, String> tags,
    List<String> emotions,
    Map<String, String> customAggregates,
    String nebulyLink,
    List<InteractionView> interactions) {

  /**
   * Returns the view of a conversation.
   *
   * @param conversation the conversation
   * @param link the conversation's deep link
   * @param interactionLinks the deep link of each interaction, in the conversation's order
   * @return the view
   * @throws IllegalArgumentException if there is not one link per interaction
   */
  public static ConversationView of(
      Conversation conversation, DeepLink link, List<DeepLink> interactionLinks) {
    if (interactionLinks.size() != conversation.interactions().size()) {
      throw new IllegalArgumentException(
          "one link per interaction is needed: got "
              + interactionLinks.size()
              + " for "
              + conversation.interactions().size());
    }
    List<InteractionView> interactions =
        IntStream.range(0, interactionLinks.size())
            .mapToObj(
                i -> InteractionView.of(conversation.interactions().get(i), interactionLinks.get(i)))
            .toList();
    return new ConversationView(
        conversation.id().value(),
        conversation.sessionLength().isPresent() ? conversation.sessionLength().getAsInt() : null,
        conversation.sessionTime().map(Decimals::seconds).orElse(null),
        conversation.startSession().map(Instant::toString).orElse(null),
        conversation.endSession().map(Instant::toString).orElse(null),
        conversation.cost().map(cost -> cost.micros().toPlainString()).orElse(null),
        conversation.cost().map(cost -> cost.toDollars().toPlainString()).orElse(null),
        conversation.cost().map(MicroDollars::formatDollars).orElse(null),
        conversation.tags(),
        conversation.emotions(),
        conversation.customAggregates(),
        link.uri().toString(),
        interactions);
  }
}
