package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li><b>One call for concurrent callers.</b> Calls for the same target (interaction or
 *       conversation) and id that arrive while the delegate is being asked share that one call of
 *       the delegate, and each receives its outcome. An interaction and a conversation with the same
 *       id are different entries.
 *   <li><b>Links are kept, bounded.</b> A link is kept for the policy's {@link
 *       DeepLinkCachePolicy#timeToLive() time to live}, counted from when the delegate's answer
 *       arrived; until then a call for it asks nobody and gets a stage that is already complete. At
 *       most {@link DeepLinkCachePolicy#maximumSize()} answers are kept: when one more arrives, the
 *       least recently used one (asked for or stored the longest time ago) is dropped.
 *   <li><b>Failures are not kept.</b> After a failure, the next call asks the delegate again. The
 *       one exception is {@link NebulyException.NotFound}, kept for its own {@link
 *       DeepLinkCachePolicy#notFoundTimeToLive() time to live} when the policy sets one (it does
 *       not by default).
 *   <li><b>Cancelling is per caller.</b> Cancelling one caller's stage cancels that stage only: the
 *       shared call goes on for the callers still waiting. When the last caller still waiting
 *       cancels (or completes its stage itself), nobody wants the answer any more, and the shared
 *       call is abandoned: the delegate's stage is cancelled, which by the port's contract stops
 *       its retries and may abort its request; nothing is kept, and the next call asks the delegate
 *       again.
 *   <li><b>Bounded memory, whatever the mix of ids.</b> At most {@code maximumSize} answers are
 *       kept, expired ones included until they are dropped or asked for again; the entry of a
 *       shared call lives only while the call is under way, and is removed when it ends, however it
 *       ends: a link, a failure, a cancellation, or its last caller leaving. A call under way holds
 *       its waiting callers' stages, no more.
 *   <li><b>The port's contract.</b> A call never waits for the delegate's answer or for another
 *       call's (only, briefly, for the lock described below); a null id throws {@link IllegalArgumentException} at once and asks nobody; a stage fails only
 *       with what the delegate's stage failed with (so, for a delegate that honours the port's
 *       contract, a {@link NebulyException} or a {@link java.util.concurrent.CancellationException}),
 *       and a delegate that throws instead of returning a stage, or returns none, fails the shared
 *       call's stages instead of the caller. Every call returns a stage of its own: one caller's
 *       {@code cancel}, {@code complete} or {@code obtrude} reaches neither another caller's stage
 *       nor the kept answer.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>Thread-safe. One lock guards the kept answers (a {@link LinkedHashMap} in access order, which
 * gives the least-recently-used order) and the calls under way. It is held for a map lookup, an
 * insertion or a removal only: never while the delegate is called, and never while a caller's
 * stage completes, so no code of the delegate's or of a caller's ever runs under it. An answer
 * found among the kept ones thus costs a few hash-map operations under a lock that nothing holds
 * for longer. The lock does serialize those answers, so their throughput does not grow with
 * threads; but each holds it for orders of magnitude less time than a call of Nebuly takes, so
 * it is not what limits an application. The project's JMH benchmark {@code
 * DeepLinkCacheBenchmark} measures both, on one thread and on four. The stages of a shared call
 * complete on the thread that completes the delegate's stage.
 *
 * <p>Time is read from a monotonic nanosecond source, {@link System#nanoTime()} unless a test gives
 * another one to {@link #wrap(DeepLinkResolver, DeepLinkCachePolicy, LongSupplier)}.
 */
public final class CachingDeepLinkResolver implements DeepLinkResolver {

  private final DeepLinkResolver delegate;
  private final DeepLinkCachePolicy policy;
  private final LongSupplier nanoTime;
  private final long timeToLive;
  private final long notFoundTimeToLive;

  private final Object lock = new Object();
  /** The answers kept, least recently used first. Guarded by {@link #lock}. */
  private final LinkedHashMap<Key, Kept> kept;
  /** The calls of the delegate under way. Guarded by {@link #lock}. */
  private final Map<Key, SharedCall> underWay = new HashMap<>();

  private CachingDeepLinkResolver(
      DeepLinkResolver delegate, DeepLinkCachePolicy policy, LongSupplier nanoTime) {
    this.delegate = delegate;
    this.policy = policy;
    this.nanoTime = nanoTime;
    this.timeToLive = nanos(policy.timeToLive());
    this.notFoundTimeToLive = policy.notFoundTimeToLive().map(CachingDeepLinkResolver::nanos).orElse(0L);
    int maximumSize = policy.maximumSize();
    this.kept =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > maximumSize;
          }
        };
  }

  /**
   * Wraps a resolver, keeping its answers as the policy says.
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
   * Wraps a resolver, reading time from the given source: for tests, which can then move time on
   * by hand.
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
    return new CachingDeepLinkResolver(
        Arguments.requireNonNull(delegate, "delegate"),
        Arguments.requireNonNull(policy, "policy"),
        Arguments.requireNonNull(nanoTime, "nanoTime"));
  }

  /**
   * Returns the policy this resolver keeps answers by.
   *
   * @return the policy
   */
  public DeepLinkCachePolicy policy() {
    return policy;
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
    long now = nanoTime.getAsLong();
    Kept answer;
    SharedCall started = null;
    CompletableFuture<DeepLink> caller = null;
    synchronized (lock) {
      answer = kept.get(key);
      if (answer != null && answer.expiredAt(now)) {
        kept.remove(key);
        answer = null;
      }
      if (answer == null) {
        SharedCall shared = underWay.get(key);
        if (shared == null) {
          started = new SharedCall(key);
          shared = started;
          underWay.put(key, shared);
        }
        caller = shared.join();
      }
    }
    if (answer != null) {
      return answer.stage();
    }
    if (started != null) {
      started.start(call);
    }
    return caller;
  }

  /** The number of answers kept, expired ones included: for tests of the bound. */
  int keptCount() {
    synchronized (lock) {
      return kept.size();
    }
  }

  /** The number of shared calls under way: for tests that they end. */
  int callsUnderWay() {
    synchronized (lock) {
      return underWay.size();
    }
  }

  /** Says the policy and the delegate. */
  @Override
  public String toString() {
    return "CachingDeepLinkResolver[maximumSize="
        + policy.maximumSize()
        + ", timeToLive="
        + policy.timeToLive()
        + ", notFoundTimeToLive="
        + policy.notFoundTimeToLive().map(Duration::toString).orElse("not kept")
        + ", delegate="
        + delegate
        + "]";
  }

  /** A time to live in nanoseconds; one beyond 292 years is as good as forever. */
  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** What a kept answer is about: an interaction and a conversation with one id are two keys. */
  private record Key(LinkTarget target, String id) {}

  /** A kept answer: a link, or a NotFound when the policy keeps them. */
  private record Kept(DeepLink link, NebulyException.NotFound notFound, long arrivedAt, long timeToLive) {
    boolean expiredAt(long now) {
      // A difference of nanoTime readings, so that the arithmetic survives their overflow.
      return now - arrivedAt >= timeToLive;
    }

    /** A new stage per call, so that no caller can change what another one gets. */
    CompletableFuture<DeepLink> stage() {
      return notFound == null
          ? CompletableFuture.completedFuture(link)
          : CompletableFuture.failedFuture(notFound);
    }
  }

  /** One call of the delegate, and the callers waiting for it. Its state is guarded by the lock. */
  private final class SharedCall {
    private final Key key;
    private final Set<CompletableFuture<DeepLink>> waiting = new HashSet<>();
    private CompletionStage<DeepLink> underlying;
    private boolean over;

    SharedCall(Key key) {
      this.key = key;
    }

    /** Adds a caller; the lock is held. */
    CompletableFuture<DeepLink> join() {
      CompletableFuture<DeepLink> caller = new CompletableFuture<>();
      waiting.add(caller);
      // Runs when this call completes the stage too; by then the call is over and it does nothing.
      caller.whenComplete((link, failure) -> leave(caller));
      return caller;
    }

    /** Calls the delegate; the lock is not held. */
    void start(Supplier<CompletionStage<DeepLink>> call) {
      CompletionStage<DeepLink> stage;
      try {
        stage = call.get();
      } catch (RuntimeException brokenDelegate) {
        end(null, brokenDelegate);
        return;
      }
      if (stage == null) {
        end(null, new IllegalStateException(delegate + " returned no stage"));
        return;
      }
      synchronized (lock) {
        underlying = stage;
      }
      stage.whenComplete(this::end);
    }

    /**
     * A caller's stage completed: by this call (then it is over), or by the caller itself. The last
     * caller to leave abandons the call. The starting caller waits until {@link #start} has
     * returned, so {@link #underlying} is set by the time the last caller can leave.
     */
    private void leave(CompletableFuture<DeepLink> caller) {
      CompletionStage<DeepLink> abandoned;
      synchronized (lock) {
        if (over || !waiting.remove(caller) || !waiting.isEmpty()) {
          return;
        }
        over = true;
        underWay.remove(key);
        abandoned = underlying;
      }
      abandoned.toCompletableFuture().cancel(true);
    }

    private void end(DeepLink link, Throwable failure) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      long now = nanoTime.getAsLong();
      List<CompletableFuture<DeepLink>> callers;
      synchronized (lock) {
        if (over) {
          return;
        }
        over = true;
        underWay.remove(key);
        if (cause == null) {
          kept.put(key, new Kept(link, null, now, timeToLive));
        } else if (cause instanceof NebulyException.NotFound notFound && notFoundTimeToLive > 0) {
          kept.put(key, new Kept(null, notFound, now, notFoundTimeToLive));
        }
        callers = new ArrayList<>(waiting);
        waiting.clear();
      }
      for (CompletableFuture<DeepLink> caller : callers) {
        if (cause == null) {
          caller.complete(link);
        } else {
          caller.completeExceptionally(cause);
        }
      }
    }
  }
}
