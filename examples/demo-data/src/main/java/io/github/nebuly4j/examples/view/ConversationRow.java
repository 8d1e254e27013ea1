package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of the start page's list: what a conversation listing says about a conversation, and
 * the page it opens. A demo conversation also gets its title, language and first input, which a
 * listing does not carry.
 *
 * @param id the conversation's id
 * @param title a short description: a demo conversation's title, otherwise its topics or its id
 * @param language the language of a demo conversation, or null
 * @param preview a demo conversation's first input, or an empty text
 * @param startText when the session started, for people
 * @param interactionsText how many interactions it has, for people
 * @param costText its cost for people
 * @param sessionTimeText how long the session lasted, for people
 * @param page the viewer's path of its page
 */
public record ConversationRow(
    String id,
    String title,
    String language,
    String preview,
    String startText,
    String interactionsText,
    String costText,
    String sessionTimeText,
    String page) {

  private static final String NOT_REPORTED = "not reported";

  /**
   * Returns the row of a listed conversation.
   *
   * @param summary the listing's row
   * @return the row
   */
  public static ConversationRow of(ConversationSummary summary) {
    Optional<DemoConversation> demo = DemoConversations.find(summary.id());
    String title =
        demo.map(DemoConversation::title)
            .orElseGet(() -> summary.topics().isEmpty() ? "Conversation " + summary.id().value() : String.join(", ", summary.topics()));
    return new ConversationRow(
        summary.id().value(),
        title,
        demo.map(DemoConversation::language).orElse(null),
        demo.map(DemoConversation::conversation).flatMap(ConversationRow::firstInput).orElse(""),
        summary.startSession().map(Texts::time).orElse(NOT_REPORTED),
        interactions(summary.interactionCount()),
        summary.cost().map(Texts::cost).orElse(NOT_REPORTED),
        summary.sessionTime().map(Decimals::seconds).map(Texts::seconds).orElse(NOT_REPORTED),
        NebulyRoutes.page(summary.id()));
  }

  private static String interactions(OptionalInt count) {
    if (count.isEmpty()) {
      return "interactions " + NOT_REPORTED;
    }
    return count.getAsInt() + (count.getAsInt() == 1 ? " interaction" : " interactions");
  }

  private static Optional<String> firstInput(Conversation conversation) {
    return conversation.interactions().stream().findFirst().flatMap(interaction -> interaction.input());
  }
}
