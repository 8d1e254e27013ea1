package io.github.nebuly4j.testkit.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.testkit.contract.CachingDeepLinkResolverContract;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The caching suite can fail: chosen tests of it run, through EngineTestKit, against deliberately
 * broken caching resolvers, and exactly those that the breakage concerns fail, while the others
 * chosen pass. The broken implementations are nested classes, which Surefire does not run by
 * itself. Two of them wait for the suite's bound on an expiry, about ten seconds each.
 */
class CachingSuiteCatchesBrokenImplementationsTest {

  @Test
  void aResolverThatKeepsEveryOutcomeForeverFails() {
    Set<String> failed =
        failed(
            KeepsEverythingSuite.class,
            "failuresAreNotKept",
            "aSharedFailureReachesEveryCallerAndIsNotKept",
            "notFoundIsNotKeptByDefault",
            "noMoreAnswersThanTheMaximumAreKept",
            "whenEveryCallerCancelsTheSharedCallIsCancelled",
            "concurrentCallersShareOneDelegateCall",
            "keptLinksAnswerLaterCallsWithoutTheDelegate",
            "cancellingOneCallerLeavesTheOthersWaiting");

    assertThat(failed)
        .containsExactlyInAnyOrder(
            "failuresAreNotKept",
            "aSharedFailureReachesEveryCallerAndIsNotKept",
            "notFoundIsNotKeptByDefault",
            "noMoreAnswersThanTheMaximumAreKept",
            "whenEveryCallerCancelsTheSharedCallIsCancelled");
  }

  @Test
  void aResolverThatDoesNotShareConcurrentCallsFails() {
    Set<String> failed =
        failed(
            DoesNotCoalesceSuite.class,
            "concurrentCallersShareOneDelegateCall",
            "keptLinksAnswerLaterCallsWithoutTheDelegate",
            "failuresAreNotKept");

    assertThat(failed).containsExactly("concurrentCallersShareOneDelegateCall");
  }

  @Test
  void aResolverWhoseAnswersNeverExpireFails() {
    Set<String> failed =
        failed(
            NeverExpiresSuite.class,
            "aLinkIsAskedForAgainAfterItsTimeToLive",
            "notFoundIsKeptOnlyForItsOwnTimeToLive",
            "keptLinksAnswerLaterCallsWithoutTheDelegate");

    assertThat(failed)
        .containsExactlyInAnyOrder("aLinkIsAskedForAgainAfterItsTimeToLive", "notFoundIsKeptOnlyForItsOwnTimeToLive");
  }

  @Test
  void aResolverThatHandsEveryCallerTheSameStageFails() {
    Set<String> failed =
        failed(
            SharesOneStageSuite.class,
            "cancellingOneCallerLeavesTheOthersWaiting",
            "eachCallerGetsAStageOfItsOwn",
            "concurrentCallersShareOneDelegateCall",
            "keptLinksAnswerLaterCallsWithoutTheDelegate");

    assertThat(failed)
        .containsExactlyInAnyOrder("cancellingOneCallerLeavesTheOthersWaiting", "eachCallerGetsAStageOfItsOwn");
  }

  @Test
  void aResolverThatKeysByIdAloneFails() {
    Set<String> failed =
        failed(
            IgnoresTheTargetSuite.class,
            "anInteractionAndAConversationWithTheSameIdAreDifferentEntries",
            "concurrentCallersShareOneDelegateCall");

    assertThat(failed).containsExactly("anInteractionAndAConversationWithTheSameIdAreDifferentEntries");
  }

  /** Runs the chosen tests of a suite and returns the names of those that failed. */
  private static Set<String> failed(Class<?> suite, String... methods) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(
                Arrays.stream(methods).map(method -> selectMethod(suite, method)).toArray(DiscoverySelector[]::new))
            .execute();
    assertThat(results.testEvents().started().count()).as("tests run").isEqualTo(methods.length);
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(descriptor -> ((MethodSource) descriptor.getSource().orElseThrow()).getMethodName())
        .collect(Collectors.toSet());
  }

  /**
   * A decorator that sends both targets to one method, with a key that names the target and the
   * id unless {@code keyOf} says otherwise.
   */
  private abstract static class KeyedDecorator implements DeepLinkResolver {
    private final DeepLinkResolver delegate;

    KeyedDecorator(DeepLinkResolver delegate) {
      this.delegate = delegate;
    }

    abstract CompletionStage<DeepLink> resolve(String key, Supplier<CompletionStage<DeepLink>> call);

    String keyOf(LinkTarget target, String id) {
      return target + ":" + id;
    }

    @Override
    public CompletionStage<DeepLink> interactionLink(InteractionId id) {
      Arguments.requireNonNull(id, "id");
      return resolve(keyOf(LinkTarget.INTERACTION, id.value()), () -> delegate.interactionLink(id));
    }

    @Override
    public CompletionStage<DeepLink> conversationLink(ConversationId id) {
      Arguments.requireNonNull(id, "id");
      return resolve(keyOf(LinkTarget.CONVERSATION, id.value()), () -> delegate.conversationLink(id));
    }
  }

  /** Shares the delegate's stage per key, forever: failures, NotFound and abandoned calls too. */
  private static class KeepsEverything extends KeyedDecorator {
    private final Map<String, CompletableFuture<DeepLink>> outcomes = new ConcurrentHashMap<>();

    KeepsEverything(DeepLinkResolver delegate) {
      super(delegate);
    }

    @Override
    CompletionStage<DeepLink> resolve(String key, Supplier<CompletionStage<DeepLink>> call) {
      return outcomes.computeIfAbsent(key, k -> call.get().toCompletableFuture()).thenApply(link -> link);
    }
  }

  /** Keeps every outcome forever. */
  static class KeepsEverythingSuite implements CachingDeepLinkResolverContract {
    @Override
    public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
      return new KeepsEverything(delegate);
    }
  }

  /** Keeps links once they arrived, but lets every caller before that call the delegate. */
  static class DoesNotCoalesceSuite implements CachingDeepLinkResolverContract {
    @Override
    public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
      Map<String, DeepLink> kept = new ConcurrentHashMap<>();
      return new KeyedDecorator(delegate) {
        @Override
        CompletionStage<DeepLink> resolve(String key, Supplier<CompletionStage<DeepLink>> call) {
          DeepLink link = kept.get(key);
          if (link != null) {
            return CompletableFuture.completedFuture(link);
          }
          return call.get().thenApply(arrived -> {
            kept.put(key, arrived);
            return arrived;
          });
        }
      };
    }
  }

  /** Core's decorator on a clock that never moves. */
  static class NeverExpiresSuite implements CachingDeepLinkResolverContract {
    @Override
    public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
      return CachingDeepLinkResolver.wrap(delegate, policy, () -> 0L);
    }
  }

  /** Hands every caller of a key the delegate's own stage. */
  static class SharesOneStageSuite implements CachingDeepLinkResolverContract {
    @Override
    public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
      Map<String, CompletableFuture<DeepLink>> stages = new ConcurrentHashMap<>();
      return new KeyedDecorator(delegate) {
        @Override
        CompletionStage<DeepLink> resolve(String key, Supplier<CompletionStage<DeepLink>> call) {
          return stages.computeIfAbsent(key, k -> call.get().toCompletableFuture());
        }
      };
    }
  }

  /** Keeps every outcome under the id alone, so that an interaction's link answers a conversation. */
  static class IgnoresTheTargetSuite implements CachingDeepLinkResolverContract {
    @Override
    public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
      return new KeepsEverything(delegate) {
        @Override
        String keyOf(LinkTarget target, String id) {
          return id;
        }
      };
    }
  }
}
