package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.testkit.contract.DecodingCorpus;
import io.github.nebuly4j.testkit.contract.DeepLinkCase;
import io.github.nebuly4j.testkit.contract.ListingCase;
import io.github.nebuly4j.testkit.contract.ListingCorpus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * testkit's generated decoding corpus through the codec: every field of the conversation and
 * deep-link documents and of both listing pages, null, absent and of each wrong JSON type, each
 * case ending in the outcome of testkit's rule table.
 */
class DecodingCorpusTest {
  private static final NebulyCodec CODEC = new NebulyCodec("nb-corpus-key");

  @Test
  void theCorpusCoversEveryFieldInEveryForm() {
    // 40 places (10 top-level fields, 8 entries and elements, 11 fields of two interactions) in 9 forms.
    assertThat(DecodingCorpus.conversationCases()).hasSize(1 + 40 * 9);
    assertThat(DecodingCorpus.deepLinkCases()).hasSize(1 + 9);
    // 4 page fields, 2 rows, and in each row 16 fields and 6 entries and elements, in 9 forms.
    assertThat(ListingCorpus.interactionPageCases()).hasSize(1 + (4 + 2 + 2 * (16 + 6)) * 9);
    // 4 page fields, 2 rows, and in each row 17 metrics, 2 topics and 2 tags of 3 parts, in 9 forms.
    assertThat(ListingCorpus.conversationPageCases()).hasSize(1 + (4 + 2 + 2 * (17 + 2 + 2 * 3)) * 9);
  }

  @TestFactory
  Stream<DynamicTest> everyInteractionPageCaseEndsInItsDocumentedOutcome() {
    return pageCases(ListingCorpus.interactionPageCases(), CODEC::interactionPage);
  }

  @TestFactory
  Stream<DynamicTest> everyConversationPageCaseEndsInItsDocumentedOutcome() {
    return pageCases(ListingCorpus.conversationPageCases(), CODEC::conversationPage);
  }

  /** A page decoder of the codec: status, body, length, offset and limit to the page. */
  @FunctionalInterface
  private interface PageReader<T> {
    Page<T> read(int status, byte[] body, int length, long offset, int limit);
  }

  private static <T> Stream<DynamicTest> pageCases(List<ListingCase<T>> cases, PageReader<T> reader) {
    return cases.stream()
        .map(
            c ->
                dynamicTest(
                    c.name(),
                    () -> {
                      byte[] body = c.document().getBytes(StandardCharsets.UTF_8);
                      c.verify(() -> reader.read(200, body, body.length, ListingCorpus.OFFSET, ListingCorpus.LIMIT));
                    }));
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
