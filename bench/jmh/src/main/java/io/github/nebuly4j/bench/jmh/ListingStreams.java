package io.github.nebuly4j.bench.jmh;

import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * What the listing benchmark and its probe share: the exchange over a {@link PagesTransport}, the
 * query, and a reader that streams every row of core's paged publisher, as an application does.
 */
public final class ListingStreams {
  /** The page size the listings are read with: the default of a query. */
  public static final int PAGE_SIZE = 100;

  /** The search every stream reads: June 2024, whose days hold the transport's rows. */
  public static final InteractionQuery QUERY =
      InteractionQuery.builder()
          .timeRange(TimeRange.of(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z")))
          .pageSize(PAGE_SIZE)
          .build();

  private ListingStreams() {}

  /**
   * Returns the exchange over the transport, with default settings but no retries.
   *
   * @param transport the transport
   * @return the exchange
   */
  public static NebulyExchange exchange(PagesTransport transport) {
    return NebulyExchange.create(
        NebulySettings.builder()
            .baseUrl("https://nebuly.example/api/external")
            .apiKey("bench-listing-key")
            .retryPolicy(RetryPolicy.none())
            .build(),
        transport);
  }

  /**
   * Reads every row of the search, asking for all of them at once (the publisher still fetches one
   * page at a time), and calls {@code afterRow} with each row's number, from 1.
   *
   * @param exchange the exchange
   * @param afterRow called after each row, on the thread that delivered it
   * @return the number of rows read
   * @throws IllegalStateException if the stream fails or does not end within ten minutes
   */
  public static long readAll(NebulyExchange exchange, LongConsumer afterRow) {
    CompletableFuture<Long> end = new CompletableFuture<>();
    exchange
        .interactions(QUERY)
        .subscribe(
            new Flow.Subscriber<InteractionSummary>() {
              private long rows;

              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(InteractionSummary row) {
                afterRow.accept(++rows);
              }

              @Override
              public void onError(Throwable failure) {
                end.completeExceptionally(failure);
              }

              @Override
              public void onComplete() {
                end.complete(rows);
              }
            });
    try {
      return end.get(10, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the stream failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the stream did not end within ten minutes", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while streaming", e);
    }
  }
}
