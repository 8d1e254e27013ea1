package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.util.List;

/**
 * What the start page shows: whether the viewer serves the embedded demo Nebuly, an example id for
 * the form that opens a conversation, and a list of conversations (the demo ones on the embedded
 * fake, none yet on a configured Nebuly).
 *
 * @param embedded whether the viewer serves the embedded demo backend
 * @param exampleId the id the form shows as an example: a demo conversation's
 * @param conversations the conversations to list, newest first
 */
public record StartView(boolean embedded, String exampleId, List<ConversationRow> conversations) {

  /**
   * Returns the start page of a viewer.
   *
   * @param embedded whether the viewer serves the embedded demo backend, whose conversations it
   *     then lists
   * @return the view
   */
  public static StartView of(boolean embedded) {
    return new StartView(
        embedded,
        DemoConversations.all().get(0).conversation().id().value(),
        embedded ? DemoConversations.all().stream().map(ConversationRow::of).toList() : List.of());
  }
}
