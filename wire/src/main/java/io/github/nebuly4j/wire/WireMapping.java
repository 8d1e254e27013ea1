package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns the documents of a 2xx answer into core's domain values. Every problem with the document
 * is a {@link NebulyException.MalformedResponse} whose message names the field's path, such as
 * {@code conversation[3].timestamp is missing}; nothing else escapes.
 *
 * <p>The rules, beyond WIRE.md's: a null tag or aggregate value and a null emotion are dropped; a
 * null {@code conversation} array is an empty one; a {@code session_time} with more than nine
 * fraction digits is rounded half-even to the nanosecond; a negative or absurd (over a century)
 * {@code session_time}, a negative {@code cost}, and a {@code session_length} that is negative or
 * not whole ({@code 3.5}) are malformed. Text values from the server are never quoted in a message.
 */
public final class WireMapping {
  private static final DocumentMapper MAPPER = new DocumentMapperImpl();

  private WireMapping() {}

  /**
   * Maps a conversation document, checking that it is the conversation that was asked for.
   *
   * @param document the bound body; null (a JSON {@code null} body) is malformed
   * @param requested the id sent in the request; a document with another id is malformed, because
   *     answering with someone else's conversation would be a silent wrong value
   * @param httpStatus the answer's status, for the error
   * @return the conversation
   * @throws NebulyException.MalformedResponse naming the field that is missing or wrong
   * @throws IllegalArgumentException if {@code requested} is null or {@code httpStatus} is not 100-599
   */
  public static Conversation toConversation(
      ConversationDocument document, ConversationId requested, int httpStatus) {
    Arguments.requireNonNull(requested, "requested");
    requireStatus(httpStatus);
    if (document == null) {
      throw new NebulyException.MalformedResponse(httpStatus, "the body is null, not a conversation", null);
    }
    Conversation conversation;
    try {
      conversation = MAPPER.toConversation(document);
    } catch (FieldProblem e) {
      throw new NebulyException.MalformedResponse(httpStatus, e.getMessage(), null);
    } catch (RuntimeException e) {
      // A builder's own check (such as an end before a start it refuses) is still the server's fault.
      throw new NebulyException.MalformedResponse(
          httpStatus, "the conversation breaks a rule of the domain: " + e.getMessage(), null);
    }
    if (!conversation.id().equals(requested)) {
      throw new NebulyException.MalformedResponse(
          httpStatus, "id is not the conversation that was asked for", null);
    }
    return conversation;
  }

  /**
   * Maps the answer of {@code GET /deeplinks/interaction/{id}}.
   *
   * @param document the bound body; null is malformed
   * @param requested the interaction asked for
   * @param httpStatus the answer's status, for the error
   * @return the deep link
   * @throws NebulyException.MalformedResponse if {@code url} is missing, blank, or not an absolute
   *     http(s) URL
   * @throws IllegalArgumentException if {@code requested} is null or {@code httpStatus} is not 100-599
   */
  public static DeepLink toInteractionLink(DeepLinkDocument document, InteractionId requested, int httpStatus) {
    Arguments.requireNonNull(requested, "requested");
    return DeepLink.toInteraction(requested, url(document, httpStatus));
  }

  /**
   * Maps the answer of {@code GET /deeplinks/conversation/{id}}.
   *
   * @param document the bound body; null is malformed
   * @param requested the conversation asked for
   * @param httpStatus the answer's status, for the error
   * @return the deep link
   * @throws NebulyException.MalformedResponse if {@code url} is missing, blank, or not an absolute
   *     http(s) URL
   * @throws IllegalArgumentException if {@code requested} is null or {@code httpStatus} is not 100-599
   */
  public static DeepLink toConversationLink(
      DeepLinkDocument document, ConversationId requested, int httpStatus) {
    Arguments.requireNonNull(requested, "requested");
    return DeepLink.toConversation(requested, url(document, httpStatus));
  }

  private static URI url(DeepLinkDocument document, int httpStatus) {
    requireStatus(httpStatus);
    if (document == null) {
      throw new NebulyException.MalformedResponse(httpStatus, "the body is null, not a deep link", null);
    }
    String url = document.url();
    if (url == null) {
      throw new NebulyException.MalformedResponse(httpStatus, "url is missing", null);
    }
    if (url.isBlank()) {
      throw new NebulyException.MalformedResponse(httpStatus, "url is blank", null);
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new NebulyException.MalformedResponse(httpStatus, "url is not a valid URI", null);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new NebulyException.MalformedResponse(httpStatus, "url is not an absolute http(s) URL", null);
    }
    return uri;
  }

  private static void requireStatus(int httpStatus) {
    if (httpStatus < 100 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be between 100 and 599, got " + httpStatus);
    }
  }
}
