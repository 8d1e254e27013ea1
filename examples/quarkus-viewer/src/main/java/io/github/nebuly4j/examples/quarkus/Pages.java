package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.demo.DemoConversation;
import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.ViewerError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The viewer's pages, checked against their templates in {@code templates/} at build time. */
@CheckedTemplate
public final class Pages {
  private Pages() {}

  /**
   * The page of one conversation.
   *
   * @param conversation the conversation
   * @param embedded whether it comes from the embedded demo backend
   * @return the page
   */
  public static native TemplateInstance conversation(ConversationView conversation, boolean embedded);

  /**
   * The page shown instead of a conversation.
   *
   * @param error what went wrong
   * @return the page
   */
  public static native TemplateInstance error(ViewerError error);

  /**
   * The start page.
   *
   * @param demos the demo conversations to list, none on a configured Nebuly
   * @param embedded whether the viewer serves the embedded demo backend
   * @return the page
   */
  public static native TemplateInstance start(List<DemoConversation> demos, boolean embedded);
}
