package io.github.nebuly4j.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the listing fakes add to the ports' contract: order, their filter rules, journal, scripting. */
class InMemoryListingFakesTest {
  private static final Instant T = Instant.parse("2024-05-30T09:27:52.420Z");
  private static final TimeRange DAY = TimeRange.of(T, T.plus(Duration.ofDays(1)));

  private static InteractionSummary interaction(String id, Instant at) {
    return InteractionSummary.builder().id(InteractionId.of(id)).timestamp(at).build();
  }

  private static InteractionQuery interactions(ListingFilter... filters) {
    return InteractionQuery.builder().timeRange(DAY).addFilters(filters).build();
  }

  private static <R> List<R> rows(CompletableFuture<Page<R>> page) throws Exception {
    return page.get(5, TimeUnit.SECONDS).rows();
  }

  private static List<String> ids(InMemoryInteractionSearch search, InteractionQuery query) throws Exception {
    return rows(search.interactionPage(query, 0).toCompletableFuture()).stream().map(row -> row.id().value()).toList();
  }

  @Test
  void interactionsComeNewestFirstAndThoseOfOneInstantById() throws Exception {
    InMemoryInteractionSearch search =
        InMemoryInteractionSearch.builder()
            .row(interaction("old", T.plusSeconds(1)))
            .row(interaction("b-same", T.plusSeconds(5)))
            .row(interaction("new", T.plusSeconds(9)))
            .row(interaction("a-same", T.plusSeconds(5)))
            .row(InteractionSummary.builder().id(InteractionId.of("ended-only")).endTimestamp(T.plusSeconds(7)).build())
            .row(InteractionSummary.builder().id(InteractionId.of("timeless")).build())
            .build();

    assertThat(ids(search, interactions())).containsExactly("new", "ended-only", "a-same", "b-same", "old");
  }

  @Test
  void aTimeRangeIncludesBothEnds() throws Exception {
    InMemoryInteractionSearch search =
        InMemoryInteractionSearch.builder()
            .row(interaction("at-start", DAY.start()))
            .row(interaction("at-end", DAY.end()))
            .row(interaction("before", DAY.start().minusNanos(1)))
            .build();

    assertThat(ids(search, interactions())).containsExactly("at-end", "at-start");
  }

  @Test
  void theInteractionRulesReadTheSummary() throws Exception {
    InMemoryInteractionSearch search =
        InMemoryInteractionSearch.builder()
            .row(interaction("refund-in-input", T.plusSeconds(1)).withInput("I want a REFUND now"))
            .row(interaction("refund-in-output", T.plusSeconds(2)).withOutput("Your refund is on its way"))
            .row(interaction("query", T.plusSeconds(3)).withUserQuery("reset password").withFeedback(List.of("not helpful")))
            .build();

    assertThat(ids(search, interactions(ListingFilter.of(FilterKind.KEYWORD, "Refund"))))
        .containsExactly("refund-in-output", "refund-in-input");
    assertThat(ids(search, interactions(ListingFilter.of(FilterKind.KEYWORD, "PASSWORD")))).containsExactly("query");
    assertThat(ids(search, interactions(ListingFilter.of(FilterKind.USER_QUERY, "reset password"))))
        .containsExactly("query");
    assertThat(ids(search, interactions(ListingFilter.of(FilterKind.USER_QUERY, "reset")))).isEmpty();
    assertThat(ids(search, interactions(ListingFilter.of(FilterKind.USER_FEEDBACK, "not helpful", "other"))))
        .containsExactly("query");
  }

  @Test
  void aKindWithoutARuleIsRefusedUntilOneIsGiven() throws Exception {
    InteractionQuery byIntent = interactions(ListingFilter.of(FilterKind.USER_INTENT, "cancel"));
    InMemoryInteractionSearch plain = InMemoryInteractionSearch.builder().row(interaction("i", T)).build();

    assertThatThrownBy(() -> plain.interactionPage(byIntent, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "InMemoryInteractionSearch has no rule for a user_intent filter;"
                + " give it one with filterRule(FilterKind.USER_INTENT, rule)");

    InMemoryInteractionSearch taught =
        InMemoryInteractionSearch.builder()
            .row(interaction("cancelling", T.plusSeconds(1)).withInput("please cancel"))
            .row(interaction("staying", T.plusSeconds(2)).withInput("hello"))
            .filterRule(FilterKind.USER_INTENT, (row, filter) -> row.input().orElse("").contains("cancel"))
            .build();
    assertThat(ids(taught, byIntent)).containsExactly("cancelling");
  }

  @Test
  void aConversationIsListedWhenItsSessionOverlapsTheRange() throws Exception {
    ConversationSummary.Builder base = ConversationSummary.builder();
    InMemoryConversationListing listing =
        InMemoryConversationListing.builder()
            .row(base.id(ConversationId.of("into-the-range")).startSession(T.minusSeconds(60)).endSession(T.plusSeconds(60)).build())
            .row(ConversationSummary.builder().id(ConversationId.of("end-only")).endSession(T.plusSeconds(30)).build())
            .row(ConversationSummary.builder().id(ConversationId.of("before")).startSession(T.minusSeconds(90)).endSession(T.minusSeconds(1)).build())
            .row(ConversationSummary.builder().id(ConversationId.of("timeless")).build())
            .row(ConversationSummary.builder().id(ConversationId.of("smalltalk")).startSession(T.plusSeconds(100)).addTopics("Smalltalk").build())
            .build();
    ConversationQuery all = ConversationQuery.builder().timeRange(DAY).build();

    assertThat(rows(listing.conversationPage(all, 0).toCompletableFuture()))
        .extracting(row -> row.id().value())
        .containsExactly("smalltalk", "end-only", "into-the-range");
    assertThat(
            rows(listing.conversationPage(
                    all.withFilters(ListingFilter.of(FilterKind.TOPIC, "Smalltalk").excluding()), 0).toCompletableFuture()))
        .extracting(row -> row.id().value())
        .containsExactly("end-only", "into-the-range");
    assertThatThrownBy(
            () -> listing.conversationPage(all.withFilters(ListingFilter.of(FilterKind.USER, "alice")), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("user filter");
  }

  @Test
  void pagesCanFailLateOrBeCleared() throws Exception {
    NebulyException outage = new NebulyException.ServiceFailure(503, "down");
    InMemoryInteractionSearch search =
        InMemoryInteractionSearch.builder().row(interaction("i", T)).build().failNextCalls(1, outage);
    InteractionQuery query = interactions();

    CompletableFuture<Page<InteractionSummary>> failed = search.interactionPage(query, 0).toCompletableFuture();
    assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).cause().isSameAs(outage);

    search.failPagesAt(5, outage);
    CompletableFuture<Page<InteractionSummary>> past = search.interactionPage(query, 5).toCompletableFuture();
    assertThatThrownBy(() -> past.get(5, TimeUnit.SECONDS)).cause().isSameAs(outage);
    assertThat(search.pageRequests()).containsExactly(new PageRequest<>(query, 0), new PageRequest<>(query, 5));

    search.clearCalls().delayCalls(Duration.ofSeconds(30));
    CompletableFuture<Page<InteractionSummary>> slow = search.interactionPage(query, 5).toCompletableFuture();
    assertThat(slow).as("answered late, never blocking").isNotDone();
    search.delayCalls(Duration.ZERO);
    Page<InteractionSummary> pastTheEnd = search.interactionPage(query, 5).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(pastTheEnd.rows()).as("the failure of offset 5 was cleared").isEmpty();
    assertThat(pastTheEnd.total()).isEqualTo(1);
    assertThat(search.pageRequests()).hasSize(2);
  }

  @Test
  void badArgumentsAreIllegalAndNothingIsRecorded() {
    InMemoryInteractionSearch search = InMemoryInteractionSearch.builder().build();
    InMemoryConversationListing listing = InMemoryConversationListing.builder().build();

    assertThatThrownBy(() -> search.interactionPage(null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search.interactionPage(interactions(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must not be negative, got -1");
    assertThatThrownBy(() -> listing.conversationPage(null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search.failPagesAt(-1, new NebulyException.ServiceFailure(500, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search.failPagesAt(0, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryInteractionSearch.builder().row(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryInteractionSearch.builder().rows(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryConversationListing.builder().filterRule(null, (row, filter) -> true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryConversationListing.builder().filterRule(FilterKind.USER, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PageRequest<>(null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PageRequest<>("q", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(search.pageRequests()).isEmpty();
    assertThat(listing.pageRequests()).isEmpty();
    assertThat(search).hasToString("InMemoryInteractionSearch[0 row(s)]");
    assertThat(listing).hasToString("InMemoryConversationListing[0 row(s)]");
  }
}
