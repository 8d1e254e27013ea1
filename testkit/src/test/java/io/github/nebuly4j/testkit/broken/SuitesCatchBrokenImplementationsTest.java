package io.github.nebuly4j.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.ConversationRepositoryContract;
import io.github.nebuly4j.testkit.contract.DeepLinkResolverContract;
import io.github.nebuly4j.testkit.contract.HttpAdapterContract;
import io.github.nebuly4j.testkit.fake.InMemoryConversationRepository;
import io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver;
import io.github.nebuly4j.testkit.jdk.JdkAdapterBinding;
import io.github.nebuly4j.testkit.jdk.JdkHttpAdapter;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The suites can fail: each runs, through EngineTestKit, against a deliberately broken
 * implementation, and must report the failures the breakage causes (and only those where it
 * shows). The broken implementations are nested classes, which Surefire does not run by itself.
 */
class SuitesCatchBrokenImplementationsTest {

  @Test
  void aResolverThatAnswersConversationsWithInteractionLinksFails() {
    EngineExecutionResults results = run(SwappedLinksResolverSuite.class);

    assertThat(failed(results))
        .contains("resolvesTheLinkOfAConversation", "unknownConversationFailsWithNotFound",
            "idsThatNeedEncodingResolveToTheirOwnLinks", "concurrentCallsEachGetTheirOwnLink")
        .doesNotContain("resolvesTheLinkOfAnInteraction", "nullIdThrowsIllegalArgumentExceptionAtOnce");
  }

  @Test
  void aRepositoryThatAnswersWithTheWrongConversationFails() {
    EngineExecutionResults results = run(SwappedConversationsRepositorySuite.class);

    assertThat(failed(results))
        .contains("findsTheConversationAskedFor", "everyDocumentedFieldArrives",
            "concurrentCallsEachGetTheirOwnConversation", "idsThatNeedEncodingFindTheirConversation")
        .doesNotContain("unknownConversationIsEmpty", "nullIdThrowsIllegalArgumentExceptionAtOnce");
  }

  @Test
  void aRepositoryThatDropsTheTopicFails() {
    EngineExecutionResults results = run(DroppedTopicRepositorySuite.class);

    assertThat(failed(results))
        .contains("everyDocumentedFieldArrives", "findsTheConversationAskedFor",
            "fiveThousandInteractionsArriveInOrder", "unicodeTextArrivesUnchanged")
        .doesNotContain("emptyConversationArrivesEmpty", "absentOptionalFieldsStayAbsent",
            "largeTextsArriveWhole", "unknownConversationIsEmpty");
  }

  @Test
  void aResolverThatThrowsInsteadOfFailingTheStageFails() {
    EngineExecutionResults results = run(ThrowingResolverSuite.class);

    assertThat(failed(results))
        .containsExactlyInAnyOrder("unknownInteractionFailsWithNotFound", "unknownConversationFailsWithNotFound");
  }

  @Test
  void anHttpAdapterThatIgnoresItsTimeoutFails() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectMethod(NoTimeoutAdapterSuite.class, "requestTimeoutFiresOnEveryAttempt"))
            .execute();

    assertThat(failed(results)).containsExactly("requestTimeoutFiresOnEveryAttempt");
    Throwable why =
        results.testEvents().failed().stream()
            .findFirst()
            .flatMap(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class))
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(why).hasMessageContaining("should have failed");
  }

  private static EngineExecutionResults run(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
  }

  private static Set<String> failed(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(descriptor -> descriptor.getSource().orElseThrow())
        .map(source -> ((MethodSource) source).getMethodName())
        .collect(Collectors.toSet());
  }

  /** Looks up a conversation's link among the interaction links of the same text. */
  static class SwappedLinksResolverSuite implements DeepLinkResolverContract {
    @Override
    public DeepLinkResolver resolverWith(
        Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks) {
      InMemoryDeepLinkResolver correct =
          InMemoryDeepLinkResolver.builder().interactionLinks(interactionLinks).build();
      return new DeepLinkResolver() {
        @Override
        public CompletionStage<DeepLink> interactionLink(InteractionId id) {
          return correct.interactionLink(id);
        }

        @Override
        public CompletionStage<DeepLink> conversationLink(ConversationId id) {
          Arguments.requireNonNull(id, "id");
          return correct
              .interactionLink(InteractionId.of(id.value()))
              .thenApply(link -> DeepLink.toConversation(id, link.uri()));
        }
      };
    }
  }

  /** Throws NotFound from the call instead of failing the stage. */
  static class ThrowingResolverSuite implements DeepLinkResolverContract {
    @Override
    public DeepLinkResolver resolverWith(
        Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks) {
      InMemoryDeepLinkResolver correct =
          InMemoryDeepLinkResolver.builder()
              .interactionLinks(interactionLinks)
              .conversationLinks(conversationLinks)
              .build();
      return new DeepLinkResolver() {
        @Override
        public CompletionStage<DeepLink> interactionLink(InteractionId id) {
          Arguments.requireNonNull(id, "id");
          return completedOrThrown(correct.interactionLink(id));
        }

        @Override
        public CompletionStage<DeepLink> conversationLink(ConversationId id) {
          Arguments.requireNonNull(id, "id");
          return completedOrThrown(correct.conversationLink(id));
        }
      };
    }

    private static CompletionStage<DeepLink> completedOrThrown(CompletionStage<DeepLink> stage) {
      return java.util.concurrent.CompletableFuture.completedFuture(stage.toCompletableFuture().join());
    }
  }

  /** Answers each id with the conversation seeded after it. */
  static class SwappedConversationsRepositorySuite implements ConversationRepositoryContract {
    @Override
    public ConversationRepository repositoryWith(Collection<Conversation> conversations) {
      List<Conversation> seeded = new ArrayList<>(conversations);
      InMemoryConversationRepository correct =
          InMemoryConversationRepository.builder().conversations(conversations).build();
      return id -> {
        Arguments.requireNonNull(id, "id");
        return correct
            .findById(id)
            .thenApply(
                found ->
                    found.map(
                        conversation ->
                            seeded.get((seeded.indexOf(conversation) + 1) % seeded.size())));
      };
    }
  }

  /** Loses every interaction's topic. */
  static class DroppedTopicRepositorySuite implements ConversationRepositoryContract {
    @Override
    public ConversationRepository repositoryWith(Collection<Conversation> conversations) {
      InMemoryConversationRepository correct =
          InMemoryConversationRepository.builder().conversations(conversations).build();
      return id ->
          correct
              .findById(id)
              .thenApply(
                  found ->
                      found.map(
                          conversation ->
                              conversation.withInteractions(
                                  conversation.interactions().stream()
                                      .map(interaction -> interaction.withTopic(Optional.empty()))
                                      .toList())));
    }
  }

  /** A java.net.http adapter that never sets a request timeout. */
  @WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
  static class NoTimeoutAdapterSuite extends JdkAdapterBinding implements HttpAdapterContract {
    NoTimeoutAdapterSuite(FakeNebulyServer server) {
      super(server);
    }

    @Override
    public AdapterUnderTest adapter(ContractSettings settings) {
      return new JdkHttpAdapter(settings, false);
    }
  }
}
