package io.github.nebuly4j.core;

import java.net.URI;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A link into Nebuly's Live Activity page that opens one interaction or one conversation.
 *
 * <p>Create one with {@link DeepLink#toInteraction(InteractionId, URI)} or {@link
 * DeepLink#toConversation(ConversationId, URI)}. The URI is absolute and http(s).
 */
@Value.Immutable
abstract class AbstractDeepLink {

  /**
   * The link itself, ready to put in an {@code href}. From Nebuly's deep-link API it is the answer's
   * {@code url}: a JSON string (surrounding whitespace ignored) that is an absolute http(s) URL.
   * Required: a {@code url} that is null, absent, of another type or not such a URL fails the call
   * with {@code MalformedResponse} naming {@code url}.
   */
  public abstract URI uri();

  /** What the link opens. */
  public abstract LinkTarget target();

  /** The id of the interaction or conversation the link opens. */
  public abstract String targetId();

  /**
   * Returns a link to an interaction.
   *
   * @param id the interaction
   * @param uri the link
   * @return the deep link
   * @throws IllegalArgumentException if an argument is null or the URI is not absolute http(s)
   */
  public static DeepLink toInteraction(InteractionId id, URI uri) {
    return link(LinkTarget.INTERACTION, id == null ? null : id.value(), uri);
  }

  /**
   * Returns a link to a conversation.
   *
   * @param id the conversation
   * @param uri the link
   * @return the deep link
   * @throws IllegalArgumentException if an argument is null or the URI is not absolute http(s)
   */
  public static DeepLink toConversation(ConversationId id, URI uri) {
    return link(LinkTarget.CONVERSATION, id == null ? null : id.value(), uri);
  }

  private static DeepLink link(LinkTarget target, String id, URI uri) {
    if (id == null) {
      throw new IllegalArgumentException("the id of a deep link must not be null");
    }
    return DeepLink.builder().uri(uri).target(target).targetId(id).build();
  }

  @Value.Check
  void check() {
    String scheme = uri().getScheme() == null ? "" : uri().getScheme().toLowerCase(Locale.ROOT);
    if (!uri().isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri().getHost() == null) {
      throw new IllegalArgumentException("a deep link must be an absolute http(s) URL, got '" + uri() + "'");
    }
  }
}
