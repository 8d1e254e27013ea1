package io.github.nebuly4j.core.links;

import static io.github.nebuly4j.core.links.ManualDeepLinkResolver.linkFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decorator's promises, on a clock moved by hand and a delegate answered by hand. */
class CachingDeepLinkResolverTest {

  private static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
  private static final InteractionId I1 = InteractionId.of("i-1");
  private static final DeepLink I1_LINK = linkFor(LinkTarget.INTERACTION, "i-1");
  private static final DeepLink WRONG_LINK =
      DeepLink.toInteraction(I1, URI.create("https://wrong.example/"));

  private final AtomicLong now = new AtomicLong(1_000);
  private final ManualDeepLinkResolver delegate = new ManualDeepLinkResolver();

  private CachingDeepLinkResolver caching(DeepLinkCachePolicy policy) {
    return CachingDeepLinkResolver.wrap(delegate, policy, now::get);
  }

  private CachingDeepLinkResolver caching() {
    return caching(DeepLinkCachePolicy.builder().timeToLive(TIME_TO_LIVE).build());
  }

  private static CompletableFuture<DeepLink> future(CompletionStage<DeepLink> stage) {
    return stage.toCompletableFuture();
  }

  /** What the stage failed with, as a dependent stage sees it (not unwrapped by {@code get}). */
  private static Throwable rawFailure(CompletionStage<DeepLink> stage) {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    stage.whenComplete((link, failure) -> seen.set(failure));
    assertThat(seen.get()).as("the stage should have failed by now").isNotNull();
    return seen.get();
  }

  /** A delegate that answers interactions as given, and is never asked for a conversation. */
  private static DeepLinkResolver interactionsOnly(Function<InteractionId, CompletionStage<DeepLink>> answer) {
    return new DeepLinkResolver() {
      @Override
      public CompletionStage<DeepLink> interactionLink(InteractionId id) {
        return answer.apply(id);
      }

      @Override
      public CompletionStage<DeepLink> conversationLink(ConversationId id) {
        throw new UnsupportedOperationException("the test asks for interactions only");
      }
    };
  }

  /** Asks for an interaction's link and lets the delegate answer it at once. */
  private DeepLink resolved(CachingDeepLinkResolver links, String id) {
    CompletableFuture<DeepLink> stage = future(links.interactionLink(InteractionId.of(id)));
    if (!stage.isDone()) {
      delegate.last().answer();
    }
    return stage.getNow(null);
  }

  @Test
  void concurrentCallsShareOneDelegateCallAndEachGetsAStageOfItsOwn() {
    CachingDeepLinkResolver links = caching();

    CompletableFuture<DeepLink> a = future(links.interactionLink(I1));
    CompletableFuture<DeepLink> b = future(links.interactionLink(I1));
    CompletableFuture<DeepLink> c = future(links.interactionLink(InteractionId.of("i-1")));

    assertThat(delegate.calls()).hasSize(1);
    assertThat(List.of(a, b, c)).allSatisfy(stage -> assertThat(stage).isNotDone());
    assertThat(a).isNotSameAs(b).isNotSameAs(c).isNotSameAs(delegate.last().stage());
    assertThat(b).isNotSameAs(c);
    assertThat(links.callsUnderWay()).isEqualTo(1);

    delegate.last().answer();

    assertThat(List.of(a, b, c)).allSatisfy(stage -> assertThat(stage).isCompletedWithValue(I1_LINK));
    assertThat(links.callsUnderWay()).isZero();
    assertThat(links.keptCount()).isEqualTo(1);
  }

  @Test
  void aKeptLinkAnswersWithoutAskingUntilItsTimeToLiveHasPassedSinceItArrived() {
    CachingDeepLinkResolver links = caching();
    CompletableFuture<DeepLink> first = future(links.interactionLink(I1));
    now.addAndGet(500);
    delegate.last().answer();
    long arrived = now.get();

    now.set(arrived + TIME_TO_LIVE.toNanos() - 1);
    CompletableFuture<DeepLink> kept = future(links.interactionLink(I1));

    assertThat(first).isCompletedWithValue(I1_LINK);
    assertThat(kept).isCompletedWithValue(I1_LINK);
    assertThat(delegate.calls()).hasSize(1);

    now.set(arrived + TIME_TO_LIVE.toNanos());
    CompletableFuture<DeepLink> expired = future(links.interactionLink(I1));

    assertThat(expired).isNotDone();
    assertThat(delegate.calls()).hasSize(2);
    delegate.last().answer();
    assertThat(expired).isCompletedWithValue(I1_LINK);
  }

  @Test
  void theLeastRecentlyUsedAnswerIsDroppedFirst() {
    CachingDeepLinkResolver links = caching(DeepLinkCachePolicy.builder().maximumSize(2).build());
    resolved(links, "a");
    resolved(links, "b");
    assertThat(future(links.interactionLink(InteractionId.of("a")))).isDone();

    resolved(links, "c");

    assertThat(delegate.calls()).hasSize(3);
    assertThat(links.keptCount()).isEqualTo(2);
    assertThat(future(links.interactionLink(InteractionId.of("a"))))
        .isCompletedWithValue(linkFor(LinkTarget.INTERACTION, "a"));
    assertThat(future(links.interactionLink(InteractionId.of("c")))).isDone();
    assertThat(delegate.calls()).hasSize(3);
    assertThat(future(links.interactionLink(InteractionId.of("b")))).isNotDone();
    assertThat(delegate.calls()).hasSize(4);
    assertThat(delegate.last().id()).isEqualTo("b");
  }

  @Test
  void memoryStaysBoundedWhateverTheMixOfIdsAndOutcomes() {
    CachingDeepLinkResolver links = caching(DeepLinkCachePolicy.builder().maximumSize(100).build());

    for (int i = 0; i < 3_000; i++) {
      CompletableFuture<DeepLink> interaction = future(links.interactionLink(InteractionId.of("i-" + i)));
      ManualDeepLinkResolver.Call interactionCall = delegate.last();
      CompletableFuture<DeepLink> conversation = future(links.conversationLink(ConversationId.of("c-" + i)));
      ManualDeepLinkResolver.Call conversationCall = delegate.last();
      switch (i % 3) {
        case 0 -> {
          interactionCall.answer();
          conversationCall.answer();
        }
        case 1 -> {
          interactionCall.fail(new NebulyException.ServiceFailure(503, null));
          conversationCall.fail(new NebulyException.NotFound("conversation 'c-" + i + "'", null));
        }
        default -> {
          interaction.cancel(true);
          conversation.cancel(true);
        }
      }
      assertThat(links.keptCount()).isLessThanOrEqualTo(100);
    }

    assertThat(links.keptCount()).isEqualTo(100);
    assertThat(links.callsUnderWay()).isZero();
  }

  @Test
  void anInteractionAndAConversationWithTheSameIdAreTwoEntries() {
    CachingDeepLinkResolver links = caching();
    CompletableFuture<DeepLink> interaction = future(links.interactionLink(InteractionId.of("same")));
    delegate.last().answer();
    CompletableFuture<DeepLink> conversation = future(links.conversationLink(ConversationId.of("same")));
    delegate.last().answer();

    assertThat(delegate.calls())
        .extracting(ManualDeepLinkResolver.Call::target)
        .containsExactly(LinkTarget.INTERACTION, LinkTarget.CONVERSATION);
    assertThat(interaction).isCompletedWithValue(linkFor(LinkTarget.INTERACTION, "same"));
    assertThat(conversation).isCompletedWithValue(linkFor(LinkTarget.CONVERSATION, "same"));
    assertThat(future(links.conversationLink(ConversationId.of("same"))))
        .isCompletedWithValue(linkFor(LinkTarget.CONVERSATION, "same"));
    assertThat(future(links.interactionLink(InteractionId.of("same"))))
        .isCompletedWithValue(linkFor(LinkTarget.INTERACTION, "same"));
    assertThat(delegate.calls()).hasSize(2);
  }

  static Stream<NebulyException> failures() {
    return Stream.of(
        new NebulyException.NotFound("interaction 'i-1'", null),
        new NebulyException.ServiceFailure(503, "busy"),
        new NebulyException.RateLimited(Duration.ofSeconds(1), null),
        new NebulyException.Timeout(Duration.ofSeconds(2), null),
        new NebulyException.Transport("connection reset", null),
        new NebulyException.Authentication(401, null),
        new NebulyException.InvalidRequest(422, null, List.of()),
        new NebulyException.MalformedResponse(200, "url is missing", null));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void aFailureReachesEveryWaitingCallerAndIsNotKept(NebulyException failure) {
    CachingDeepLinkResolver links = caching();
    CompletableFuture<DeepLink> a = future(links.interactionLink(I1));
    CompletableFuture<DeepLink> b = future(links.interactionLink(I1));

    delegate.last().fail(failure);

    assertThat(rawFailure(a)).isSameAs(failure);
    assertThat(rawFailure(b)).isSameAs(failure);
    assertThat(links.keptCount()).isZero();
    assertThat(links.callsUnderWay()).isZero();

    CompletableFuture<DeepLink> again = future(links.interactionLink(I1));
    assertThat(delegate.calls()).hasSize(2);
    delegate.last().answer();
    assertThat(again).isCompletedWithValue(I1_LINK);
  }

  @Test
  void notFoundIsKeptForItsOwnTimeToLiveWhenThePolicySaysSo() {
    Duration notFoundTimeToLive = Duration.ofSeconds(5);
    CachingDeepLinkResolver links =
        caching(DeepLinkCachePolicy.builder().timeToLive(TIME_TO_LIVE).notFoundTimeToLive(notFoundTimeToLive).build());
    InteractionId missing = InteractionId.of("missing");
    NebulyException.NotFound notFound = new NebulyException.NotFound("interaction 'missing'", null);
    CompletableFuture<DeepLink> first = future(links.interactionLink(missing));
    delegate.last().fail(notFound);
    resolved(links, "i-1");
    long arrived = now.get();

    now.set(arrived + notFoundTimeToLive.toNanos() - 1);
    assertThat(rawFailure(links.interactionLink(missing))).isSameAs(notFound);
    assertThat(rawFailure(first)).isSameAs(notFound);
    assertThat(delegate.calls()).hasSize(2);

    now.set(arrived + notFoundTimeToLive.toNanos());
    CompletableFuture<DeepLink> expired = future(links.interactionLink(missing));

    assertThat(expired).isNotDone();
    assertThat(delegate.calls()).hasSize(3);
    assertThat(delegate.last().id()).isEqualTo("missing");
    assertThat(future(links.interactionLink(I1))).isCompletedWithValue(I1_LINK);
    assertThat(delegate.calls()).hasSize(3);
  }

  @Test
  void aFailureThatArrivesWrappedReachesCallersUnwrappedAndIsJudgedByItsCause() {
    NebulyException.NotFound notFound = new NebulyException.NotFound("interaction 'i-1'", null);
    AtomicInteger calls = new AtomicInteger();
    DeepLinkResolver wrapping =
        interactionsOnly(
            id -> {
              calls.incrementAndGet();
              // A dependent stage fails with a CompletionException around the cause.
              return CompletableFuture.<DeepLink>failedFuture(notFound).thenApply(link -> link);
            });
    CachingDeepLinkResolver links =
        CachingDeepLinkResolver.wrap(
            wrapping,
            DeepLinkCachePolicy.builder().notFoundTimeToLive(Duration.ofSeconds(5)).build(),
            now::get);

    assertThat(rawFailure(links.interactionLink(I1))).isSameAs(notFound);
    assertThat(rawFailure(links.interactionLink(I1))).isSameAs(notFound);
    assertThat(calls).hasValue(1);
  }

  @Test
  void cancellingOneCallerLeavesTheSharedCallToTheOthers() {
    CachingDeepLinkResolver links = caching();
    CompletableFuture<DeepLink> a = future(links.interactionLink(I1));
    CompletableFuture<DeepLink> b = future(links.interactionLink(I1));

    assertThat(a.cancel(true)).isTrue();

    assertThat(delegate.last().stage()).isNotCancelled();
    assertThat(b).isNotDone();
    assertThat(links.callsUnderWay()).isEqualTo(1);

    delegate.last().answer();

    assertThat(b).isCompletedWithValue(I1_LINK);
    assertThat(a).isCancelled();
    assertThat(delegate.calls()).hasSize(1);
    assertThat(future(links.interactionLink(I1))).isCompletedWithValue(I1_LINK);
  }

  @Test
  void whenTheLastWaitingCallerCancelsTheSharedCallIsCancelledAndTheNextCallAsksAgain() {
    CachingDeepLinkResolver links = caching();
    CompletableFuture<DeepLink> a = future(links.interactionLink(I1));
    CompletableFuture<DeepLink> b = future(links.interactionLink(I1));
    ManualDeepLinkResolver.Call shared = delegate.last();

    a.cancel(true);
    b.cancel(false);

    assertThat(shared.stage()).isCancelled();
    assertThat(links.callsUnderWay()).isZero();
    assertThat(links.keptCount()).isZero();

    CompletableFuture<DeepLink> next = future(links.interactionLink(I1));
    assertThat(delegate.calls()).hasSize(2);
    assertThat(next).isNotDone();
    delegate.last().answer();
    assertThat(next).isCompletedWithValue(I1_LINK);
  }

  @Test
  void anAbandonedCallThatAnswersAnywayIsNotKept() {
    CompletableFuture<DeepLink> answer = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();
    DeepLinkResolver unstoppable =
        interactionsOnly(
            id -> {
              calls.incrementAndGet();
              // Cancelling this stage's toCompletableFuture() cancels a copy: the answer comes anyway.
              return answer.minimalCompletionStage();
            });
    CachingDeepLinkResolver links =
        CachingDeepLinkResolver.wrap(unstoppable, DeepLinkCachePolicy.defaults(), now::get);
    future(links.interactionLink(I1)).cancel(true);

    answer.complete(I1_LINK);

    assertThat(links.keptCount()).isZero();
    assertThat(links.callsUnderWay()).isZero();
    assertThat(future(links.interactionLink(I1))).isCompletedWithValue(I1_LINK);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aCallerThatCompletesOrObtrudesItsOwnStageChangesNothingForTheOthers() {
    CachingDeepLinkResolver links = caching();
    CompletableFuture<DeepLink> a = future(links.interactionLink(I1));
    CompletableFuture<DeepLink> b = future(links.interactionLink(I1));

    a.complete(WRONG_LINK);

    assertThat(delegate.last().stage()).isNotCancelled();
    delegate.last().answer();
    assertThat(b).isCompletedWithValue(I1_LINK);

    CompletableFuture<DeepLink> kept = future(links.interactionLink(I1));
    kept.obtrudeValue(WRONG_LINK);
    CompletableFuture<DeepLink> keptAgain = future(links.interactionLink(I1));
    keptAgain.obtrudeException(new IllegalStateException("a caller's own business"));

    assertThat(future(links.interactionLink(I1))).isCompletedWithValue(I1_LINK);
    assertThat(b).isCompletedWithValue(I1_LINK);
    assertThat(delegate.calls()).hasSize(1);
  }

  @Test
  void aDelegateThatThrowsOrReturnsNoStageFailsTheStagesNotTheCaller() {
    IllegalStateException broken = new IllegalStateException("broken delegate");
    DeepLinkResolver misbehaving =
        new DeepLinkResolver() {
          @Override
          public CompletionStage<DeepLink> interactionLink(InteractionId id) {
            throw broken;
          }

          @Override
          public CompletionStage<DeepLink> conversationLink(ConversationId id) {
            return null;
          }

          @Override
          public String toString() {
            return "Misbehaving";
          }
        };
    CachingDeepLinkResolver links =
        CachingDeepLinkResolver.wrap(misbehaving, DeepLinkCachePolicy.defaults(), now::get);

    assertThat(rawFailure(links.interactionLink(I1))).isSameAs(broken);
    assertThat(rawFailure(links.conversationLink(ConversationId.of("c-1"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Misbehaving returned no stage");
    assertThat(links.callsUnderWay()).isZero();
    assertThat(links.keptCount()).isZero();
  }

  @Test
  void withoutAGivenClockTheSystemsMonotonicClockTellsTime() {
    CachingDeepLinkResolver links = CachingDeepLinkResolver.wrap(delegate, DeepLinkCachePolicy.defaults());

    CompletableFuture<DeepLink> first = future(links.interactionLink(I1));
    delegate.last().answer();

    assertThat(first).isCompletedWithValue(I1_LINK);
    assertThat(future(links.interactionLink(I1))).isCompletedWithValue(I1_LINK);
    assertThat(delegate.calls()).hasSize(1);
  }

  @Test
  void aNullIdThrowsAtOnceAndAsksNobody() {
    CachingDeepLinkResolver links = caching();

    assertThatThrownBy(() -> links.interactionLink(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be null");
    assertThatThrownBy(() -> links.conversationLink(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be null");
    assertThat(delegate.calls()).isEmpty();
  }

  @Test
  void aTimeToLiveBeyondWhatNanosecondsHoldKeepsTheLinkForever() {
    CachingDeepLinkResolver links =
        caching(DeepLinkCachePolicy.builder().timeToLive(Duration.ofDays(365L * 1_000)).build());
    resolved(links, "i-1");

    now.addAndGet(Long.MAX_VALUE - 1);

    assertThat(future(links.interactionLink(I1))).isCompletedWithValue(I1_LINK);
    assertThat(delegate.calls()).hasSize(1);
  }

  @Test
  void manyThreadsOnFewIdsCallTheDelegateOncePerId() throws Exception {
    Map<String, AtomicInteger> callsPerId = new ConcurrentHashMap<>();
    DeepLinkResolver answersAtOnce =
        new DeepLinkResolver() {
          @Override
          public CompletionStage<DeepLink> interactionLink(InteractionId id) {
            callsPerId.computeIfAbsent("i:" + id.value(), key -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(linkFor(LinkTarget.INTERACTION, id.value()));
          }

          @Override
          public CompletionStage<DeepLink> conversationLink(ConversationId id) {
            callsPerId.computeIfAbsent("c:" + id.value(), key -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(linkFor(LinkTarget.CONVERSATION, id.value()));
          }
        };
    CachingDeepLinkResolver links =
        CachingDeepLinkResolver.wrap(answersAtOnce, DeepLinkCachePolicy.defaults(), now::get);

    List<String> wrong = onManyThreads(8, 2_000, (thread, i) -> {
      String id = "id-" + (i % 20);
      CompletableFuture<DeepLink> stage = i % 2 == 0
          ? future(links.interactionLink(InteractionId.of(id)))
          : future(links.conversationLink(ConversationId.of(id)));
      DeepLink expected = linkFor(i % 2 == 0 ? LinkTarget.INTERACTION : LinkTarget.CONVERSATION, id);
      // A caller that joined a call another thread is starting gets its link when that one returns.
      DeepLink link = stage.get(60, TimeUnit.SECONDS);
      return expected.equals(link) ? null : id + " got " + link;
    });

    assertThat(wrong).isEmpty();
    assertThat(callsPerId).hasSize(20);
    assertThat(callsPerId.values()).allSatisfy(calls -> assertThat(calls).hasValue(1));
    assertThat(links.callsUnderWay()).isZero();
  }

  @Test
  void callersThatCancelAtRandomOnManyThreadsLeaveNoCallUnderWay() throws Exception {
    ExecutorService answering = Executors.newFixedThreadPool(2);
    try {
      DeepLinkResolver answersLater =
          interactionsOnly(
              id -> CompletableFuture.supplyAsync(() -> linkFor(LinkTarget.INTERACTION, id.value()), answering));
      CachingDeepLinkResolver links =
          CachingDeepLinkResolver.wrap(
              answersLater, DeepLinkCachePolicy.builder().maximumSize(10).build(), now::get);

      List<String> wrong = onManyThreads(8, 2_000, (thread, i) -> {
        String id = "id-" + ((thread * 7 + i) % 50);
        CompletableFuture<DeepLink> stage = future(links.interactionLink(InteractionId.of(id)));
        if (i % 3 == 0) {
          stage.cancel(true);
          return null;
        }
        try {
          DeepLink link = stage.get(60, TimeUnit.SECONDS);
          return link.equals(linkFor(LinkTarget.INTERACTION, id)) ? null : id + " got " + link;
        } catch (ExecutionException | CancellationException e) {
          return id + " failed: " + e;
        }
      });

      assertThat(wrong).isEmpty();
      assertThat(links.callsUnderWay()).isZero();
      assertThat(links.keptCount()).isLessThanOrEqualTo(10);
    } finally {
      answering.shutdownNow();
    }
  }

  /** One step of a thread's loop: null when all is well, else what went wrong. */
  private interface Step {
    String run(int thread, int i) throws Exception;
  }

  /** Runs {@code steps} steps on each of {@code threads} threads started together; returns what went wrong. */
  private static List<String> onManyThreads(int threads, int steps, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<String> wrong = new ArrayList<>();
          for (int i = 0; i < steps; i++) {
            String problem = step.run(thread, i);
            if (problem != null) {
              wrong.add(problem);
            }
          }
          return wrong;
        }));
      }
      start.countDown();
      List<String> wrong = new ArrayList<>();
      for (Future<List<String>> result : results) {
        wrong.addAll(result.get(120, TimeUnit.SECONDS));
      }
      return wrong;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringSaysTheStoreAndTheDelegate() {
    assertThat(caching(DeepLinkCachePolicy.builder()
            .maximumSize(2).timeToLive(Duration.ofMinutes(1)).notFoundTimeToLive(Duration.ofSeconds(5)).build()))
        .hasToString("CachingDeepLinkResolver[maximumSize=2, timeToLive=PT1M, notFoundTimeToLive=PT5S,"
            + " delegate=ManualDeepLinkResolver]");
    assertThat(caching(DeepLinkCachePolicy.defaults()))
        .hasToString("CachingDeepLinkResolver[maximumSize=10000, timeToLive=PT1H, notFoundTimeToLive=not kept,"
            + " delegate=ManualDeepLinkResolver]");
    assertThat(CachingDeepLinkResolver.wrap(delegate, new RecordingStore()))
        .hasToString("CachingDeepLinkResolver[RecordingStore, delegate=ManualDeepLinkResolver]");
  }

  @Test
  void wrapRefusesNullArguments() {
    DeepLinkCachePolicy policy = DeepLinkCachePolicy.defaults();

    assertThatThrownBy(() -> CachingDeepLinkResolver.wrap(null, policy))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("delegate must not be null");
    assertThatThrownBy(() -> CachingDeepLinkResolver.wrap(delegate, (DeepLinkCachePolicy) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("policy must not be null");
    assertThatThrownBy(() -> CachingDeepLinkResolver.wrap(delegate, (DeepLinkStore) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("store must not be null");
    assertThatThrownBy(() -> CachingDeepLinkResolver.wrap(null, new RecordingStore()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("delegate must not be null");
    assertThatThrownBy(() -> CachingDeepLinkResolver.wrap(delegate, policy, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("nanoTime must not be null");
  }

  @Test
  void theDefaultPolicyKeeps10000LinksForAnHourAndNoNotFound() {
    DeepLinkCachePolicy defaults = DeepLinkCachePolicy.defaults();

    assertThat(defaults.maximumSize()).isEqualTo(10_000);
    assertThat(defaults.timeToLive()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.notFoundTimeToLive()).isEmpty();
  }

  @Test
  void aPolicyRefusesWhatCannotWork() {
    assertThatThrownBy(() -> DeepLinkCachePolicy.builder().maximumSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumSize must be at least 1, got 0");
    assertThatThrownBy(() -> DeepLinkCachePolicy.builder().timeToLive(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeToLive must be positive, got PT0S");
    assertThatThrownBy(() -> DeepLinkCachePolicy.builder().timeToLive(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeToLive must be positive, got PT-1S");
    assertThatThrownBy(() -> DeepLinkCachePolicy.builder().notFoundTimeToLive(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notFoundTimeToLive must be positive, got PT0S");
    assertThatThrownBy(() -> DeepLinkCachePolicy.builder()
            .timeToLive(Duration.ofMinutes(1)).notFoundTimeToLive(Duration.ofMinutes(2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("notFoundTimeToLive (PT2M) must not be longer than timeToLive (PT1M)");
    assertThatThrownBy(() -> DeepLinkCachePolicy.builder().timeToLive(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DeepLinkCachePolicy.builder()
            .timeToLive(Duration.ofMinutes(1)).notFoundTimeToLive(Duration.ofMinutes(1)).build()
            .notFoundTimeToLive())
        .contains(Duration.ofMinutes(1));
  }
}
