package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The paging meaning that both listing ports share, for every implementation: one page at an
 * offset, and the stream that fetches pages lazily. {@link InteractionSearchContract} and {@link
 * ConversationListingContract} extend it with their port's filters and rows; a test class
 * implements one of them by giving {@link #listingWith}, and inherits every test.
 *
 * <p>It checks the paging boundaries (an empty listing, an exact multiple of the page size, a last
 * partial page), laziness (no page before demand, exactly the pages the demand needs), a cancel
 * mid-stream (no page request after it), a failing third page (two pages delivered, then the typed
 * error), the time range, a second subscriber, Reactive Streams rule 3.9 and bad arguments.
 *
 * <p>Rows come in the implementation's order, which Nebuly does not publish; the suite checks that
 * the pages and the stream agree and that each row comes once, not which row comes first. To see
 * that no page was fetched <em>yet</em>, it waits for a later page call of another page size to
 * complete, then reads the journal.
 *
 * @param <P> the port
 * @param <Q> the port's query
 * @param <R> the port's row
 */
public interface ListingContract<P, Q, R> {

  /** The time range that holds the sample rows: thirty days from {@link ContractData#START}. */
  TimeRange RANGE = TimeRange.lasting(Duration.ofDays(30), ContractData.START.plus(Duration.ofDays(30)));

  /** The page size of the later call that tells the suite the journal is up to date. */
  int BARRIER_PAGE_SIZE = 7;

  /**
   * Returns the implementation under test, holding exactly these rows.
   *
   * @param rows the rows
   * @return the implementation, with its journal of page requests
   */
  ListingUnderTest<P> listingWith(List<R> rows);

  /**
   * Fetches one page through the port. Supplied by the port's suite.
   *
   * @param port the port
   * @param query the query
   * @param offset the offset
   * @return the page's stage
   */
  CompletionStage<Page<R>> fetchPage(P port, Q query, long offset);

  /**
   * Returns the port's stream of rows. Supplied by the port's suite.
   *
   * @param port the port
   * @param query the query
   * @return the publisher
   */
  Flow.Publisher<R> publish(P port, Q query);

  /**
   * Builds the port's query. Supplied by the port's suite.
   *
   * @param range the time range
   * @param pageSize the page size
   * @param filters the filters
   * @return the query
   */
  Q queryOf(TimeRange range, int pageSize, List<ListingFilter> filters);

  /**
   * Builds a row with the given id that falls in any time range holding {@code at}. Supplied by the
   * port's suite.
   *
   * @param id the row's id
   * @param at the row's instant
   * @return the row
   */
  R rowAt(String id, Instant at);

  /**
   * Returns a row's id. Supplied by the port's suite.
   *
   * @param row the row
   * @return its id
   */
  String idOf(R row);

  /** An empty listing is one empty page of total 0; its stream completes after that one request. */
  @Test
  default void anEmptyListingIsOneEmptyPage() {
    ListingUnderTest<P> under = listingWith(List.of());

    Page<R> page = Stages.await(fetchPage(under.port(), queryOf(RANGE, 3, List.of()), 0), "the first page");
    assertAll(
        () -> assertEquals(0, page.total(), "total"),
        () -> assertEquals(0, page.offset(), "offset"),
        () -> assertEquals(3, page.limit(), "limit"),
        () -> assertEquals(List.of(), page.rows(), "rows"));

    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, 2, List.of())));
    stream.request(10);
    stream.awaitEnd("an empty listing");
    assertTrue(stream.completed(), "an empty listing completes; got " + stream.error());
    assertEquals(List.of(), stream.rows());
    assertEquals(List.of(0L), offsetsOf(under, 2), "page requests of the stream");
  }

  /** Pages of 3 over 7 rows hold 3, 3 and 1 rows, each row once; past the end a page is empty. */
  @Test
  default void pagesSplitTheRowsAtTheirOffsets() {
    List<R> rows = sampleRows(7);
    ListingUnderTest<P> under = listingWith(rows);
    Q query = queryOf(RANGE, 3, List.of());

    List<String> seen = new ArrayList<>();
    int[] expectedSizes = {3, 3, 1, 0};
    for (int i = 0; i < expectedSizes.length; i++) {
      long offset = 3L * i;
      Page<R> page = Stages.await(fetchPage(under.port(), query, offset), "the page at offset " + offset);
      assertEquals(7, page.total(), "total of the page at offset " + offset);
      assertEquals(offset, page.offset(), "offset of the page at offset " + offset);
      assertEquals(3, page.limit(), "limit of the page at offset " + offset);
      assertEquals(expectedSizes[i], page.rows().size(), "rows of the page at offset " + offset);
      page.rows().forEach(row -> seen.add(idOf(row)));
    }
    assertEquals(idsOf(rows), Set.copyOf(seen), "the pages hold every row");
    assertEquals(7, seen.size(), "each row comes once: " + seen);
  }

  /** A stream over an exact multiple of the page size stops at the total: no empty page after. */
  @Test
  default void aStreamOverAnExactMultipleFetchesNoEmptyPage() {
    List<R> rows = sampleRows(6);
    ListingUnderTest<P> under = listingWith(rows);

    List<R> streamed = streamAll(under, 3);

    assertEquals(List.of(0L, 3L), offsetsOf(under, 3), "page requests of the stream");
    assertEquals(pagedIds(under, 3, 6), ids(streamed), "the stream agrees with the pages");
    assertEquals(idsOf(rows), Set.copyOf(ids(streamed)));
  }

  /** A stream over 7 rows in pages of 3 fetches 3 pages and delivers every row once. */
  @Test
  default void aLastPartialPageEndsTheStream() {
    List<R> rows = sampleRows(7);
    ListingUnderTest<P> under = listingWith(rows);

    List<R> streamed = streamAll(under, 3);

    assertEquals(List.of(0L, 3L, 6L), offsetsOf(under, 3), "page requests of the stream");
    assertEquals(7, streamed.size(), "rows streamed");
    assertEquals(idsOf(rows), Set.copyOf(ids(streamed)));
  }

  /** Subscribing fetches nothing: no page is requested before the subscriber asks for a row. */
  @Test
  default void noPageIsFetchedBeforeDemand() {
    ListingUnderTest<P> under = listingWith(sampleRows(5));

    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, 2, List.of())));

    assertEquals(List.of(), offsetsOf(under, 2), "page requests before any demand");
    assertEquals(List.of(), stream.rows());
  }

  /** Each request fetches only the pages its rows need, one page at a time. */
  @Test
  default void exactlyThePagesDemandedAreFetched() {
    ListingUnderTest<P> under = listingWith(sampleRows(10));
    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, 3, List.of())));

    stream.request(4);
    stream.awaitRows(4, "request(4)");
    assertEquals(List.of(0L, 3L), offsetsOf(under, 3), "pages for rows 1 to 4");

    stream.request(2);
    stream.awaitRows(6, "request(2)");
    assertEquals(List.of(0L, 3L), offsetsOf(under, 3), "rows 5 and 6 were on the second page");

    stream.request(1);
    stream.awaitRows(7, "request(1)");
    assertEquals(List.of(0L, 3L, 6L), offsetsOf(under, 3), "pages for rows 1 to 7");
    assertEquals(7, stream.rows().size(), "rows delivered: no more than requested");
  }

  /** After a cancel mid-stream, no page is requested and no row arrives, whatever is requested. */
  @Test
  default void cancellingMidStreamFetchesNoFurtherPage() {
    ListingUnderTest<P> under = listingWith(sampleRows(10));
    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, 3, List.of())));
    stream.request(4);
    stream.awaitRows(4, "request(4)");

    stream.cancel();
    stream.request(10);

    assertEquals(List.of(0L, 3L), offsetsOf(under, 3), "page requests after the cancel");
    assertEquals(4, stream.rows().size(), "rows delivered after the cancel");
    assertFalse(stream.completed(), "a cancelled stream does not complete");
    assertNull(stream.error(), "a cancelled stream does not fail");
  }

  /** When the third page fails, the stream delivers the first two pages, then the typed error. */
  @Test
  default void aFailedThirdPageEndsTheStreamAfterTwoPages() {
    ListingUnderTest<P> under = listingWith(sampleRows(10));
    NebulyException expected = under.failPagesAt(4);

    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, 2, List.of())));
    stream.request(Long.MAX_VALUE);
    stream.awaitEnd("a stream whose third page fails");

    NebulyException failure = assertInstanceOf(NebulyException.class, stream.error(), "the stream fails");
    assertEquals(expected.getClass(), failure.getClass(), "the error's type");
    assertEquals(expected.httpStatus(), failure.httpStatus(), "the error's HTTP status");
    assertFalse(stream.completed(), "a failed stream does not complete");
    assertEquals(List.of(0L, 2L, 4L), offsetsOf(under, 2), "page requests of the stream");
    assertEquals(pagedIds(under, 2, 4), ids(stream.rows()), "the rows of pages 1 and 2, then nothing");
    Stages.failure(fetchPage(under.port(), queryOf(RANGE, 2, List.of()), 4), expected.getClass(), "the third page");
  }

  /** Rows before or after the time range are left out of the pages and of the total. */
  @Test
  default void rowsOutsideTheTimeRangeAreLeftOut() {
    List<R> inside = sampleRows(3);
    List<R> rows = new ArrayList<>(inside);
    rows.add(rowAt("before-the-range", RANGE.start().minus(Duration.ofDays(2))));
    rows.add(rowAt("after-the-range", RANGE.end().plus(Duration.ofDays(2))));
    ListingUnderTest<P> under = listingWith(rows);

    Page<R> page = Stages.await(fetchPage(under.port(), queryOf(RANGE, 10, List.of()), 0), "the page");

    assertEquals(3, page.total(), "total");
    assertEquals(idsOf(inside), Set.copyOf(ids(page.rows())));
    TimeRange before = TimeRange.lasting(Duration.ofDays(2), RANGE.start().minus(Duration.ofDays(1)));
    assertEquals(
        List.of("before-the-range"),
        ids(Stages.await(fetchPage(under.port(), queryOf(before, 10, List.of()), 0), "the page before").rows()));
  }

  /** Two subscribers of one publisher each read the whole listing. */
  @Test
  default void eachSubscriberReadsTheWholeListing() {
    List<R> rows = sampleRows(5);
    ListingUnderTest<P> under = listingWith(rows);
    Flow.Publisher<R> publisher = publish(under.port(), queryOf(RANGE, 2, List.of()));

    StreamProbe<R> first = StreamProbe.subscribe(publisher);
    StreamProbe<R> second = StreamProbe.subscribe(publisher);
    first.request(Long.MAX_VALUE);
    second.request(Long.MAX_VALUE);
    first.awaitEnd("the first subscriber");
    second.awaitEnd("the second subscriber");

    assertEquals(idsOf(rows), Set.copyOf(ids(first.rows())), "the first subscriber's rows");
    assertEquals(ids(first.rows()), ids(second.rows()), "the second subscriber's rows");
  }

  /** A request of 0 ends the stream with IllegalArgumentException (Reactive Streams rule 3.9). */
  @Test
  default void aNonPositiveRequestFailsTheStream() {
    ListingUnderTest<P> under = listingWith(sampleRows(5));
    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, 2, List.of())));

    stream.request(0);
    stream.awaitEnd("request(0)");

    assertInstanceOf(IllegalArgumentException.class, stream.error(), "the stream's error");
    stream.request(5);
    assertEquals(List.of(), stream.rows(), "no row after the error");
    assertEquals(0, stream.signalsAfterEnd(), "signals after the error");
    assertEquals(List.of(), offsetsOf(under, 2), "page requests");
  }

  /**
   * A null query or a negative offset is a bug of the caller: IllegalArgumentException, thrown by
   * the call itself; a null subscriber is the NullPointerException that Reactive Streams rule 1.9
   * asks for.
   */
  @Test
  default void badArgumentsThrowAtOnce() {
    ListingUnderTest<P> under = listingWith(sampleRows(2));
    P port = under.port();
    Q query = queryOf(RANGE, 2, List.of());

    assertAll(
        () -> assertThrows(IllegalArgumentException.class, () -> fetchPage(port, null, 0), "null query"),
        () -> assertThrows(IllegalArgumentException.class, () -> fetchPage(port, query, -1), "offset -1"),
        () -> assertThrows(IllegalArgumentException.class, () -> publish(port, null), "null query of a stream"),
        () -> assertThrows(NullPointerException.class, () -> publish(port, query).subscribe(null), "null subscriber"));
    assertEquals(List.of(), offsetsOf(under, 2), "page requests");
  }

  private List<R> sampleRows(int count) {
    List<R> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(rowAt("row-" + i, RANGE.start().plus(Duration.ofMinutes(i + 1L))));
    }
    return rows;
  }

  private List<R> streamAll(ListingUnderTest<P> under, int pageSize) {
    StreamProbe<R> stream = StreamProbe.subscribe(publish(under.port(), queryOf(RANGE, pageSize, List.of())));
    stream.request(Long.MAX_VALUE);
    stream.awaitEnd("the stream of pages of " + pageSize);
    assertTrue(stream.completed(), "the stream completes; it failed with " + stream.error());
    assertEquals(0, stream.signalsAfterEnd(), "signals after the end");
    return stream.rows();
  }

  /** The ids of the first {@code count} rows, read page by page with the page method. */
  private List<String> pagedIds(ListingUnderTest<P> under, int pageSize, int count) {
    List<String> ids = new ArrayList<>();
    for (long offset = 0; ids.size() < count; offset += pageSize) {
      Page<R> page = Stages.await(fetchPage(under.port(), queryOf(RANGE, pageSize, List.of()), offset), "page " + offset);
      ids.addAll(ids(page.rows()));
    }
    return ids.subList(0, count);
  }

  private List<Long> offsetsOf(ListingUnderTest<P> under, int pageSize) {
    return Listings.offsetsOf(this, under, pageSize);
  }

  private List<String> ids(List<R> rows) {
    return rows.stream().map(this::idOf).toList();
  }

  private Set<String> idsOf(List<R> rows) {
    return new HashSet<>(ids(rows));
  }
}
