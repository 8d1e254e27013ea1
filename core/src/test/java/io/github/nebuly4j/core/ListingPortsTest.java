package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The ports' default streams page through their own page method, with the query given. */
class ListingPortsTest {
  private static final TimeRange RANGE =
      TimeRange.of(Instant.parse("2024-05-30T00:00:00Z"), Instant.parse("2024-06-30T00:00:00Z"));

  @Test
  void interactionsArePagedThroughInteractionPage() {
    InteractionQuery query = InteractionQuery.builder().timeRange(RANGE).pageSize(2).build();
    List<String> calls = new ArrayList<>();
    InteractionSearch search =
        (asked, offset) -> {
          calls.add(asked.pageSize() + "@" + offset);
          List<InteractionSummary> rows = new ArrayList<>();
          for (long i = offset; i < Math.min(offset + 2, 5); i++) {
            rows.add(InteractionSummary.builder().id(InteractionId.of("i-" + i)).build());
          }
          return CompletableFuture.completedFuture(new Page<>(5, offset, 2, rows));
        };
    RecordingSubscriber<InteractionSummary> subscriber = new RecordingSubscriber<>();

    search.interactions(query).subscribe(subscriber);
    assertThat(calls).as("nothing before a request").isEmpty();
    subscriber.request(Long.MAX_VALUE);

    assertThat(calls).containsExactly("2@0", "2@2", "2@4");
    assertThat(subscriber.rows()).extracting(row -> row.id().value())
        .containsExactly("i-0", "i-1", "i-2", "i-3", "i-4");
    assertThat(subscriber.completed()).isTrue();
  }

  @Test
  void conversationsArePagedThroughConversationPage() {
    ConversationQuery query = ConversationQuery.builder().timeRange(RANGE).pageSize(3).build();
    List<ConversationQuery> queries = new ArrayList<>();
    ConversationListing listing =
        (asked, offset) -> {
          queries.add(asked);
          return CompletableFuture.completedFuture(
              new Page<>(1, offset, 3, List.of(ConversationSummary.builder().id(ConversationId.of("c-1")).build())));
        };
    RecordingSubscriber<ConversationSummary> subscriber = new RecordingSubscriber<>();

    listing.conversations(query).subscribe(subscriber);
    subscriber.request(1);

    assertThat(queries).containsExactly(query);
    assertThat(subscriber.rows()).extracting(row -> row.id().value()).containsExactly("c-1");
    assertThat(subscriber.completed()).isTrue();
  }

  @Test
  void aNullQueryIsRejectedAtOnce() {
    InteractionSearch search = (query, offset) -> CompletableFuture.failedFuture(new AssertionError("called"));
    ConversationListing listing = (query, offset) -> CompletableFuture.failedFuture(new AssertionError("called"));

    assertThatThrownBy(() -> search.interactions(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query must not be null");
    assertThatThrownBy(() -> listing.conversations(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query must not be null");
  }
}
