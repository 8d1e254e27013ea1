package io.github.nebuly4j.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Nebuly's JSON documents to and from bytes, with wire's one Jackson {@link ObjectMapper}: every
 * document a {@link NebulyExchange} sends or reads passes here, so that decoding is the same for
 * every adapter and no application-wide Jackson setting can change it.
 *
 * <p>Every problem with a success body is a {@link NebulyException.MalformedResponse} whose message
 * names the field's path; nothing else escapes. Thread-safe.
 */
public final class NebulyCodec {
  private final ObjectMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** Creates a codec. */
  public NebulyCodec() {}

  /**
   * Writes the body of {@code POST /get-conversation-detail}.
   *
   * @param id the conversation asked for
   * @return the JSON bytes, {@code {"conversation_id": "…"}}
   * @throws IllegalArgumentException if {@code id} is null
   */
  public byte[] conversationDetailRequest(ConversationId id) {
    return write(new ConversationDetailRequest(Arguments.requireNonNull(id, "id").value()));
  }

  /**
   * Reads the answer of a conversation-detail request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param requested the conversation asked for; it is the conversation's id
   * @return the conversation
   * @throws NebulyException.MalformedResponse if the body cannot be read
   */
  public Conversation conversation(int status, byte[] body, int length, ConversationId requested) {
    return WireMapping.toConversation(read(status, body, length, ConversationDocument.class), requested, status);
  }

  /**
   * Reads the answer of an interaction deep-link request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param requested the interaction asked for
   * @return the link
   * @throws NebulyException.MalformedResponse if the body cannot be read
   */
  public DeepLink interactionLink(int status, byte[] body, int length, InteractionId requested) {
    return WireMapping.toInteractionLink(read(status, body, length, DeepLinkDocument.class), requested, status);
  }

  /**
   * Reads the answer of a conversation deep-link request.
   *
   * @param status the answer's status, for the error
   * @param body the body's bytes
   * @param length how many of them count
   * @param requested the conversation asked for
   * @return the link
   * @throws NebulyException.MalformedResponse if the body cannot be read
   */
  public DeepLink conversationLink(int status, byte[] body, int length, ConversationId requested) {
    return WireMapping.toConversationLink(read(status, body, length, DeepLinkDocument.class), requested, status);
  }

  /**
   * Reads a FastAPI error body, for {@link ErrorDecoder}.
   *
   * @param body the body as text
   * @return the document
   * @throws IllegalArgumentException if the text is not such a document
   */
  ErrorDocument errorDocument(String body) {
    try {
      return json.readValue(body, ErrorDocument.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a FastAPI error document", e);
    }
  }

  private <T> T read(int status, byte[] body, int length, Class<T> type) {
    try {
      return json.readValue(body, 0, length, type);
    } catch (IOException | RuntimeException e) {
      throw new NebulyException.MalformedResponse(
          status, "the body is not the expected JSON document (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private byte[] write(Object document) {
    try {
      return json.writeValueAsBytes(document);
    } catch (IOException e) {
      // wire's request records hold plain strings; failing to write one is a bug, not an answer.
      throw new UncheckedIOException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }
}
