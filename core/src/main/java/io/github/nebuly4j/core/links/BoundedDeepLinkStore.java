package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.LinkTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The store of {@link CachingDeepLinkResolver#wrap(io.github.nebuly4j.core.DeepLinkResolver,
 * DeepLinkCachePolicy)}: at most the policy's {@code maximumSize} answers in memory, the least
 * recently used dropped first, each kept for its time to live. Its stages are always complete.
 *
 * <p>One lock guards a {@link LinkedHashMap} in access order, which gives the least-recently-used
 * order; it is held for a map operation only.
 */
final class BoundedDeepLinkStore implements DeepLinkStore {
  private static final CompletableFuture<Optional<KeptAnswer>> NOTHING =
      CompletableFuture.completedFuture(Optional.empty());
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final DeepLinkCachePolicy policy;
  private final LongSupplier nanoTime;
  private final long timeToLive;
  private final long notFoundTimeToLive;
  /** The answers kept, least recently used first. Guarded by itself. */
  private final LinkedHashMap<Key, Kept> kept;

  BoundedDeepLinkStore(DeepLinkCachePolicy policy, LongSupplier nanoTime) {
    this.policy = policy;
    this.nanoTime = nanoTime;
    this.timeToLive = nanos(policy.timeToLive());
    this.notFoundTimeToLive = policy.notFoundTimeToLive().map(BoundedDeepLinkStore::nanos).orElse(0L);
    int maximumSize = policy.maximumSize();
    this.kept =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > maximumSize;
          }
        };
  }

  @Override
  public CompletableFuture<Optional<KeptAnswer>> find(LinkTarget target, String id) {
    Key key = new Key(target, id);
    long now = nanoTime.getAsLong();
    synchronized (kept) {
      Kept answer = kept.get(key);
      if (answer == null) {
        return NOTHING;
      }
      if (answer.expiredAt(now)) {
        kept.remove(key);
        return NOTHING;
      }
      return CompletableFuture.completedFuture(Optional.of(answer.answer()));
    }
  }

  @Override
  public CompletableFuture<Void> keep(LinkTarget target, String id, KeptAnswer answer) {
    long lifetime = answer instanceof KeptAnswer.NotFound ? notFoundTimeToLive : timeToLive;
    if (lifetime > 0) {
      Kept entry = new Kept(answer, nanoTime.getAsLong(), lifetime);
      synchronized (kept) {
        kept.put(new Key(target, id), entry);
      }
    }
    return DONE;
  }

  /** The number of answers kept, expired ones included: for tests of the bound. */
  int size() {
    synchronized (kept) {
      return kept.size();
    }
  }

  /** Says the policy. */
  @Override
  public String toString() {
    return "maximumSize="
        + policy.maximumSize()
        + ", timeToLive="
        + policy.timeToLive()
        + ", notFoundTimeToLive="
        + policy.notFoundTimeToLive().map(Duration::toString).orElse("not kept");
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

  /** A kept answer, when it arrived and how long it lives. */
  private record Kept(KeptAnswer answer, long arrivedAt, long timeToLive) {
    boolean expiredAt(long now) {
      // A difference of nanoTime readings, so that the arithmetic survives their overflow.
      return now - arrivedAt >= timeToLive;
    }
  }
}
