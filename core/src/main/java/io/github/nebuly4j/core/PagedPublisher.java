package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows of a listing as a {@link Flow.Publisher}, fetched page by page as the subscriber asks
 * for them: the one implementation behind {@link InteractionSearch#interactions} and {@link
 * ConversationListing#conversations}, for every adapter and fake.
 *
 * <ul>
 *   <li><b>Lazy</b>: no page is fetched before the subscriber requests a row, and a page is fetched
 *       only when the rows already fetched cannot meet the demand: never more than one page in
 *       flight, never a page nobody asked for. At most one page is held in memory.
 *   <li><b>End</b>: after the {@linkplain Page#isLast() last page} (one that is empty, shorter than
 *       its limit, or reaches the total), once its rows are delivered, {@code onComplete}.
 *   <li><b>Failure</b>: when a page fails, the rows of the pages before it have all been delivered;
 *       then {@code onError} with the page's failure (a {@link NebulyException} from a port; a
 *       {@link java.util.concurrent.CompletionException} is unwrapped). A fetcher that breaks its
 *       contract (throws, returns no stage, completes with no page or with the page of another
 *       offset) ends the stream with what it threw, or an {@link IllegalStateException} naming the
 *       breach.
 *   <li><b>Cancellation</b>: {@link Flow.Subscription#cancel()} stops everything: no further page
 *       is fetched, the page in flight is abandoned (its stage's {@code toCompletableFuture()} is
 *       cancelled, which lets an adapter abort the request), and no signal follows. It is
 *       idempotent, and {@code request} after it does nothing.
 *   <li><b>Reactive Streams</b>: the rules of {@link Flow} hold. Signals are serial, never
 *       concurrent, but may arrive on the thread that requested or on the thread that completed a
 *       page (an adapter's event loop). A {@code request} made inside {@code onNext} is served by
 *       the loop already running, never by recursion. A non-positive request ends the stream with
 *       {@code onError(IllegalArgumentException)} (rule 3.9); demand adds up to {@link
 *       Long#MAX_VALUE}, which means unbounded. A subscriber method that throws cancels the
 *       subscription, and the exception goes to the thread's uncaught-exception handler (rule 2.13).
 *   <li><b>Cold</b>: each subscriber gets its own subscription, starting again from offset 0.
 * </ul>
 *
 * @param <T> the type of a row
 */
public final class PagedPublisher<T> implements Flow.Publisher<T> {
  private final PageFetcher<T> fetcher;

  private PagedPublisher(PageFetcher<T> fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * Returns the publisher of the rows that {@code fetcher} pages through, from offset 0.
   *
   * @param fetcher fetches one page; called only from a subscription's serial loop, one page at a
   *     time
   * @param <T> the type of a row
   * @return the publisher; nothing is fetched until a subscriber requests
   * @throws IllegalArgumentException if {@code fetcher} is null
   */
  public static <T> PagedPublisher<T> of(PageFetcher<T> fetcher) {
    return new PagedPublisher<>(Arguments.requireNonNull(fetcher, "fetcher"));
  }

  /**
   * Subscribes: {@code onSubscribe} at once, rows as they are requested.
   *
   * @param subscriber the subscriber
   * @throws NullPointerException if {@code subscriber} is null, as Reactive Streams rule 1.9
   *     requires (and the interoperability tests check) of every {@code Flow.Publisher}
   */
  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    if (subscriber == null) {
      throw new NullPointerException("subscriber must not be null (Reactive Streams rule 1.9)");
    }
    new PagingSubscription<>(subscriber, fetcher).start();
  }

  /** What a page's stage completed with, handed from its completing thread to the serial loop. */
  private record Arrival<T>(long offset, Page<T> page, Throwable failure) {}

  /**
   * One subscriber's pass over the listing. Every signal and every fetch happens in {@link
   * #drain()}, a loop that one thread at a time runs (the work-in-progress counter admits one
   * thread and makes the others leave their work to it), so the fields below the volatile ones are
   * touched by that loop only.
   */
  private static final class PagingSubscription<T> implements Flow.Subscription {
    private final Flow.Subscriber<? super T> subscriber;
    private final PageFetcher<T> fetcher;
    private final AtomicInteger workInProgress = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private volatile boolean cancelled;
    private volatile IllegalArgumentException badRequest;
    private volatile Arrival<T> arrival;

    private CompletionStage<Page<T>> inFlight;
    private List<T> rows = List.of();
    private int delivered;
    private long nextOffset;
    private boolean lastPage;
    private boolean terminated;

    PagingSubscription(Flow.Subscriber<? super T> subscriber, PageFetcher<T> fetcher) {
      this.subscriber = subscriber;
      this.fetcher = fetcher;
    }

    void start() {
      try {
        subscriber.onSubscribe(this);
      } catch (RuntimeException e) {
        cancel();
        report(e);
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        if (badRequest == null) {
          badRequest =
              new IllegalArgumentException(
                  "request(n) needs a positive n (Reactive Streams rule 3.9), got " + n);
        }
      } else {
        demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    private void drain() {
      if (workInProgress.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        if (!terminated) {
          step();
        }
        missed = workInProgress.addAndGet(-missed);
      } while (missed != 0);
    }

    /** Does what the state allows now; whatever changes it later calls {@link #drain()} again. */
    private void step() {
      if (cancelled) {
        stop();
        return;
      }
      IllegalArgumentException bad = badRequest;
      if (bad != null) {
        stop();
        signalError(bad);
        return;
      }
      Arrival<T> arrived = arrival;
      if (arrived != null) {
        arrival = null;
        inFlight = null;
        if (!accept(arrived)) {
          return;
        }
      }
      if (!deliver()) {
        return;
      }
      if (delivered == rows.size()) {
        if (lastPage) {
          terminated = true;
          rows = List.of();
          signalComplete();
        } else if (inFlight == null && demand.get() > 0 && !cancelled && badRequest == null) {
          // A cancel or a bad request made inside onNext is handled by the loop's next pass.
          fetch();
        }
      }
    }

    /** Takes an arrived page as the current one; false when it ended the stream instead. */
    private boolean accept(Arrival<T> arrived) {
      Throwable failure = arrived.failure();
      if (failure == null && arrived.page() == null) {
        failure = new IllegalStateException("the page at offset " + arrived.offset() + " completed with no page");
      } else if (failure == null && arrived.page().offset() != arrived.offset()) {
        failure =
            new IllegalStateException(
                "the page fetched at offset " + arrived.offset() + " says it is at offset " + arrived.page().offset());
      }
      if (failure != null) {
        terminated = true;
        signalError(unwrap(failure));
        return false;
      }
      Page<T> page = arrived.page();
      rows = page.rows();
      delivered = 0;
      nextOffset = page.nextOffset();
      lastPage = page.isLast();
      return true;
    }

    /** Delivers the fetched rows the demand allows; false when the subscriber broke the stream. */
    private boolean deliver() {
      long wanted = demand.get();
      long sent = 0;
      while (sent < wanted && delivered < rows.size()) {
        if (cancelled) {
          stop();
          return false;
        }
        T row = rows.get(delivered++);
        sent++;
        try {
          subscriber.onNext(row);
        } catch (RuntimeException e) {
          cancelled = true;
          stop();
          report(e);
          return false;
        }
      }
      if (sent > 0) {
        long produced = sent;
        demand.getAndUpdate(current -> current == Long.MAX_VALUE ? current : current - produced);
      }
      return true;
    }

    private void fetch() {
      long offset = nextOffset;
      CompletionStage<Page<T>> stage;
      try {
        stage = fetcher.fetch(offset);
      } catch (RuntimeException e) {
        terminated = true;
        signalError(e);
        return;
      }
      if (stage == null) {
        terminated = true;
        signalError(new IllegalStateException("the page fetcher returned no stage for offset " + offset));
        return;
      }
      inFlight = stage;
      stage.whenComplete(
          (page, failure) -> {
            arrival = new Arrival<>(offset, page, failure);
            drain();
          });
    }

    /** Ends the subscription without a signal: abandons the page in flight and drops the rows. */
    private void stop() {
      terminated = true;
      rows = List.of();
      CompletionStage<Page<T>> abandoned = inFlight;
      inFlight = null;
      if (abandoned != null) {
        try {
          abandoned.toCompletableFuture().cancel(false);
        } catch (UnsupportedOperationException e) {
          // A stage that cannot be cancelled completes unheard: its arrival is ignored.
        }
      }
    }

    private void signalError(Throwable failure) {
      try {
        subscriber.onError(failure);
      } catch (RuntimeException e) {
        report(e);
      }
    }

    private void signalComplete() {
      try {
        subscriber.onComplete();
      } catch (RuntimeException e) {
        report(e);
      }
    }

    private static Throwable unwrap(Throwable failure) {
      Throwable cause = failure;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause;
    }

    /** Raises a subscriber's broken rule where the runtime shows it (Reactive Streams rule 2.13). */
    private static void report(RuntimeException e) {
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
    }
  }
}
