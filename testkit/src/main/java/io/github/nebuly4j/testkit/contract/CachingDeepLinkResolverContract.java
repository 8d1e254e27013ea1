package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The meaning of a caching, coalescing {@link DeepLinkResolver} (such as core's {@code
 * CachingDeepLinkResolver}), for every implementation: a test class implements this interface by
 * giving {@link #cachingResolver}, and inherits these tests and those of {@link
 * DeepLinkResolverContract}, which a caching resolver honours too.
 *
 * <pre>{@code
 * class MyCachingResolverTest implements CachingDeepLinkResolverContract {
 *   public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
 *     return new MyCachingResolver(delegate, policy);
 *   }
 * }
 * }</pre>
 *
 * <p>The suite checks that concurrent callers share one delegate call; that links are kept for
 * their time to live and then asked for again; that no more answers than the policy's maximum are
 * kept; that failures are never kept, and {@code NotFound} only when the policy says so, for its
 * own time; that cancelling one caller's stage leaves the others waiting, and that when every
 * caller has cancelled, the delegate's stage is cancelled and the next call asks again; that each
 * caller gets a stage of its own; that an interaction and a conversation with the same id are
 * different entries; and that a null id throws at once.
 *
 * <p>It runs on real time, since an implementation built on a cache library may take no clock from
 * a test: a time to live of one second, and a wait of up to ten seconds for an expiry to show. It
 * asserts nothing about speed. It asks for four policies only, the constants of this interface, so
 * that an implementation configured ahead of time (named caches, say) can prepare them. The order in
 * which answers are dropped is the implementation's choice: the suite counts how many are kept.
 */
public interface CachingDeepLinkResolverContract extends DeepLinkResolverContract {

  /** Most tests' policy: links kept for ten minutes, at most 100 answers, {@code NotFound} not kept. */
  DeepLinkCachePolicy KEEPS_LINKS =
      DeepLinkCachePolicy.builder().maximumSize(100).timeToLive(Duration.ofMinutes(10)).build();

  /** Links kept for one second, at most 100. */
  DeepLinkCachePolicy SHORT_LIVED_LINKS =
      DeepLinkCachePolicy.builder().maximumSize(100).timeToLive(Duration.ofSeconds(1)).build();

  /** Links kept for ten minutes, {@code NotFound} for one second, at most 100 answers. */
  DeepLinkCachePolicy KEEPS_NOT_FOUND =
      DeepLinkCachePolicy.builder()
          .maximumSize(100)
          .timeToLive(Duration.ofMinutes(10))
          .notFoundTimeToLive(Duration.ofSeconds(1))
          .build();

  /** At most ten answers, kept for ten minutes. */
  DeepLinkCachePolicy TEN_ANSWERS =
      DeepLinkCachePolicy.builder().maximumSize(10).timeToLive(Duration.ofMinutes(10)).build();

  /**
   * Returns the implementation under test, in front of {@code delegate} and keeping answers as
   * {@code policy} says. The policy is always one of this interface's constants.
   *
   * @param delegate the resolver that finds the links; it records its calls
   * @param policy how many answers to keep, and for how long
   * @return the caching resolver
   */
  DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy);

  /**
   * Waits until the implementation has dropped what its bound says it must drop. Nothing to wait
   * for by default: an implementation that drops answers as it keeps them (core's) is done at once.
   * One whose cache evicts in the background, as Caffeine does on {@code
   * ForkJoinPool.commonPool()}, and may hold more than its bound for a moment, waits for that
   * work here; the suite then checks the bound as strictly as for any other.
   */
  default void awaitEvictions() {}

  /**
   * Runs {@link DeepLinkResolverContract}'s tests on the implementation in front of an in-memory
   * resolver, with {@link #KEEPS_LINKS}.
   */
  @Override
  default DeepLinkResolver resolverWith(
      Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks) {
    return cachingResolver(
        InMemoryDeepLinkResolver.builder()
            .interactionLinks(interactionLinks)
            .conversationLinks(conversationLinks)
            .build(),
        KEEPS_LINKS);
  }

  /** 100 callers on four threads, all before the delegate answers: one delegate call, 100 links. */
  @Test
  default void concurrentCallersShareOneDelegateCall() {
    InteractionId id = InteractionId.of("shared");
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.shut(knowing("shared"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);

    List<CompletableFuture<DeepLink>> stages = callConcurrently(100, () -> resolver.interactionLink(id));
    assertTrue(
        stages.stream().noneMatch(CompletableFuture::isDone),
        "no caller can have an answer before the delegate gives one");
    delegate.release();

    for (int i = 0; i < stages.size(); i++) {
      assertEquals(interactionLink("shared"), Stages.await(stages.get(i), "caller " + i), "caller " + i);
    }
    assertEquals(
        1, delegate.calls().size(), "100 concurrent callers should share one delegate call: " + delegate.calls());
  }

  /** Later calls for kept links, of both targets, ask the delegate nothing. */
  @Test
  default void keptLinksAnswerLaterCallsWithoutTheDelegate() {
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing("kept"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);

    for (int i = 0; i < 10; i++) {
      assertEquals(interactionLink("kept"), Stages.await(resolver.interactionLink(InteractionId.of("kept")), "interaction call " + i));
      assertEquals(conversationLink("kept"), Stages.await(resolver.conversationLink(ConversationId.of("kept")), "conversation call " + i));
    }

    assertEquals(
        List.of(
            new InMemoryDeepLinkResolver.Call(LinkTarget.INTERACTION, "kept"),
            new InMemoryDeepLinkResolver.Call(LinkTarget.CONVERSATION, "kept")),
        delegate.calls(),
        "only the first call of each target should reach the delegate");
  }

  /** An interaction and a conversation of the same id are kept apart, each with its own link. */
  @Test
  default void anInteractionAndAConversationWithTheSameIdAreDifferentEntries() {
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing("same"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);

    for (int round = 0; round < 2; round++) {
      DeepLink interaction = Stages.await(resolver.interactionLink(InteractionId.of("same")), "interactionLink(same)");
      DeepLink conversation = Stages.await(resolver.conversationLink(ConversationId.of("same")), "conversationLink(same)");
      assertAll(
          () -> assertEquals(interactionLink("same"), interaction, "the interaction's link"),
          () -> assertEquals(conversationLink("same"), conversation, "the conversation's link"));
    }
    assertEquals(2, delegate.calls().size(), "one delegate call per target: " + delegate.calls());
  }

  /** A link is asked for again once its time to live (one second) has passed, not before. */
  @Test
  default void aLinkIsAskedForAgainAfterItsTimeToLive() {
    InteractionId id = InteractionId.of("short-lived");
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing("short-lived"));
    DeepLinkResolver resolver = cachingResolver(delegate, SHORT_LIVED_LINKS);

    long firstAsked = System.nanoTime();
    Stages.await(resolver.interactionLink(id), "the first call");
    assertEquals(interactionLink("short-lived"), Stages.await(resolver.interactionLink(id), "the second call"));
    // The link arrived after firstAsked, so it lives at least until firstAsked + the time to live.
    if (System.nanoTime() - firstAsked < SHORT_LIVED_LINKS.timeToLive().toNanos()) {
      assertEquals(1, delegate.calls().size(), "a call within the link's time to live asked the delegate");
    }

    Eventually.until(
        "a call for the link after its time to live asking the delegate again",
        () -> {
          assertEquals(interactionLink("short-lived"), Stages.await(resolver.interactionLink(id), "a later call"));
          return delegate.calls().size() >= 2;
        });
  }

  /** With more ids than the policy's maximum, no more answers than the maximum are kept. */
  @Test
  default void noMoreAnswersThanTheMaximumAreKept() {
    int ids = 5 * TEN_ANSWERS.maximumSize();
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing(ids("bounded-", ids)));
    DeepLinkResolver resolver = cachingResolver(delegate, TEN_ANSWERS);
    for (String id : ids("bounded-", ids)) {
      Stages.await(resolver.interactionLink(InteractionId.of(id)), "interactionLink(" + id + ")");
    }
    awaitEvictions();

    for (String id : ids("bounded-", ids)) {
      assertEquals(interactionLink(id), Stages.await(resolver.interactionLink(InteractionId.of(id)), "again " + id));
    }

    long answeredFromKept = 2L * ids - delegate.calls().size();
    assertTrue(
        answeredFromKept <= TEN_ANSWERS.maximumSize(),
        "at most " + TEN_ANSWERS.maximumSize() + " answers may be kept, but " + answeredFromKept + " of "
            + ids + " ids were answered again without the delegate");
  }

  /** Every failure but NotFound reaches the caller, alone or shared, and the next call asks again. */
  @Test
  default void failuresAreNotKept() {
    List<NebulyException> failures = failuresButNotFound();
    List<String> ids = failures.stream().map(failure -> "failing-" + failure.getClass().getSimpleName()).toList();
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing(ids));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);

    for (int i = 0; i < failures.size(); i++) {
      NebulyException failure = failures.get(i);
      String kind = failure.getClass().getSimpleName();
      InteractionId id = InteractionId.of(ids.get(i));
      delegate.answers().failNextCalls(1, failure);
      Stages.failure(resolver.interactionLink(id), failure.getClass(), "a call failing with " + kind);
      assertEquals(interactionLink(id.value()), Stages.await(resolver.interactionLink(id), "the call after a " + kind));
      assertEquals(2, delegate.callsFor(id.value()), "the call after a " + kind + " should ask the delegate again");
    }
  }

  /** A failure of a shared call reaches every caller, and is not kept either. */
  @Test
  default void aSharedFailureReachesEveryCallerAndIsNotKept() {
    InteractionId id = InteractionId.of("shared-failure");
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.shut(knowing("shared-failure"));
    delegate.answers().failNextCalls(1, new NebulyException.ServiceFailure(503, "maintenance"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);
    CompletionStage<DeepLink> first = resolver.interactionLink(id);
    CompletionStage<DeepLink> second = resolver.interactionLink(id);

    delegate.release();

    Stages.failure(first, NebulyException.ServiceFailure.class, "the first caller");
    Stages.failure(second, NebulyException.ServiceFailure.class, "the second caller");
    assertEquals(interactionLink("shared-failure"), Stages.await(resolver.interactionLink(id), "the next call"));
    assertEquals(2, delegate.calls().size(), "the call after the failure should ask the delegate again");
  }

  /** By default NotFound is not kept: each call for an unknown id asks the delegate. */
  @Test
  default void notFoundIsNotKeptByDefault() {
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing());
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);

    for (int i = 0; i < 3; i++) {
      Stages.failure(resolver.interactionLink(InteractionId.of("unknown")), NebulyException.NotFound.class, "call " + i);
      Stages.failure(resolver.conversationLink(ConversationId.of("unknown")), NebulyException.NotFound.class, "call " + i);
    }

    assertEquals(6, delegate.calls().size(), "NotFound must not be kept unless the policy says so");
  }

  /** With a NotFound time to live (one second), NotFound is kept for that time, links for theirs. */
  @Test
  default void notFoundIsKeptOnlyForItsOwnTimeToLive() {
    InteractionId missing = InteractionId.of("missing");
    InteractionId known = InteractionId.of("known");
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing("known"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_NOT_FOUND);

    long firstAsked = System.nanoTime();
    Stages.failure(resolver.interactionLink(missing), NebulyException.NotFound.class, "the first call");
    Stages.await(resolver.interactionLink(known), "the known link");
    Stages.failure(resolver.interactionLink(missing), NebulyException.NotFound.class, "the second call");
    if (System.nanoTime() - firstAsked < KEEPS_NOT_FOUND.notFoundTimeToLive().orElseThrow().toNanos()) {
      assertEquals(1, delegate.callsFor("missing"), "a call within NotFound's time to live asked the delegate");
    }

    Eventually.until(
        "a call for the missing id after NotFound's time to live asking the delegate again",
        () -> {
          Stages.failure(resolver.interactionLink(missing), NebulyException.NotFound.class, "a later call");
          return delegate.callsFor("missing") >= 2;
        });
    assertEquals(interactionLink("known"), Stages.await(resolver.interactionLink(known), "the known link again"));
    assertEquals(1, delegate.callsFor("known"), "the link lives ten minutes, longer than NotFound");
  }

  /** Cancelling one caller's stage cancels neither the delegate's call nor the other callers. */
  @Test
  default void cancellingOneCallerLeavesTheOthersWaiting() {
    InteractionId id = InteractionId.of("one-cancels");
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.shut(knowing("one-cancels"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);
    CompletableFuture<DeepLink> cancelled = resolver.interactionLink(id).toCompletableFuture();
    CompletionStage<DeepLink> second = resolver.interactionLink(id);
    CompletionStage<DeepLink> third = resolver.interactionLink(id);

    cancelled.cancel(true);
    delegate.release();

    assertEquals(interactionLink("one-cancels"), Stages.await(second, "the second caller"));
    assertEquals(interactionLink("one-cancels"), Stages.await(third, "the third caller"));
    assertTrue(cancelled.isCancelled(), "the first caller's stage is cancelled");
    assertFalse(
        delegate.returned().stream().anyMatch(CompletableFuture::isCancelled),
        "the delegate's call was cancelled while callers still waited for it");
    assertEquals(1, delegate.calls().size(), "the callers should share one delegate call");
  }

  /**
   * When every caller has cancelled, the shared call is abandoned: the delegate's stage is
   * cancelled, nothing is kept, and the next call asks the delegate again.
   */
  @Test
  default void whenEveryCallerCancelsTheSharedCallIsCancelled() {
    InteractionId id = InteractionId.of("all-cancel");
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.shut(knowing("all-cancel"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);
    CompletableFuture<DeepLink> first = resolver.interactionLink(id).toCompletableFuture();
    CompletableFuture<DeepLink> second = resolver.interactionLink(id).toCompletableFuture();

    first.cancel(true);
    second.cancel(true);

    Eventually.until(
        "the cancellation of the delegate's stage",
        () -> delegate.returned().size() == 1 && delegate.returned().get(0).isCancelled());
    delegate.release();
    assertEquals(interactionLink("all-cancel"), Stages.await(resolver.interactionLink(id), "the next call"));
    assertEquals(2, delegate.calls().size(), "the next call should ask the delegate again");
  }

  /** One caller completing or obtruding its own stage changes nothing for another caller. */
  @Test
  default void eachCallerGetsAStageOfItsOwn() {
    InteractionId id = InteractionId.of("own-stage");
    DeepLink wrong = DeepLink.toInteraction(id, URI.create("https://wrong.example/"));
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.shut(knowing("own-stage"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);
    CompletableFuture<DeepLink> meddling = resolver.interactionLink(id).toCompletableFuture();
    CompletionStage<DeepLink> waiting = resolver.interactionLink(id);

    meddling.complete(wrong);
    delegate.release();

    assertEquals(interactionLink("own-stage"), Stages.await(waiting, "the caller still waiting"));
    CompletableFuture<DeepLink> kept = resolver.interactionLink(id).toCompletableFuture();
    Stages.await(kept, "a kept link");
    kept.obtrudeValue(wrong);
    CompletableFuture<DeepLink> keptAgain = resolver.interactionLink(id).toCompletableFuture();
    Stages.await(keptAgain, "a kept link");
    keptAgain.obtrudeException(new IllegalStateException("one caller's own business"));
    assertEquals(interactionLink("own-stage"), Stages.await(resolver.interactionLink(id), "the next call"));
    assertEquals(interactionLink("own-stage"), Stages.await(waiting, "the caller that waited"));
    assertEquals(1, delegate.calls().size(), "the callers should share one delegate call");
  }

  /** A null id throws IllegalArgumentException at once, and asks the delegate nothing. */
  @Test
  default void nullIdThrowsAtOnceAndAsksNobody() {
    GatedDeepLinkResolver delegate = GatedDeepLinkResolver.open(knowing("any"));
    DeepLinkResolver resolver = cachingResolver(delegate, KEEPS_LINKS);

    assertThrows(IllegalArgumentException.class, () -> resolver.interactionLink(null));
    assertThrows(IllegalArgumentException.class, () -> resolver.conversationLink(null));
    assertEquals(List.of(), delegate.calls(), "a null id reached the delegate");
  }

  private static InMemoryDeepLinkResolver knowing(String... ids) {
    return knowing(List.of(ids));
  }

  private static InMemoryDeepLinkResolver knowing(List<String> ids) {
    InMemoryDeepLinkResolver.Builder links = InMemoryDeepLinkResolver.builder();
    for (String id : ids) {
      links.interactionLink(InteractionId.of(id), ContractData.linkTo(InteractionId.of(id)));
      links.conversationLink(ConversationId.of(id), ContractData.linkTo(ConversationId.of(id)));
    }
    return links.build();
  }

  private static List<String> ids(String prefix, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(prefix + i);
    }
    return ids;
  }

  private static DeepLink interactionLink(String id) {
    return DeepLink.toInteraction(InteractionId.of(id), ContractData.linkTo(InteractionId.of(id)));
  }

  private static DeepLink conversationLink(String id) {
    return DeepLink.toConversation(ConversationId.of(id), ContractData.linkTo(ConversationId.of(id)));
  }

  private static List<NebulyException> failuresButNotFound() {
    return List.of(
        new NebulyException.ServiceFailure(503, "maintenance"),
        new NebulyException.RateLimited(Duration.ofSeconds(1), null),
        new NebulyException.Timeout(Duration.ofSeconds(1), null),
        new NebulyException.Transport("connection reset by 127.0.0.1", null),
        new NebulyException.Authentication(401, null),
        new NebulyException.InvalidRequest(422, null, List.of()),
        new NebulyException.MalformedResponse(200, "url is missing", null));
  }

  /** Makes {@code calls} calls on four threads that start together, and returns their stages. */
  private static List<CompletableFuture<DeepLink>> callConcurrently(
      int calls, Supplier<CompletionStage<DeepLink>> call) {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<CompletableFuture<DeepLink>>>> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = calls / threads + (t < calls % threads ? 1 : 0);
        callers.add(
            pool.submit(
                () -> {
                  start.await();
                  List<CompletableFuture<DeepLink>> stages = new ArrayList<>();
                  for (int i = 0; i < share; i++) {
                    stages.add(call.get().toCompletableFuture());
                  }
                  return stages;
                }));
      }
      start.countDown();
      List<CompletableFuture<DeepLink>> stages = new ArrayList<>();
      for (Future<List<CompletableFuture<DeepLink>>> caller : callers) {
        stages.addAll(caller.get(Stages.CALL.toSeconds(), TimeUnit.SECONDS));
      }
      return stages;
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent call threw " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent calls did not return within " + Stages.CALL.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
