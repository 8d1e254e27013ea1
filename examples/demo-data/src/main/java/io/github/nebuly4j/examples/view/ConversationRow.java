package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.testkit.demo.DemoConversation;

/**
 * One line of the start page's list of conversations: what it says about a conversation, and the
 * page it opens. Made from a demo conversation today; a list of conversations from Nebuly makes
 * the same rows.
 *
 * @param id the conversation's id
 * @param title a short description
 * @param language the language the conversation is held in, or null when unknown
 * @param preview the first input, or an empty text
 * @param interactionCount how many interactions it has
 * @param costText its cost for people
 * @param flagged whether Nebuly flagged any of its interactions
 * @param page the viewer's path of its page
 */
public record ConversationRow(
    String id,
    String title,
    String language,
    String preview,
    int interactionCount,
    String costText,
    boolean flagged,
    String page) {

  /**
   * Returns the row of a demo conversation.
   *
   * @param demo the demo conversation
   * @return the row
   */
  public static ConversationRow of(DemoConversation demo) {
    Conversation conversation = demo.conversation();
    return new ConversationRow(
        conversation.id().value(),
        demo.title(),
        demo.language(),
        conversation.interactions().isEmpty() ? "" : conversation.interactions().get(0).input().orElse(""),
        conversation.interactions().size(),
        conversation.cost().map(Texts::cost).orElse("not reported"),
        conversation.interactions().stream().anyMatch(interaction -> interaction.hasIssue()),
        NebulyRoutes.page(conversation.id()));
  }
}
