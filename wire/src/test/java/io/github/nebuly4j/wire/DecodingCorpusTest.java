package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.DecodingCorpus;
import io.github.nebuly4j.testkit.contract.DeepLinkCase;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * testkit's generated decoding corpus through the codec: every field of both documents, null,
 * absent and of each wrong JSON type, each case ending in the outcome of testkit's rule table.
 */
class DecodingCorpusTest {
  private static final NebulyCodec CODEC = new NebulyCodec("nb-corpus-key");

  @Test
  void theCorpusCoversEveryFieldInEveryForm() {
    // 40 places (10 top-level fields, 8 entries and elements, 11 fields of two interactions) in 9 forms.
    assertThat(DecodingCorpus.conversationCases()).hasSize(1 + 40 * 9);
    assertThat(DecodingCorpus.deepLinkCases()).hasSize(1 + 9);
  }

  @TestFactory
  Stream<DynamicTest> everyConversationCaseEndsInItsDocumentedOutcome() {
    return DecodingCorpus.conversationCases().stream()
        .map(c -> dynamicTest(c.name(), () -> c.verify(() -> conversation(c.document()))));
  }

  @TestFactory
  Stream<DynamicTest> everyDeepLinkCaseEndsInItsDocumentedOutcomeAtBothEndpoints() {
    return DecodingCorpus.deepLinkCases().stream()
        .flatMap(
            c ->
                Stream.of(
                    dynamicTest("interaction link, " + c.name(), () -> verifyInteractionLink(c)),
                    dynamicTest("conversation link, " + c.name(), () -> verifyConversationLink(c))));
  }

  private static Conversation conversation(String document) {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    return CODEC.conversation(200, body, body.length, DecodingCorpus.CONVERSATION_ID);
  }

  private static void verifyInteractionLink(DeepLinkCase c) {
    byte[] body = c.document().getBytes(StandardCharsets.UTF_8);
    c.verify(() -> CODEC.interactionLink(200, body, body.length, InteractionId.of("i-0")));
  }

  private static void verifyConversationLink(DeepLinkCase c) {
    byte[] body = c.document().getBytes(StandardCharsets.UTF_8);
    c.verify(() -> CODEC.conversationLink(200, body, body.length, DecodingCorpus.CONVERSATION_ID));
  }
}
