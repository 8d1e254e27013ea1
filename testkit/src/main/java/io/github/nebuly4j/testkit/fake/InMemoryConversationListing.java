package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.Page;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ConversationListing} in memory, for unit tests with no network: it lists the
 * conversation summaries it was seeded with, records every page request, and can be told to fail or
 * to answer late. Its stream is the port's own, so it pages exactly as an adapter does.
 *
 * <pre>{@code
 * InMemoryConversationListing conversations = InMemoryConversationListing.builder()
 *     .rows(List.of(summary1, summary2))
 *     .filterRule(FilterKind.USER, (row, filter) -> usersOf(row).stream().anyMatch(filter.values()::contains))
 *     .build();
 * }</pre>
 *
 * <p>A conversation is in a time range when its session (from {@code startSession} to {@code
 * endSession}, either standing for both when the other is missing) shares an instant with it; one
 * with neither is in none. Newest first, by {@code startSession} (or {@code endSession}). The only
 * filter kind it can read from a summary is {@code topic}: one of the conversation's topics is one
 * of the values. A summary does not carry the users, intents, keywords, feedback or tag values that
 * the other kinds match: give them a rule with {@link InMemoryListing.Builder#filterRule}. Any
 * filter may be excluded. Everything else is described in {@link InMemoryListing}.
 */
public final class InMemoryConversationListing
    extends InMemoryListing<InMemoryConversationListing, ConversationQuery, ConversationSummary>
    implements ConversationListing {

  private static final ListingRows<ConversationQuery, ConversationSummary> ROWS =
      new ListingRows<>(
          ConversationQuery::timeRange,
          ConversationQuery::filters,
          ConversationQuery::pageSize,
          (row, range) ->
              start(row).isPresent() && range.overlaps(start(row).get(), end(row).orElseThrow()),
          InMemoryConversationListing::start,
          row -> row.id().value());

  private InMemoryConversationListing(Builder<InMemoryConversationListing, ConversationSummary> builder) {
    super(builder, ROWS);
  }

  /**
   * Starts a builder with no conversations and the fake's own filter rule (topic).
   *
   * @return a new builder
   */
  public static Builder<InMemoryConversationListing, ConversationSummary> builder() {
    return new Builder<InMemoryConversationListing, ConversationSummary>(InMemoryConversationListing::new)
        .filterRule(
            FilterKind.TOPIC, (row, filter) -> row.topics().stream().anyMatch(filter.values()::contains));
  }

  @Override
  public CompletionStage<Page<ConversationSummary>> conversationPage(ConversationQuery query, long offset) {
    return page(query, offset);
  }

  private static Optional<Instant> start(ConversationSummary row) {
    return row.startSession().or(row::endSession);
  }

  private static Optional<Instant> end(ConversationSummary row) {
    return row.endSession().or(row::startSession);
  }
}
