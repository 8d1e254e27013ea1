package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.Page;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * An {@link InteractionSearch} in memory, for unit tests with no network: it searches the
 * interactions it was seeded with, records every page request, and can be told to fail or to
 * answer late. Its stream is the port's own, so it pages exactly as an adapter does.
 *
 * <pre>{@code
 * InMemoryInteractionSearch search = InMemoryInteractionSearch.builder()
 *     .rows(List.of(summary1, summary2))
 *     .build();
 * search.failPagesAt(200, new NebulyException.ServiceFailure(503, "down"));   // the third page of 100
 * // ... exercise the code under test ...
 * assertEquals(3, search.pageRequests().size());
 * }</pre>
 *
 * <p>An interaction is in a time range when its {@code timestamp} (or, lacking one, its {@code
 * endTimestamp}) is, both ends included; one with neither is in none. Newest first. Rules for the
 * filter kinds it can read from a summary (Nebuly's own matching is not published; these are the
 * fake's):
 *
 * <ul>
 *   <li>{@code keyword}: a value appears, ignoring case, in the input, the output or the user query;
 *   <li>{@code tag}: the interaction's value of the filter's tag is one of the values;
 *   <li>{@code topic}, {@code user} (the end user), {@code user_query}: equal to one of the values;
 *   <li>{@code user_feedback}: one of the interaction's feedback entries is one of the values.
 * </ul>
 *
 * <p>{@code user_intent}, {@code negative_user_intent} and {@code type_of_problem} are not in a
 * summary: give them a rule with {@link InMemoryListing.Builder#filterRule}. Everything else is
 * described in {@link InMemoryListing}.
 */
public final class InMemoryInteractionSearch
    extends InMemoryListing<InMemoryInteractionSearch, InteractionQuery, InteractionSummary>
    implements InteractionSearch {

  private static final ListingRows<InteractionQuery, InteractionSummary> ROWS =
      new ListingRows<>(
          InteractionQuery::timeRange,
          InteractionQuery::filters,
          InteractionQuery::pageSize,
          (row, range) -> time(row).map(range::contains).orElse(false),
          InMemoryInteractionSearch::time,
          row -> row.id().value());

  private InMemoryInteractionSearch(Builder<InMemoryInteractionSearch, InteractionSummary> builder) {
    super(builder, ROWS);
  }

  /**
   * Starts a builder with no interactions and the fake's own filter rules.
   *
   * @return a new builder
   */
  public static Builder<InMemoryInteractionSearch, InteractionSummary> builder() {
    return new Builder<InMemoryInteractionSearch, InteractionSummary>(InMemoryInteractionSearch::new)
        .filterRule(FilterKind.KEYWORD, InMemoryInteractionSearch::containsKeyword)
        .filterRule(
            FilterKind.TAG,
            (row, filter) -> isOneOf(Optional.ofNullable(row.tags().get(filter.tagName().orElseThrow())), filter))
        .filterRule(FilterKind.TOPIC, (row, filter) -> isOneOf(row.topic(), filter))
        .filterRule(FilterKind.USER, (row, filter) -> isOneOf(row.endUser(), filter))
        .filterRule(FilterKind.USER_QUERY, (row, filter) -> isOneOf(row.userQuery(), filter))
        .filterRule(
            FilterKind.USER_FEEDBACK,
            (row, filter) -> row.feedback().stream().anyMatch(filter.values()::contains));
  }

  @Override
  public CompletionStage<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset) {
    return page(query, offset);
  }

  private static Optional<Instant> time(InteractionSummary row) {
    return row.timestamp().or(row::endTimestamp);
  }

  private static boolean isOneOf(Optional<String> field, ListingFilter filter) {
    return field.map(filter.values()::contains).orElse(false);
  }

  private static boolean containsKeyword(InteractionSummary row, ListingFilter filter) {
    return Stream.of(row.input(), row.output(), row.userQuery())
        .flatMap(Optional::stream)
        .map(text -> text.toLowerCase(Locale.ROOT))
        .anyMatch(
            text -> filter.values().stream().anyMatch(value -> text.contains(value.toLowerCase(Locale.ROOT))));
  }
}
