package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The meaning of {@link InteractionSearch}, for every implementation: a test class implements this
 * interface by giving {@link #listingWith} and inherits the tests, those of {@link ListingContract}
 * (paging, laziness, cancellation, failure) and these: every field of a row arrives, filters of one
 * kind are OR-ed and several are AND-ed (nebuly4j's assumption), a tag filter matches its tag, and
 * a bad query fails when it is built.
 *
 * <pre>{@code
 * class MySearchTest implements InteractionSearchContract {
 *   public ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
 *     MySearch search = new MySearch(rows);
 *     return new ListingUnderTest<>() { ... port(), pageRequests(), failPagesAt(offset) ... };
 *   }
 * }
 * }</pre>
 *
 * <p>The filter tests use the kinds {@code topic}, {@code user} and {@code tag}, and the values as
 * exact text.
 */
public interface InteractionSearchContract
    extends ListingContract<InteractionSearch, InteractionQuery, InteractionSummary> {

  @Override
  default CompletionStage<Page<InteractionSummary>> fetchPage(
      InteractionSearch port, InteractionQuery query, long offset) {
    return port.interactionPage(query, offset);
  }

  @Override
  default Flow.Publisher<InteractionSummary> publish(InteractionSearch port, InteractionQuery query) {
    return port.interactions(query);
  }

  @Override
  default InteractionQuery queryOf(TimeRange range, int pageSize, List<ListingFilter> filters) {
    return InteractionQuery.builder().timeRange(range).pageSize(pageSize).filters(filters).build();
  }

  @Override
  default InteractionSummary rowAt(String id, Instant at) {
    return InteractionSummary.builder()
        .id(InteractionId.of(id))
        .conversationId(ConversationId.of("conversation-of-" + id))
        .input("question " + id)
        .output("answer " + id)
        .timestamp(at)
        .endTimestamp(at.plusSeconds(2))
        .build();
  }

  @Override
  default String idOf(InteractionSummary row) {
    return row.id().value();
  }

  /** A row with every field, among others, arrives equal to the one seeded. */
  @Test
  default void aRowArrivesWithEveryField() {
    InteractionSummary full = ListingData.fullInteraction("every-field", RANGE.start().plus(Duration.ofHours(1)));
    InteractionSummary found = Listings.readBack(this, full);
    assertAll(
        () -> assertEquals(full.conversationId(), found.conversationId(), "conversation id"),
        () -> assertEquals(full.input(), found.input(), "input"),
        () -> assertEquals(full.output(), found.output(), "output"),
        () -> assertEquals(full.userQuery(), found.userQuery(), "user query"),
        () -> assertEquals(full.endUser(), found.endUser(), "end user"),
        () -> assertEquals(full.timestamp(), found.timestamp(), "timestamp"),
        () -> assertEquals(full.endTimestamp(), found.endTimestamp(), "end timestamp"),
        () -> assertEquals(full.cost(), found.cost(), "cost"),
        () -> assertEquals(full.latency(), found.latency(), "latency"),
        () -> assertEquals(full.language(), found.language(), "language"),
        () -> assertEquals(full.topic(), found.topic(), "topic"),
        () -> assertEquals(full.sentiment(), found.sentiment(), "sentiment"),
        () -> assertEquals(full.emotions(), found.emotions(), "emotions"),
        () -> assertEquals(List.copyOf(full.tags().keySet()), List.copyOf(found.tags().keySet()), "tag order"),
        () -> assertEquals(full.tags(), found.tags(), "tags"),
        () -> assertEquals(full.feedback(), found.feedback(), "feedback"),
        () -> assertEquals(full, found, "the whole row"));
  }

  /** The values of one filter are OR-ed; several filters are AND-ed. */
  @Test
  default void filtersOfOneKindAreOredAndSeveralAreAnded() {
    Instant at = RANGE.start().plus(Duration.ofHours(1));
    ListingUnderTest<InteractionSearch> under =
        listingWith(
            List.of(
                rowAt("billing-alice", at).withTopic("Billing").withEndUser("alice"),
                rowAt("refunds-bob", at.plusSeconds(1)).withTopic("Refunds").withEndUser("bob"),
                rowAt("smalltalk-alice", at.plusSeconds(2)).withTopic("Smalltalk").withEndUser("alice"),
                rowAt("billing-bob", at.plusSeconds(3)).withTopic("Billing").withEndUser("bob"),
                rowAt("no-topic-alice", at.plusSeconds(4)).withEndUser("alice")));
    ListingFilter billingOrRefunds = ListingFilter.of(FilterKind.TOPIC, "Billing", "Refunds");
    ListingFilter alice = ListingFilter.of(FilterKind.USER, "alice");

    assertAll(
        () -> assertEquals(
            Set.of("billing-alice", "refunds-bob", "billing-bob"),
            Listings.idsMeeting(this, under, List.of(billingOrRefunds)), "topic Billing or Refunds"),
        () -> assertEquals(
            Set.of("billing-alice", "smalltalk-alice", "no-topic-alice"),
            Listings.idsMeeting(this, under, List.of(alice)), "user alice"),
        () -> assertEquals(
            Set.of("billing-alice"),
            Listings.idsMeeting(this, under, List.of(billingOrRefunds, alice)), "both filters"),
        () -> assertEquals(
            Set.of(),
            Listings.idsMeeting(this, under, List.of(ListingFilter.of(FilterKind.TOPIC, "Nothing"))),
            "a topic no row has"));
  }

  /** A tag filter matches the values of its own tag only. */
  @Test
  default void aTagFilterMatchesTheValuesOfItsTag() {
    Instant at = RANGE.start().plus(Duration.ofHours(1));
    ListingUnderTest<InteractionSearch> under =
        listingWith(
            List.of(
                rowAt("web", at).withTags(Map.of("channel", "web")),
                rowAt("app", at.plusSeconds(1)).withTags(Map.of("channel", "app")),
                rowAt("plan-web", at.plusSeconds(2)).withTags(Map.of("plan", "web")),
                rowAt("untagged", at.plusSeconds(3))));

    assertAll(
        () -> assertEquals(
            Set.of("web"), Listings.idsMeeting(this, under, List.of(ListingFilter.tag("channel", "web"))),
            "tag channel web"),
        () -> assertEquals(
            Set.of("web", "app"),
            Listings.idsMeeting(this, under, List.of(ListingFilter.tag("channel", "web", "app"))),
            "tag channel web or app"));
  }

  /** A bad query fails when it is built, with a message that names the rule it breaks. */
  @Test
  default void aBadQueryFailsWhenBuilt() {
    Instant start = RANGE.start();
    assertAll(
        () -> assertEquals(
            "a time range must not end before it starts; got start " + start + " and end " + start.minusSeconds(1),
            assertThrows(IllegalArgumentException.class, () -> TimeRange.of(start, start.minusSeconds(1))).getMessage()),
        () -> assertEquals(
            "pageSize must be between 1 and 1000, got 0",
            assertThrows(IllegalArgumentException.class, () -> queryOf(RANGE, 0, List.of())).getMessage()),
        () -> assertEquals(
            "pageSize must be between 1 and 1000, got 1001",
            assertThrows(IllegalArgumentException.class, () -> queryOf(RANGE, 1001, List.of())).getMessage()),
        () -> assertEquals(
            "a tag filter needs the name of its tag; build it with ListingFilter.tag(name, values)",
            assertThrows(IllegalArgumentException.class, () -> ListingFilter.of(FilterKind.TAG, "web")).getMessage()),
        () -> assertEquals(
            "only a tag filter names a tag; a topic filter was given the tag name 'channel'",
            assertThrows(
                IllegalArgumentException.class,
                () -> ListingFilter.builder().kind(FilterKind.TOPIC).tagName("channel").addValues("x").build())
                .getMessage()),
        () -> assertEquals(
            "a user filter needs at least one value",
            assertThrows(IllegalArgumentException.class, () -> ListingFilter.of(FilterKind.USER)).getMessage()),
        () -> assertEquals(
            "get-interactions does not allow excluding filters (only get-interaction-aggregates publishes"
                + " is_exclude); filter 0 is 'topic not in [x]'",
            assertThrows(
                IllegalArgumentException.class,
                () -> queryOf(RANGE, 10, List.of(ListingFilter.of(FilterKind.TOPIC, "x").excluding())))
                .getMessage()));
  }
}
