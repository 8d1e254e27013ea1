package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Omission;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One case of the {@link DecodingCorpus}: a conversation document, and what decoding it must give.
 *
 * @param name what the case changes, such as {@code conversation[2].end_timestamp as null}
 * @param document the document, the answer for {@link DecodingCorpus#CONVERSATION_ID}
 * @param expected the conversation it decodes to, omissions aside; null when it must fail
 * @param omitted the paths of the omissions it must list, in order; empty when it must fail
 * @param malformedPath the path that the {@code MalformedResponse} names; null when it decodes
 */
public record ConversationCase(
    String name, String document, Conversation expected, List<String> omitted, String malformedPath) {

  static ConversationCase decoded(String name, String document, Conversation expected, List<String> omitted) {
    return new ConversationCase(name, document, expected, List.copyOf(omitted), null);
  }

  static ConversationCase malformed(String name, String document, String path) {
    return new ConversationCase(name, document, null, List.of(), path);
  }

  /**
   * Decodes the document with {@code decode} and checks the outcome: the whole conversation equals
   * the expected one, every omission is listed and no other, and a conversation with omissions
   * does not call itself complete; or the call fails with a {@code MalformedResponse} naming the
   * field, and with nothing else.
   *
   * @param decode decodes {@link #document()} as the answer for {@link DecodingCorpus#CONVERSATION_ID};
   *     it throws what the client throws
   * @throws AssertionError if the outcome is another
   */
  public void verify(Callable<Conversation> decode) {
    Optional<Conversation> decoding = DecodingFailures.decoded(name, document, malformedPath, "a conversation", decode);
    if (decoding.isEmpty()) {
      return;
    }
    Conversation decoded = decoding.get();
    List<String> paths = decoded.omissions().stream().map(Omission::field).toList();
    assertEquals(omitted, paths, name + ": the omissions listed; got " + decoded.omissions());
    assertEquals(omitted.isEmpty(), decoded.isComplete(), name + ": isComplete()");
    assertEquals(expected, decoded.withOmissions(List.of()), name + ": everything but the field must arrive intact");
  }
}
