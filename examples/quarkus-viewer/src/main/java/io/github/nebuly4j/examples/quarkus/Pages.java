package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.StartView;
import io.github.nebuly4j.examples.view.ViewerError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The viewer's pages, checked against their templates at build time. The templates are
 * nebuly4j-example-demo-data's ({@code templates/}), which the Vert.x viewer renders too.
 */
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
   * @param start what it shows
   * @return the page
   */
  public static native TemplateInstance start(StartView start);
}
