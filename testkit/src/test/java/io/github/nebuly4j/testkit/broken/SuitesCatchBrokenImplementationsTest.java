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
import io.github.nebuly4j.testkit.jdk.JdkAdapters;
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
import org.junit.jupiter.params.ParameterizedTest;
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

  /**
   * Each flaw of the JDK adapter against the cases of HttpAdapterContract that must catch it, and
   * control cases that it must not fail.
   *
   * @param flaw the breakage
   * @param catching the cases that must fail
   * @param controls cases that run alongside and must pass
   * @param why a fragment of the first failure's message
   */
  record Proof(JdkHttpAdapter.Flaw flaw, List<String> catching, List<String> controls, String why) {}

  static List<Proof> proofs() {
    return List.of(
        new Proof(JdkHttpAdapter.Flaw.NO_ATTEMPT_TIMEOUT, List.of("attemptTimeoutFiresOnEveryAttempt"), List.of(), "should have failed"),
        new Proof(
            JdkHttpAdapter.Flaw.IDLE_TIMEOUT_ONLY,
            List.of("aTricklingBodyEndsAtTheAttemptDeadline"),
            List.of("attemptTimeoutFiresOnEveryAttempt"),
            "did not complete"),
        new Proof(
            JdkHttpAdapter.Flaw.IGNORES_CANCELLATION,
            List.of("cancellingAStageAbortsItsRequest", "aCancelledCallLeavesNoConnectionBehind"),
            // Calls it failed to cancel still reach the server later: the control counts no requests.
            List.of("lenientDecodingOfTheDocumentedVariants"),
            ""),
        new Proof(
            JdkHttpAdapter.Flaw.WARNS_ON_CANCEL,
            List.of("cancelledCallsLogNothingAtWarnOrAbove"),
            List.of("cancellingAStageAbortsItsRequest"),
            "a call to Nebuly was cancelled"),
        new Proof(
            JdkHttpAdapter.Flaw.NO_KEEP_ALIVE,
            List.of("sequentialCallsShareOneConnection"),
            List.of("sendsTheDocumentedRequestToEveryEndpoint"),
            "keep one connection alive"),
        new Proof(JdkHttpAdapter.Flaw.FOLLOWS_REDIRECTS, List.of("redirectsAreNotFollowed"), List.of(), "should have failed"),
        new Proof(
            JdkHttpAdapter.Flaw.UNBOUNDED_ERROR_BODIES,
            List.of("oversizedErrorPagesAreCutAndTypedByTheirStatus"),
            List.of("htmlErrorPagesBecomeTypedErrorsWithoutThePage"),
            "Timeout"),
        new Proof(
            JdkHttpAdapter.Flaw.LEAKS_CONNECTION_ON_ABORT,
            List.of("aCancelledCallLeavesNoConnectionBehind", "anAbortedCallLeavesNoConnectionBehind"),
            List.of("sendsTheDocumentedRequestToEveryEndpoint"),
            ""),
        new Proof(
            JdkHttpAdapter.Flaw.SENDS_CANCELLED_WAITERS,
            List.of("callsCancelledWhileWaitingForAConnectionAreNeverSent"),
            List.of("cancellingAStageAbortsItsRequest", "cancellingACallLeavesTheConnectionItGaveBackAlone"),
            "should never be sent"));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("proofs")
  void eachFlawOfAnHttpAdapterFailsTheCasesMeantForIt(Proof proof) {
    FlawedAdapterSuite.flaw = proof.flaw();
    List<String> cases = new ArrayList<>(proof.catching());
    cases.addAll(proof.controls());

    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(cases.stream().map(name -> selectMethod(FlawedAdapterSuite.class, name)).toList())
            .execute();

    assertThat(failed(results)).containsExactlyInAnyOrderElementsOf(proof.catching());
    assertThat(
            results.testEvents().failed().stream()
                .findFirst()
                .flatMap(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow())
        .hasMessageContaining(proof.why());
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

  /** The JDK adapter with the flaw that the running proof sets; the proofs run one at a time. */
  @WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
  static class FlawedAdapterSuite extends JdkAdapterBinding implements HttpAdapterContract {
    static volatile JdkHttpAdapter.Flaw flaw;

    FlawedAdapterSuite(FakeNebulyServer server) {
      super(server);
    }

    @Override
    public AdapterUnderTest adapter(ContractSettings settings) {
      return JdkAdapters.forSettings(settings, Set.of(flaw));
    }
  }
}
