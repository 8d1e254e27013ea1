package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The meaning of {@link ConversationListing}, for every implementation: a test class implements
 * this interface by giving {@link #listingWith} and inherits the tests, those of {@link
 * ListingContract} (paging, laziness, cancellation, failure) and these: every metric of a row
 * arrives, filters of one kind are OR-ed and several are AND-ed (nebuly4j's assumption), an
 * excluded filter keeps the rows that match none of its values, and a bad query fails when it is
 * built.
 *
 * <p>A sample row's session lasts one minute from its instant. The filter tests use the kind
 * {@code topic}, the values as exact text.
 */
public interface ConversationListingContract
    extends ListingContract<ConversationListing, ConversationQuery, ConversationSummary> {

  @Override
  default CompletionStage<Page<ConversationSummary>> fetchPage(
      ConversationListing port, ConversationQuery query, long offset) {
    return port.conversationPage(query, offset);
  }

  @Override
  default Flow.Publisher<ConversationSummary> publish(ConversationListing port, ConversationQuery query) {
    return port.conversations(query);
  }

  @Override
  default ConversationQuery queryOf(TimeRange range, int pageSize, List<ListingFilter> filters) {
    return ConversationQuery.builder().timeRange(range).pageSize(pageSize).filters(filters).build();
  }

  @Override
  default ConversationSummary rowAt(String id, Instant at) {
    return ConversationSummary.builder()
        .id(ConversationId.of(id))
        .interactionCount(2)
        .startSession(at)
        .endSession(at.plus(Duration.ofMinutes(1)))
        .build();
  }

  @Override
  default String idOf(ConversationSummary row) {
    return row.id().value();
  }

  /** A row with every metric, among others, arrives equal to the one seeded. */
  @Test
  default void aRowArrivesWithEveryMetric() {
    ConversationSummary full = ListingData.fullConversation("every-metric", RANGE.start().plus(Duration.ofHours(1)));
    ConversationSummary found = Listings.readBack(this, full);
    assertAll(
        () -> assertEquals(full.interactionCount(), found.interactionCount(), "n_interactions"),
        () -> assertEquals(full.userCount(), found.userCount(), "n_users"),
        () -> assertEquals(full.feedbackCount(), found.feedbackCount(), "n_feedback"),
        () -> assertEquals(full.positiveImplicitFeedbackCount(), found.positiveImplicitFeedbackCount(), "positive implicit"),
        () -> assertEquals(full.negativeImplicitFeedbackCount(), found.negativeImplicitFeedbackCount(), "negative implicit"),
        () -> assertEquals(full.positiveExplicitFeedbackCount(), found.positiveExplicitFeedbackCount(), "positive explicit"),
        () -> assertEquals(full.negativeExplicitFeedbackCount(), found.negativeExplicitFeedbackCount(), "negative explicit"),
        () -> assertEquals(full.cost(), found.cost(), "cost"),
        () -> assertEquals(full.latency(), found.latency(), "latency_seconds"),
        () -> assertEquals(full.sessionTime(), found.sessionTime(), "session_time"),
        () -> assertEquals(full.startSession(), found.startSession(), "start_session"),
        () -> assertEquals(full.endSession(), found.endSession(), "end_session"),
        () -> assertEquals(full.topics(), found.topics(), "topics"),
        () -> assertEquals(full.sentimentScore(), found.sentimentScore(), "sentiment_score"),
        () -> assertEquals(full.emotionCount(), found.emotionCount(), "n_emotions"),
        () -> assertEquals(full.tagValueCounts(), found.tagValueCounts(), "tags"),
        () -> assertEquals(full, found, "the whole row"));
  }

  /** The values of one filter are OR-ed; an excluded filter keeps the others; filters are AND-ed. */
  @Test
  default void filtersAreOredWithinAndAndedAcrossAndMayExclude() {
    Instant at = RANGE.start().plus(Duration.ofHours(1));
    ListingUnderTest<ConversationListing> under =
        listingWith(
            List.of(
                rowAt("billing", at).withTopics("Billing"),
                rowAt("refunds-and-billing", at.plusSeconds(1)).withTopics("Refunds", "Billing"),
                rowAt("smalltalk", at.plusSeconds(2)).withTopics("Smalltalk"),
                rowAt("no-topic", at.plusSeconds(3))));
    ListingFilter billing = ListingFilter.of(FilterKind.TOPIC, "Billing");
    ListingFilter refundsOrSmalltalk = ListingFilter.of(FilterKind.TOPIC, "Refunds", "Smalltalk");

    assertAll(
        () -> assertEquals(
            Set.of("billing", "refunds-and-billing"), Listings.idsMeeting(this, under, List.of(billing)),
            "topic Billing"),
        () -> assertEquals(
            Set.of("refunds-and-billing", "smalltalk"),
            Listings.idsMeeting(this, under, List.of(refundsOrSmalltalk)), "topic Refunds or Smalltalk"),
        () -> assertEquals(
            Set.of("billing", "no-topic"),
            Listings.idsMeeting(this, under, List.of(refundsOrSmalltalk.excluding())),
            "neither Refunds nor Smalltalk"),
        () -> assertEquals(
            Set.of("billing"),
            Listings.idsMeeting(this, under, List.of(billing, refundsOrSmalltalk.excluding())),
            "Billing, and neither Refunds nor Smalltalk"));
  }

  /** A bad query fails when it is built; exclusion, which this endpoint allows, does not. */
  @Test
  default void aBadQueryFailsWhenBuilt() {
    assertAll(
        () -> assertEquals(
            "pageSize must be between 1 and 1000, got 0",
            assertThrows(IllegalArgumentException.class, () -> queryOf(RANGE, 0, List.of())).getMessage()),
        () -> assertEquals(
            "pageSize must be between 1 and 1000, got 1001",
            assertThrows(IllegalArgumentException.class, () -> queryOf(RANGE, 1001, List.of())).getMessage()),
        () -> assertEquals(
            List.of(ListingFilter.of(FilterKind.TOPIC, "x").excluding()),
            queryOf(RANGE, 1000, List.of(ListingFilter.of(FilterKind.TOPIC, "x").excluding())).filters(),
            "an excluded filter"));
  }
}
