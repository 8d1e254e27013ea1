package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.testkit.server.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ConversationListingContract} for an HTTP adapter, through {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServer}: the rows are seeded into the server, the
 * page requests are read from its journal, and a failing page is a fault at its offset. On top of
 * the semantic suite it checks the body of {@code POST /get-interaction-aggregates}, with the
 * grouping by conversation that an adapter sends by default.
 *
 * <p>The adapter's test class gives {@link #server()} and {@link #adapter(ContractSettings)}
 * only; the adapter is configured with {@link ContractSettings#standard}, and so with its default
 * grouping.
 */
public interface HttpConversationListingContract extends FakeServerBinding, ConversationListingContract {

  /**
   * The {@code group_by} that nebuly4j sends by default to group by conversation, {@code {"kind":
   * "conversation_id"}}. Nebuly does not publish this value: it is nebuly4j's guess, not checked
   * against the live service, and every adapter lets its user set another.
   */
  String DEFAULT_GROUP_BY_KIND = "conversation_id";

  /**
   * Resets the server, seeds the rows, and returns the adapter's listing watched through the
   * journal.
   *
   * @param rows the rows
   * @return the adapter's listing
   */
  @Override
  default ListingUnderTest<ConversationListing> listingWith(List<ConversationSummary> rows) {
    server().reset();
    server().seedConversationRows(rows);
    return HttpListings.underTest(
        server(),
        Endpoint.INTERACTION_AGGREGATES,
        adapter(ContractSettings.standard(server().baseUrl())).conversationListing());
  }

  /**
   * The body is exactly {@code {"time_range": {"start", "end"}, "filters": [{"kind", "tag"?,
   * "values", "is_exclude"}], "group_by": {"kind": "conversation_id"}, "limit", "offset"}}, the
   * instants in UTC ISO-8601, every filter with its {@code is_exclude}, a tag filter with its tag
   * and no other filter with one.
   */
  @Test
  default void sendsTheDocumentedRequestBody() {
    ListingUnderTest<ConversationListing> under = listingWith(List.of());
    TimeRange range = TimeRange.of(RANGE.start(), RANGE.end().minusNanos(1));
    ConversationQuery query =
        ConversationQuery.builder()
            .timeRange(range)
            .addFilters(ListingFilter.of(FilterKind.TOPIC, "Billing"))
            .addFilters(ListingFilter.of(FilterKind.TOPIC, "Smalltalk", "Jokes").excluding())
            .addFilters(ListingFilter.tag("channel", "web"))
            .pageSize(4)
            .build();

    Stages.await(under.port().conversationPage(query, 8), "the page at offset 8");

    ObjectNode body =
        HttpListings.bodyBesidesTheRange(
            server().journal().lastRequest(), server().baseUrl().getRawPath(), Endpoint.INTERACTION_AGGREGATES, range);
    ObjectNode expected = ContractJson.object();
    expected.putArray("filters")
        .add(filter("topic", ContractJson.array("Billing"), false))
        .add(filter("topic", ContractJson.array("Smalltalk", "Jokes"), true))
        .add(filter("tag", ContractJson.array("web"), false).put("tag", "channel"));
    expected.putObject("group_by").put("kind", DEFAULT_GROUP_BY_KIND);
    expected.put("limit", 4).put("offset", 8);
    assertEquals(expected, body, "the body besides its time_range");
  }

  private static ObjectNode filter(String kind, com.fasterxml.jackson.databind.node.ArrayNode values, boolean excluded) {
    ObjectNode filter = ContractJson.object().put("kind", kind);
    filter.set("values", values);
    return filter.put("is_exclude", excluded);
  }
}
