package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One conversation as the viewers show it and send it as JSON: instants as ISO-8601 text, money
 * and seconds as exact decimal text (never a binary floating-point number), absent values as null.
 * Its methods without a component ({@link #costText()}, …) are what the page writes for people;
 * the shared templates read them, in Quarkus and in the Vert.x viewer alike.
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
 * @param openInNebuly the viewer's path that opens the conversation in Nebuly ({@link NebulyRoutes})
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
    String openInNebuly,
    List<InteractionView> interactions) {

  /**
   * Returns the view of a conversation. It needs no deep link: each "Open in Nebuly" is a route of
   * the viewer, resolved when it is followed.
   *
   * @param conversation the conversation
   * @return the view
   */
  public static ConversationView of(Conversation conversation) {
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
        NebulyRoutes.conversation(conversation.id()),
        conversation.interactions().stream().map(InteractionView::of).toList());
  }

  /**
   * When the session started, for people.
   *
   * @return such as {@code 30 May 2026, 09:27:52 UTC}, or {@code not reported}
   */
  public String sessionStartText() {
    return Texts.time(startSession, "not reported");
  }

  /**
   * How long the session took, for people.
   *
   * @return such as {@code 1 min 13 s}, or {@code not reported}
   */
  public String sessionTimeText() {
    return sessionTimeSeconds == null ? "not reported" : Texts.seconds(sessionTimeSeconds);
  }

  /**
   * The cost, for people.
   *
   * @return such as {@code $0.001524}, or {@code not reported}
   */
  public String costText() {
    return costMicros == null ? "not reported" : Texts.cost(MicroDollars.parse(costMicros));
  }

  /**
   * How many interactions Nebuly flagged.
   *
   * @return the number of flagged interactions
   */
  public long flaggedCount() {
    return interactions.stream().filter(InteractionView::flagged).count();
  }
}
