package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link InteractionSearchContract} for an HTTP adapter, through {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServer}: the rows are seeded into the server, the
 * page requests are read from its journal, and a failing page is a fault at its offset. On top of
 * the semantic suite (paging boundaries, laziness, cancellation, the failed third page, filters,
 * the time range) it checks what goes over the wire: the body of {@code POST /get-interactions},
 * and that a stream of 10,000 interactions stopped after 2,500 asks for no further page.
 *
 * <p>The adapter's test class gives {@link #server()} and {@link #adapter(ContractSettings)}
 * only; the adapter is configured with {@link ContractSettings#standard}.
 */
public interface HttpInteractionSearchContract extends FakeServerBinding, InteractionSearchContract {

  /** The number of rows of the long stream. */
  int MANY_ROWS = 10_000;

  /** After how many rows the long stream is stopped. */
  int STOP_AFTER = 2_500;

  /**
   * Resets the server, seeds the rows, and returns the adapter's search watched through the
   * journal.
   *
   * @param rows the rows
   * @return the adapter's search
   */
  @Override
  default ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
    server().reset();
    server().seedInteractionRows(rows);
    return HttpListings.underTest(
        server(), Endpoint.INTERACTIONS, adapter(ContractSettings.standard(server().baseUrl())).interactionSearch());
  }

  /**
   * The body is exactly {@code {"time_range": {"start", "end"}, "filters": [{"kind", "tag"?,
   * "values"}], "limit", "offset"}}, the instants in UTC ISO-8601, a tag filter with its tag and no
   * other filter with one, no {@code is_exclude} (this endpoint publishes none).
   */
  @Test
  default void sendsTheDocumentedRequestBody() {
    ListingUnderTest<InteractionSearch> under = listingWith(List.of());
    TimeRange range = TimeRange.of(RANGE.start().plusNanos(123_456_789), RANGE.end());
    InteractionQuery query =
        InteractionQuery.builder()
            .timeRange(range)
            .addFilters(ListingFilter.of(FilterKind.TOPIC, "Billing", "Refunds"))
            .addFilters(ListingFilter.tag("channel", "web"))
            .pageSize(3)
            .build();

    Stages.await(under.port().interactionPage(query, 6), "the page at offset 6");

    RecordedRequest request = server().journal().lastRequest();
    ObjectNode body = HttpListings.bodyBesidesTheRange(request, server().baseUrl().getRawPath(), Endpoint.INTERACTIONS, range);
    ObjectNode expected = ContractJson.object();
    expected.putArray("filters")
        .add(ContractJson.object().put("kind", "topic").set("values", ContractJson.array("Billing", "Refunds")))
        .add(ContractJson.object().put("kind", "tag").put("tag", "channel").set("values", ContractJson.array("web")));
    expected.put("limit", 3).put("offset", 6);
    assertEquals(expected, body, "the body besides its time_range");
  }

  /** A query without filters sends {@code "filters": []}: the field is required. */
  @Test
  default void sendsAnEmptyListOfFilters() {
    ListingUnderTest<InteractionSearch> under = listingWith(List.of());

    Stages.await(under.port().interactionPage(queryOf(RANGE, 5, List.of()), 0), "the first page");

    ObjectNode body =
        HttpListings.bodyBesidesTheRange(
            server().journal().lastRequest(), server().baseUrl().getRawPath(), Endpoint.INTERACTIONS, RANGE);
    assertEquals(ContractJson.object().set("filters", ContractJson.array()), body.without(List.of("limit", "offset")));
  }

  /**
   * 10,000 interactions, read in the default pages of 100 by a subscriber that asked for every row
   * and cancels inside the {@code onNext} of the 2,500th: 25 pages were requested, and no other.
   */
  @Test
  default void aStreamCancelledAfter2500Of10000RowsRequestsNoFurtherPage() {
    ListingUnderTest<InteractionSearch> under = listingWith(manyRows());
    InteractionQuery query = InteractionQuery.builder().timeRange(RANGE).build();

    StreamProbe<InteractionSummary> stream = StreamProbe.subscribeCancellingAfter(publish(under.port(), query), STOP_AFTER);
    stream.request(Long.MAX_VALUE);
    stream.awaitRows(STOP_AFTER, "2,500 of 10,000 rows");

    assertEquals(firstPages(), requestedOffsets(under, query.pageSize()), "page requests after the cancel");
    assertEquals(STOP_AFTER, stream.rows().size(), "rows delivered");
    assertNull(stream.error(), "a cancelled stream does not fail");
  }

  /**
   * 10,000 interactions, of which the subscriber asks for 2,500 and then stops reading: 25 pages
   * were requested, and no other, before and after it cancels.
   */
  @Test
  default void aStreamWhoseReaderStopsAfter2500Of10000RowsRequestsNoFurtherPage() {
    ListingUnderTest<InteractionSearch> under = listingWith(manyRows());
    InteractionQuery query = InteractionQuery.builder().timeRange(RANGE).build();

    StreamProbe<InteractionSummary> stream = StreamProbe.subscribe(publish(under.port(), query));
    stream.request(STOP_AFTER);
    stream.awaitRows(STOP_AFTER, "2,500 of 10,000 rows");

    assertEquals(firstPages(), requestedOffsets(under, query.pageSize()), "page requests while nothing more is asked for");
    stream.cancel();
    assertEquals(firstPages(), requestedOffsets(under, query.pageSize()), "page requests after the cancel");
    assertEquals(STOP_AFTER, stream.rows().size(), "rows delivered");
  }

  private static List<InteractionSummary> manyRows() {
    List<InteractionSummary> rows = new ArrayList<>(MANY_ROWS);
    Instant start = RANGE.start().plus(Duration.ofMinutes(1));
    for (int i = 0; i < MANY_ROWS; i++) {
      rows.add(ListingData.fullInteraction("many-" + i, start.plusSeconds(i)));
    }
    return rows;
  }

  private static List<Long> firstPages() {
    return LongStream.range(0, STOP_AFTER / 100).map(page -> page * 100).boxed().toList();
  }

  private List<Long> requestedOffsets(ListingUnderTest<InteractionSearch> under, int pageSize) {
    return Listings.offsetsOf(this, under, pageSize);
  }
}
