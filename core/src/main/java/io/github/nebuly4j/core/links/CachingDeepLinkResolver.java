package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link DeepLinkResolver} that keeps the links another resolver (its delegate) found, and lets
 * concurrent callers share one call of it. A deep link for an id does not change, so a page that
 * shows many links, or many pages that show the same ones, need not ask Nebuly each time.
 *
 * <pre>{@code
 * DeepLinkResolver links = CachingDeepLinkResolver.wrap(nebulyAdapter, DeepLinkCachePolicy.builder()
 *     .maximumSize(50_000)
 *     .timeToLive(Duration.ofHours(6))
 *     .notFoundTimeToLive(Duration.ofSeconds(30))   // optional; by default NotFound is not kept
 *     .build());
 * }</pre>
 *
 * <p>The answers are kept in a {@link DeepLinkStore}: this class's own bounded memory, as a {@link
 * DeepLinkCachePolicy} says, or a store given to {@link #wrap(DeepLinkResolver, DeepLinkStore)},
 * such as a framework's cache that several instances of an application share. Either way, the
 * sharing of calls and the cancellation per caller are this class's.
 *
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li><b>One call for concurrent callers.</b> Calls for the same target (interaction or
 *       conversation) and id that arrive while the delegate is being asked share that one call of
 *       the delegate, and each receives its outcome. An interaction and a conversation with the same
 *       id are different entries. A call that arrives while another one's answer is being kept
 *       waits for it too, and a call that arrives after it finds it kept.
 *   <li><b>Links are kept, bounded.</b> With a policy, a link is kept for the policy's {@link
 *       DeepLinkCachePolicy#timeToLive() time to live}, counted from when the delegate's answer
 *       arrived; until then a call for it asks nobody and gets a stage that is already complete. At
 *       most {@link DeepLinkCachePolicy#maximumSize()} answers are kept: when one more arrives, the
 *       least recently used one (asked for or stored the longest time ago) is dropped. A given
 *       store keeps answers as it says.
 *   <li><b>Failures are not kept.</b> After a failure, the next call asks the delegate again. The
 *       one exception is {@link NebulyException.NotFound}, kept for its own {@link
 *       DeepLinkCachePolicy#notFoundTimeToLive() time to live} when the policy sets one (it does
 *       not by default), or when the given store keeps them.
 *   <li><b>Cancelling is per caller.</b> Cancelling one caller's stage cancels that stage only: the
 *       shared call goes on for the callers still waiting. When the last caller still waiting
 *       cancels (or completes its stage itself), nobody wants the answer any more, and the shared
 *       call is abandoned: the delegate's stage is cancelled (or, while the store is still being
 *       looked in, the delegate is not asked at all), which by the port's contract stops its
 *       retries and may abort its request; nothing is kept, and the next call asks again.
 *   <li><b>Bounded memory, whatever the mix of ids.</b> With a policy, at most {@code maximumSize}
 *       answers are kept, expired ones included until they are dropped or asked for again. The
 *       entry of a shared call lives only while the call is under way, and is removed when it ends,
 *       however it ends: a link, a failure, a cancellation, or its last caller leaving. A call under
 *       way holds its waiting callers' stages, no more.
 *   <li><b>The port's contract.</b> A call never waits for the delegate's, the store's or another
 *       call's answer (only, briefly, for the lock described below); a null id throws {@link
 *       IllegalArgumentException} at once and asks nobody; a stage fails only with what the
 *       delegate's stage failed with (so, for a delegate that honours the port's contract, a {@link
 *       NebulyException} or a {@link java.util.concurrent.CancellationException}), and a delegate
 *       that throws instead of returning a stage, or returns none, fails the shared call's stages
 *       instead of the caller. A store that fails is passed by, as {@link DeepLinkStore} says. Every
 *       call returns a stage of its own: one caller's {@code cancel}, {@code complete} or {@code
 *       obtrude} reaches neither another caller's stage nor the kept answer.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>Thread-safe. A call first looks for a shared call under way in a concurrent map, then in the
 * store: an answer kept in this class's own memory is found under that store's lock, held for a
 * map lookup only. One more lock guards the shared calls; it is taken when a call must join or
 * start one, and held for a map operation only: never while the delegate or the store is called,
 * and never while a caller's stage completes, so no code of the delegate's, the store's or a
 * caller's ever runs under it. The store's lock does serialize the answers kept in memory, so
 * their throughput does not grow with threads; but each holds it for orders of magnitude less
 * time than a call of Nebuly takes, so it is not what limits an application. The project's JMH
 * benchmark {@code DeepLinkCacheBenchmark} measures both, on one thread and on four. The stages of
 * a shared call complete on the thread that completes the delegate's stage, or the store's.
 *
 * <p>With a policy, time is read from a monotonic nanosecond source, {@link System#nanoTime()}
 * unless a test gives another one to {@link #wrap(DeepLinkResolver, DeepLinkCachePolicy,
 * LongSupplier)}.
 */
public final class CachingDeepLinkResolver implements DeepLinkResolver {

  private final DeepLinkResolver delegate;
  private final DeepLinkStore store;

  /** The shared calls under way; read without the lock, changed under it. */
  private final ConcurrentHashMap<Key, SharedCall> underWay = new ConcurrentHashMap<>();

  private final Object lock = new Object();
  /**
   * How many shared calls have ended; written under {@link #lock}. A call that found nothing in the
   * store while another call ended may have looked before that call's answer was kept, so it looks
   * again before it asks the delegate.
   */
  private volatile long endedCalls;

  private CachingDeepLinkResolver(DeepLinkResolver delegate, DeepLinkStore store) {
    this.delegate = delegate;
    this.store = store;
  }

  /**
   * Wraps a resolver, keeping its answers in memory as the policy says.
   *
   * @param delegate the resolver that finds the links, usually an adapter that asks Nebuly
   * @param policy how many answers to keep, and for how long
   * @return the caching resolver
   * @throws IllegalArgumentException if an argument is null
   */
  public static CachingDeepLinkResolver wrap(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
    return wrap(delegate, policy, System::nanoTime);
  }

  /**
   * Wraps a resolver, keeping its answers in memory as the policy says, and reading time from the
   * given source: for tests, which can then move time on by hand.
   *
   * @param delegate the resolver that finds the links
   * @param policy how many answers to keep, and for how long
   * @param nanoTime a monotonic time in nanoseconds, such as {@link System#nanoTime()}; only
   *     differences between its readings matter
   * @return the caching resolver
   * @throws IllegalArgumentException if an argument is null
   */
  public static CachingDeepLinkResolver wrap(
      DeepLinkResolver delegate, DeepLinkCachePolicy policy, LongSupplier nanoTime) {
    Arguments.requireNonNull(delegate, "delegate");
    return new CachingDeepLinkResolver(
        delegate,
        new BoundedDeepLinkStore(
            Arguments.requireNonNull(policy, "policy"), Arguments.requireNonNull(nanoTime, "nanoTime")));
  }

  /**
   * Wraps a resolver, keeping its answers in the given store, which decides how many to keep and
   * for how long.
   *
   * @param delegate the resolver that finds the links
   * @param store where answers are kept, such as a cache that several instances share
   * @return the caching resolver
   * @throws IllegalArgumentException if an argument is null
   */
  public static CachingDeepLinkResolver wrap(DeepLinkResolver delegate, DeepLinkStore store) {
    return new CachingDeepLinkResolver(
        Arguments.requireNonNull(delegate, "delegate"), Arguments.requireNonNull(store, "store"));
  }

  /**
   * Resolves an interaction's link: the kept one while it lives, else the delegate's, shared with
   * the calls for the same interaction under way.
   *
   * @param id the interaction
   * @return a stage of this call's own, completing as the class's promises say
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return resolve(new Key(LinkTarget.INTERACTION, id.value()), () -> delegate.interactionLink(id));
  }

  /**
   * Resolves a conversation's link: the kept one while it lives, else the delegate's, shared with
   * the calls for the same conversation under way.
   *
   * @param id the conversation
   * @return a stage of this call's own, completing as the class's promises say
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return resolve(new Key(LinkTarget.CONVERSATION, id.value()), () -> delegate.conversationLink(id));
  }

  private CompletionStage<DeepLink> resolve(Key key, Supplier<CompletionStage<DeepLink>> call) {
    SharedCall current = underWay.get(key);
    if (current != null) {
      CompletableFuture<DeepLink> caller = current.tryJoin();
      if (caller != null) {
        return caller;
      }
    }
    long endedBefore = endedCalls;
    CompletableFuture<Optional<KeptAnswer>> lookup = find(key);
    if (lookup.isDone()) {
      Optional<KeptAnswer> found = lookup.join();
      if (found.isPresent()) {
        return found.get().stage();
      }
    }
    SharedCall started = null;
    CompletableFuture<DeepLink> caller;
    boolean lookAgain;
    synchronized (lock) {
      SharedCall shared = underWay.get(key);
      if (shared == null) {
        started = new SharedCall(key, call);
        shared = started;
        underWay.put(key, shared);
      }
      caller = shared.join();
      lookAgain = endedCalls != endedBefore;
    }
    if (started != null) {
      started.start(lookup, lookAgain);
    }
    return caller;
  }

  /** Looks in the store; a store that throws or fails has kept nothing. */
  private CompletableFuture<Optional<KeptAnswer>> find(Key key) {
    CompletionStage<Optional<KeptAnswer>> found;
    try {
      found = store.find(key.target(), key.id());
    } catch (RuntimeException brokenStore) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    if (found instanceof CompletableFuture<Optional<KeptAnswer>> future
        && future.isDone()
        && !future.isCompletedExceptionally()
        && future.join() != null) {
      return future;
    }
    CompletableFuture<Optional<KeptAnswer>> lookup = new CompletableFuture<>();
    if (found == null) {
      lookup.complete(Optional.empty());
    } else {
      found.whenComplete(
          (answer, failure) -> lookup.complete(failure == null && answer != null ? answer : Optional.empty()));
    }
    return lookup;
  }

  /** Keeps an answer in the store; a store that throws or fails has kept nothing, and that is all. */
  private CompletableFuture<Void> keep(Key key, KeptAnswer answer) {
    CompletableFuture<Void> kept = new CompletableFuture<>();
    try {
      CompletionStage<?> stored = store.keep(key.target(), key.id(), answer);
      if (stored == null) {
        kept.complete(null);
      } else {
        stored.whenComplete((ignored, failure) -> kept.complete(null));
      }
    } catch (RuntimeException brokenStore) {
      kept.complete(null);
    }
    return kept;
  }

  /** The number of answers kept by the store of a policy, expired ones included: for tests of the bound. */
  int keptCount() {
    return ((BoundedDeepLinkStore) store).size();
  }

  /** The number of shared calls under way: for tests that they end. */
  int callsUnderWay() {
    return underWay.size();
  }

  /** Says the store and the delegate. */
  @Override
  public String toString() {
    return "CachingDeepLinkResolver[" + store + ", delegate=" + delegate + "]";
  }

  /** What a call is about: an interaction and a conversation with one id are two keys. */
  private record Key(LinkTarget target, String id) {}

  /**
   * One call of the delegate, and the callers waiting for it: a look in the store, then, when it
   * found nothing, the delegate, then keeping its answer. Its state is guarded by the lock.
   */
  private final class SharedCall {
    private final Key key;
    private final Supplier<CompletionStage<DeepLink>> call;
    private final Set<CompletableFuture<DeepLink>> waiting = new HashSet<>();
    /** What is being waited for now: the look in the store, then the delegate's stage. */
    private CompletionStage<?> current;
    private boolean over;

    SharedCall(Key key, Supplier<CompletionStage<DeepLink>> call) {
      this.key = key;
      this.call = call;
    }

    /** Adds a caller, unless the call is over; takes the lock. */
    CompletableFuture<DeepLink> tryJoin() {
      synchronized (lock) {
        return over ? null : join();
      }
    }

    /** Adds a caller; the lock is held. */
    CompletableFuture<DeepLink> join() {
      CompletableFuture<DeepLink> caller = new CompletableFuture<>();
      waiting.add(caller);
      // Runs when this call completes the stage too; by then the call is over and it does nothing.
      caller.whenComplete((link, failure) -> leave(caller));
      return caller;
    }

    /**
     * Waits for the look in the store, and asks the delegate when it found nothing; the lock is
     * not held. {@code lookAgain} says that a call ended since the look began, so a miss is looked
     * at once more.
     */
    void start(CompletableFuture<Optional<KeptAnswer>> lookup, boolean lookAgain) {
      if (!waitFor(lookup)) {
        return;
      }
      lookup.thenAccept(
          found -> {
            if (found.isPresent()) {
              answer(found.get());
            } else if (lookAgain) {
              start(find(key), false);
            } else {
              ask();
            }
          });
    }

    /** Makes {@code stage} what is waited for, unless the call was abandoned; takes the lock. */
    private boolean waitFor(CompletionStage<?> stage) {
      synchronized (lock) {
        if (over) {
          return false;
        }
        current = stage;
        return true;
      }
    }

    private void ask() {
      CompletionStage<DeepLink> stage;
      try {
        stage = call.get();
      } catch (RuntimeException brokenDelegate) {
        finish(null, brokenDelegate);
        return;
      }
      if (stage == null) {
        finish(null, new IllegalStateException(delegate + " returned no stage"));
        return;
      }
      if (!waitFor(stage)) {
        cancel(stage);
        return;
      }
      stage.whenComplete(this::delegateAnswered);
    }

    private void delegateAnswered(DeepLink link, Throwable failure) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      KeptAnswer answer =
          cause == null
              ? new KeptAnswer.Link(link)
              : cause instanceof NebulyException.NotFound notFound ? new KeptAnswer.NotFound(notFound) : null;
      synchronized (lock) {
        if (over) {
          return;
        }
      }
      if (answer == null) {
        finish(null, cause);
      } else {
        keep(key, answer).thenRun(() -> finish(link, cause));
      }
    }

    /** Answers every waiting caller with what the store had kept. */
    private void answer(KeptAnswer kept) {
      if (kept instanceof KeptAnswer.NotFound notFound) {
        finish(null, notFound.failure());
      } else {
        finish(((KeptAnswer.Link) kept).link(), null);
      }
    }

    /**
     * A caller's stage completed: by this call (then it is over), or by the caller itself. The last
     * caller to leave abandons the call and cancels what it waits for.
     */
    private void leave(CompletableFuture<DeepLink> caller) {
      CompletionStage<?> abandoned;
      synchronized (lock) {
        if (over || !waiting.remove(caller) || !waiting.isEmpty()) {
          return;
        }
        over = true;
        underWay.remove(key, this);
        abandoned = current;
      }
      if (abandoned != null) {
        cancel(abandoned);
      }
    }

    private void finish(DeepLink link, Throwable failure) {
      List<CompletableFuture<DeepLink>> callers;
      synchronized (lock) {
        endedCalls++;
        if (over) {
          return;
        }
        over = true;
        underWay.remove(key, this);
        callers = new ArrayList<>(waiting);
        waiting.clear();
      }
      for (CompletableFuture<DeepLink> caller : callers) {
        if (failure == null) {
          caller.complete(link);
        } else {
          caller.completeExceptionally(failure);
        }
      }
    }
  }

  /** Cancels a stage, by the port's contract through its {@code toCompletableFuture()}. */
  private static void cancel(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().cancel(true);
    } catch (UnsupportedOperationException notCancellable) {
      // A stage that cannot become a future cannot be cancelled either; its answer is not kept.
    }
  }
}
