package io.github.nebuly4j.bench.jmh;

import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.wire.NebulyCodec;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deep links through core's {@link CachingDeepLinkResolver}, against the same resolver uncached.
 *
 * <ul>
 *   <li>{@link #cached} and {@link #uncached}: a hot set of {@link #hotIds} interactions, asked for
 *       in turn, on one thread; {@link #cachedOnFourThreads} and {@link #uncachedOnFourThreads}: the
 *       same on four threads at once, where the decorator's one lock is contended. The resolver
 *       behind the cache decodes Nebuly's deep-link answer as the adapters do (wire's {@link
 *       NebulyCodec}) and returns a completed stage: the work
 *       a real call does in the client, without the network. A real call costs that and a round
 *       trip, so the measured gain is the least the cache saves.
 *   <li>{@link #burstOfOneId}: 1,000 calls for one interaction from four threads, all made before
 *       the resolver behind the cache answers. The score is the time of a burst; the counters
 *       {@code delegateCalls} and {@code bursts} say how many calls reached that resolver (the
 *       target: as many as there were bursts, one each).
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DeepLinkCacheBenchmark {
  /** The calls of one burst. */
  public static final int BURST_CALLS = 1_000;

  private static final int BURST_THREADS = 4;
  private static final DeepLinkCachePolicy POLICY =
      DeepLinkCachePolicy.builder().maximumSize(10_000).build();

  /** The number of interactions in the hot set, all of them kept by the cache. */
  @Param({"1000"})
  public int hotIds;

  private InteractionId[] ids;
  private DeepLinkResolver uncached;
  private DeepLinkResolver cached;

  /** Builds the resolvers and fills the cache with every id of the hot set. */
  @Setup(Level.Trial)
  public void prepare() {
    ids = new InteractionId[hotIds];
    for (int i = 0; i < hotIds; i++) {
      ids[i] = InteractionId.of(String.format("%08x-0000-4000-8000-%012x", i, i * 7_919L));
    }
    uncached = new DecodingResolver(ids);
    cached = CachingDeepLinkResolver.wrap(uncached, POLICY);
    for (InteractionId id : ids) {
      cached.interactionLink(id).toCompletableFuture().join();
    }
  }

  /** The id each benchmark thread asks for next: the hot set in turn. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    InteractionId next(InteractionId[] ids) {
      InteractionId id = ids[next];
      next = next + 1 == ids.length ? 0 : next + 1;
      return id;
    }
  }

  /**
   * An id of the hot set through the cache.
   *
   * @param cursor this thread's place in the hot set
   * @return the link
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public DeepLink cached(Cursor cursor) {
    return cached.interactionLink(cursor.next(ids)).toCompletableFuture().join();
  }

  /**
   * An id of the hot set from the resolver itself.
   *
   * @param cursor this thread's place in the hot set
   * @return the link
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public DeepLink uncached(Cursor cursor) {
    return uncached.interactionLink(cursor.next(ids)).toCompletableFuture().join();
  }

  /**
   * {@link #cached} on four threads at once.
   *
   * @param cursor this thread's place in the hot set
   * @return the link
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(4)
  public DeepLink cachedOnFourThreads(Cursor cursor) {
    return cached(cursor);
  }

  /**
   * {@link #uncached} on four threads at once.
   *
   * @param cursor this thread's place in the hot set
   * @return the link
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(4)
  public DeepLink uncachedOnFourThreads(Cursor cursor) {
    return uncached(cursor);
  }

  /** The threads that make a burst's calls, started once per trial. */
  @State(Scope.Benchmark)
  public static class Callers {
    ExecutorService threads;

    /** Starts the threads. */
    @Setup(Level.Trial)
    public void start() {
      threads = Executors.newFixedThreadPool(BURST_THREADS);
    }

    /** Stops the threads. */
    @TearDown(Level.Trial)
    public void stop() {
      threads.shutdownNow();
    }
  }

  /** How many calls reached the resolver behind the cache, and in how many bursts. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class DelegateCalls {
    /** The calls that reached the resolver behind the cache. */
    public long delegateCalls;

    /** The bursts made. */
    public long bursts;
  }

  /**
   * 1,000 calls for one id through a new cache, from four threads, before the resolver behind it
   * answers; then the answer, and every caller's link.
   *
   * @param callers the threads that call
   * @param counters where the calls that reached the resolver are counted
   * @return the number of calls that reached the resolver: 1 when the calls were shared
   * @throws Exception if a caller's thread fails, or a caller gets no link or a wrong one
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int burstOfOneId(Callers callers, DelegateCalls counters) throws Exception {
    AnswersWhenTold delegate = new AnswersWhenTold();
    DeepLinkResolver resolver = CachingDeepLinkResolver.wrap(delegate, POLICY);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<CompletableFuture<DeepLink>>>> shares = new ArrayList<>();
    for (int t = 0; t < BURST_THREADS; t++) {
      shares.add(
          callers.threads.submit(
              () -> {
                start.await();
                List<CompletableFuture<DeepLink>> stages = new ArrayList<>();
                for (int i = 0; i < BURST_CALLS / BURST_THREADS; i++) {
                  stages.add(resolver.interactionLink(AnswersWhenTold.ID).toCompletableFuture());
                }
                return stages;
              }));
    }
    start.countDown();
    List<CompletableFuture<DeepLink>> stages = new ArrayList<>(BURST_CALLS);
    for (Future<List<CompletableFuture<DeepLink>>> share : shares) {
      stages.addAll(share.get(60, TimeUnit.SECONDS));
    }
    delegate.answer();
    for (CompletableFuture<DeepLink> stage : stages) {
      if (!AnswersWhenTold.LINK.equals(stage.get(60, TimeUnit.SECONDS))) {
        throw new IllegalStateException("a caller of the burst got " + stage.getNow(null));
      }
    }
    counters.delegateCalls += delegate.calls.get();
    counters.bursts++;
    return delegate.calls.get();
  }

  /** Decodes a pre-encoded deep-link answer per call, as an adapter decodes Nebuly's answer. */
  private static final class DecodingResolver implements DeepLinkResolver {
    private final NebulyCodec codec = new NebulyCodec("bench-api-key");
    private final Map<InteractionId, byte[]> answers = new HashMap<>();

    DecodingResolver(InteractionId[] ids) {
      for (InteractionId id : ids) {
        answers.put(id, Fixtures.deepLink("interactionId", id.value()));
      }
    }

    @Override
    public CompletionStage<DeepLink> interactionLink(InteractionId id) {
      byte[] answer = answers.get(id);
      try {
        return CompletableFuture.completedFuture(codec.interactionLink(200, answer, answer.length, id));
      } catch (NebulyException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public CompletionStage<DeepLink> conversationLink(ConversationId id) {
      throw new UnsupportedOperationException("the benchmark asks for interactions only");
    }
  }

  /** Counts its calls and answers all of them with one link when told to. */
  private static final class AnswersWhenTold implements DeepLinkResolver {
    static final InteractionId ID = InteractionId.of(Fixtures.INTERACTION_ID);
    static final DeepLink LINK =
        DeepLink.toInteraction(ID, URI.create("https://v2.platform.eu.nebuly.com/live-activity?interactionId=" + ID));

    private final AtomicInteger calls = new AtomicInteger();
    private final CompletableFuture<DeepLink> answer = new CompletableFuture<>();

    @Override
    public CompletionStage<DeepLink> interactionLink(InteractionId id) {
      calls.incrementAndGet();
      return answer.copy();
    }

    @Override
    public CompletionStage<DeepLink> conversationLink(ConversationId id) {
      throw new UnsupportedOperationException("the burst asks for one interaction only");
    }

    void answer() {
      answer.complete(LINK);
    }
  }
}
