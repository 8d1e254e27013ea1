package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.Page;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the port suites' own tests share: reading a row back, reading a whole listing. */
final class Listings {
  private Listings() {}

  /** Seeds {@code full} beside a decoy, reads the first page and returns the row with its id. */
  static <P, Q, R> R readBack(ListingContract<P, Q, R> suite, R full) {
    ListingUnderTest<P> under =
        suite.listingWith(List.of(suite.rowAt("a-decoy", ListingContract.RANGE.start().plus(Duration.ofHours(2))), full));
    Page<R> page =
        Stages.await(suite.fetchPage(under.port(), suite.queryOf(ListingContract.RANGE, 10, List.of()), 0), "the page");
    String id = suite.idOf(full);
    return page.rows().stream()
        .filter(row -> suite.idOf(row).equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the row '" + id + "' is missing from " + page.rows()));
  }

  /**
   * The offsets of the page requests of this page size, once a later call (of another page size)
   * has completed: a page that was going to be requested would be in the journal by then.
   */
  static <P, Q, R> List<Long> offsetsOf(ListingContract<P, Q, R> suite, ListingUnderTest<P> under, int pageSize) {
    Stages.await(
        suite.fetchPage(under.port(), suite.queryOf(ListingContract.RANGE, ListingContract.BARRIER_PAGE_SIZE, List.of()), 0),
        "a barrier");
    return under.pageRequests().stream()
        .filter(request -> request.pageSize() == pageSize)
        .map(RequestedPage::offset)
        .toList();
  }

  /** The ids of every row of the listing that meets the filters, read through the stream. */
  static <P, Q, R> Set<String> idsMeeting(
      ListingContract<P, Q, R> suite, ListingUnderTest<P> under, List<ListingFilter> filters) {
    StreamProbe<R> stream =
        StreamProbe.subscribe(suite.publish(under.port(), suite.queryOf(ListingContract.RANGE, 2, filters)));
    stream.request(Long.MAX_VALUE);
    stream.awaitEnd("the rows meeting " + filters);
    assertTrue(stream.completed(), "the stream of " + filters + " completes; it failed with " + stream.error());
    List<String> ids = stream.rows().stream().map(suite::idOf).toList();
    Set<String> distinct = ids.stream().collect(Collectors.toSet());
    assertEquals(ids.size(), distinct.size(), "each row comes once: " + ids);
    return distinct;
  }
}
