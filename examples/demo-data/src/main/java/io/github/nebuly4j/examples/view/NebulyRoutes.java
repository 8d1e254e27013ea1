package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.PercentEncoding;

/**
 * The viewers' "Open in Nebuly" routes: a page links to {@code /go/interaction/{id}} or {@code
 * /go/conversation/{id}}, and only a click resolves the deep link (see {@link DeepLinkRedirects}),
 * so that showing a page asks Nebuly for no link at all.
 */
public final class NebulyRoutes {
  /** The route of an interaction's link, followed by its percent-encoded id. */
  public static final String INTERACTION = "/go/interaction/";

  /** The route of a conversation's link, followed by its percent-encoded id. */
  public static final String CONVERSATION = "/go/conversation/";

  private NebulyRoutes() {}

  /**
   * Returns the path that opens an interaction in Nebuly.
   *
   * @param id the interaction
   * @return such as {@code /go/interaction/5e1c7a90-…}, the id one percent-encoded segment
   */
  public static String interaction(InteractionId id) {
    return INTERACTION + PercentEncoding.encode(id.value());
  }

  /**
   * Returns the path that opens a conversation in Nebuly.
   *
   * @param id the conversation
   * @return such as {@code /go/conversation/c0a8012e-…}, the id one percent-encoded segment
   */
  public static String conversation(ConversationId id) {
    return CONVERSATION + PercentEncoding.encode(id.value());
  }

  /**
   * Returns the path of a conversation's page in the viewer.
   *
   * @param id the conversation
   * @return such as {@code /conversations/c0a8012e-…}
   */
  public static String page(ConversationId id) {
    return "/conversations/" + PercentEncoding.encode(id.value());
  }
}
