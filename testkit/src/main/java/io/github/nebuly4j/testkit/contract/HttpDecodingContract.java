package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The decoding corpus through an HTTP adapter: every case of {@link DecodingCorpus} is served by
 * {@link io.github.nebuly4j.testkit.server.FakeNebulyServer} byte for byte, read through the
 * adapter's ports, and must end in its documented outcome (the conversation with only that field
 * changed and its omission listed, the link, or a {@link NebulyException.MalformedResponse} naming
 * the field). Deep-link cases run at both deep-link endpoints. The cases of the {@link
 * ListingCorpus} are served as the answer of the first page of a listing (every listing request is
 * answered with the case's page, byte for byte) and read through the adapter's listing ports. An
 * adapter's test class implements it like the other HTTP suites, by giving {@link #server()} and
 * {@link #adapter(ContractSettings)}.
 */
public interface HttpDecodingContract extends FakeServerBinding {

  /**
   * Serves and reads every conversation case, one dynamic test each.
   *
   * @return the tests, several hundred
   */
  @TestFactory
  default Stream<DynamicTest> everyConversationCaseEndsInItsDocumentedOutcome() {
    ConversationRepository repository = adapter(ContractSettings.standard(server().baseUrl())).conversationRepository();
    return DecodingCorpus.conversationCases().stream()
        .map(
            decodingCase ->
                dynamicTest(
                    decodingCase.name(),
                    () -> {
                      server().seedRaw(DecodingCorpus.CONVERSATION_ID, decodingCase.document());
                      decodingCase.verify(() -> found(repository.findById(DecodingCorpus.CONVERSATION_ID)));
                    }));
  }

  /**
   * Serves and reads every deep-link case at both deep-link endpoints, one dynamic test each.
   *
   * @return the tests
   */
  @TestFactory
  default Stream<DynamicTest> everyDeepLinkCaseEndsInItsDocumentedOutcome() {
    DeepLinkResolver links = adapter(ContractSettings.standard(server().baseUrl())).deepLinkResolver();
    InteractionId interaction = InteractionId.of("i-0");
    return DecodingCorpus.deepLinkCases().stream()
        .flatMap(
            decodingCase ->
                Stream.of(
                    dynamicTest(
                        "interaction link, " + decodingCase.name(),
                        () -> {
                          server().seedRawInteractionLink(interaction, decodingCase.document());
                          decodingCase.verify(() -> completed(links.interactionLink(interaction), "interactionLink"));
                        }),
                    dynamicTest(
                        "conversation link, " + decodingCase.name(),
                        () -> {
                          server().seedRawConversationLink(DecodingCorpus.CONVERSATION_ID, decodingCase.document());
                          decodingCase.verify(
                              () -> completed(links.conversationLink(DecodingCorpus.CONVERSATION_ID), "conversationLink"));
                        })));
  }

  /**
   * Serves and reads every case of the interactions page, one dynamic test each.
   *
   * @return the tests, several hundred
   */
  @TestFactory
  default Stream<DynamicTest> everyInteractionPageCaseEndsInItsDocumentedOutcome() {
    InteractionSearch search = adapter(ContractSettings.standard(server().baseUrl())).interactionSearch();
    InteractionQuery query =
        InteractionQuery.builder().timeRange(ListingContract.RANGE).pageSize(ListingCorpus.LIMIT).build();
    return pageCases(
        Endpoint.INTERACTIONS,
        ListingCorpus.interactionPageCases(),
        () -> completed(search.interactionPage(query, ListingCorpus.OFFSET), "interactionPage"));
  }

  /**
   * Serves and reads every case of the conversations page, one dynamic test each.
   *
   * @return the tests, several hundred
   */
  @TestFactory
  default Stream<DynamicTest> everyConversationPageCaseEndsInItsDocumentedOutcome() {
    ConversationListing listing = adapter(ContractSettings.standard(server().baseUrl())).conversationListing();
    ConversationQuery query =
        ConversationQuery.builder().timeRange(ListingContract.RANGE).pageSize(ListingCorpus.LIMIT).build();
    return pageCases(
        Endpoint.INTERACTION_AGGREGATES,
        ListingCorpus.conversationPageCases(),
        () -> completed(listing.conversationPage(query, ListingCorpus.OFFSET), "conversationPage"));
  }

  /** One dynamic test per case: the case's page answers every request of the endpoint, then is read. */
  private <T> Stream<DynamicTest> pageCases(Endpoint endpoint, List<ListingCase<T>> cases, Callable<Page<T>> read) {
    return cases.stream()
        .map(
            listingCase ->
                dynamicTest(
                    listingCase.name(),
                    () -> {
                      server().clearFaults().fault(Fault.status(200, listingCase.document()).on(endpoint));
                      listingCase.verify(read);
                    }));
  }

  /** Waits for the stage and returns its conversation, or throws the failure it completed with. */
  private static Conversation found(CompletionStage<Optional<Conversation>> stage) throws Exception {
    return completed(stage, "findById").orElseThrow(() -> new AssertionError("the seeded conversation was not found"));
  }

  /** Waits for the stage and returns its value, or throws the failure it completed with. */
  private static <T> T completed(CompletionStage<T> stage, String call) throws Exception {
    try {
      return stage.toCompletableFuture().get(Stages.CALL.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    } catch (TimeoutException e) {
      stage.toCompletableFuture().cancel(true);
      throw new AssertionError(call + " did not complete within " + Stages.CALL.toSeconds() + " s", e);
    }
  }
}
