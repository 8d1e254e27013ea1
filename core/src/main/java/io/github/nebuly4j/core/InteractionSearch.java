package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Searches the interactions of the API key's project (Nebuly's {@code POST /get-interactions}):
 * those of a time range that meet a query's filters, one page at a time or as a stream of rows.
 *
 * <pre>{@code
 * InteractionQuery query = InteractionQuery.builder()
 *     .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
 *     .addFilters(ListingFilter.of(FilterKind.TOPIC, "Billing"))
 *     .build();
 * Flow.Publisher<InteractionSummary> rows = search.interactions(query);   // pages fetched on demand
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Never blocks.</b> A call returns at once; the work happens elsewhere. It is safe to call
 *       from a Vert.x event loop or a reactive endpoint.
 *   <li><b>One page</b>: {@link #interactionPage} completes with the {@link Page} at the offset
 *       asked for: its {@code offset} is that offset, its {@code limit} the query's page size, its
 *       rows at most that many, its {@code total} the number of rows of the whole search. An offset
 *       at or past the end gives an empty page, not a failure.
 *   <li><b>A stream</b>: {@link #interactions} publishes every row, page after page, fetching a page
 *       only when the subscriber's demand needs it and stopping at the last one; see {@link
 *       PagedPublisher} for everything it promises (one page in flight, cancellation, errors,
 *       Reactive Streams rules).
 *   <li><b>Order</b>: rows come in the order Nebuly sends them. Nebuly's pages publish no order
 *       and offer no sort field, so none is promised; testkit's fakes send the newest first.
 *       Paging is by offset: rows added or removed while a listing is read may shift it, so that
 *       a row is seen twice or not at all.
 *   <li><b>Failure</b>: a page's stage fails with a {@link NebulyException}, after the
 *       implementation's retry policy gave up; never with another exception type, apart from the
 *       {@link java.util.concurrent.CancellationException} of a cancelled call. A stream ends with
 *       the same error, after the rows of the pages before.
 *   <li><b>Cancellation</b>: cancelling a page's {@code toCompletableFuture()} abandons the call;
 *       cancelling a stream's subscription fetches no further page and abandons the one in flight.
 *   <li><b>Bad arguments</b>: a null query or a negative offset throws {@link
 *       IllegalArgumentException} at once. A query is otherwise valid by construction: a bad one
 *       fails when it is built.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface InteractionSearch {

  /**
   * Fetches one page of the interactions that meet the query.
   *
   * @param query the time range, filters and page size
   * @param offset how many rows to skip: 0 for the first page, then each page's {@link
   *     Page#nextOffset()}
   * @return a stage completing with the page, or failing as the interface's contract says
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} is negative
   */
  CompletionStage<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset);

  /**
   * Publishes every interaction that meets the query, fetching pages with {@link #interactionPage}
   * as the subscriber demands rows. Nothing is fetched until a subscriber requests.
   *
   * @param query the time range, filters and page size
   * @return a cold publisher: each subscriber reads the search from its start
   * @throws IllegalArgumentException if {@code query} is null
   */
  default Flow.Publisher<InteractionSummary> interactions(InteractionQuery query) {
    Arguments.requireNonNull(query, "query");
    return PagedPublisher.of(offset -> interactionPage(query, offset));
  }
}
