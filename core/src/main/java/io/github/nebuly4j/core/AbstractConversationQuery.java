package io.github.nebuly4j.core;

import java.util.List;
import org.immutables.value.Value;

/**
 * A listing of conversations, as Nebuly's {@code POST /get-interaction-aggregates} grouped by
 * conversation id takes it: a time range, filters (which may be {@linkplain ListingFilter#excluded()
 * excluded}: Nebuly's {@code is_exclude}) and a page size. Build one with {@code
 * ConversationQuery.builder()}:
 *
 * <pre>{@code
 * ConversationQuery negativeLastWeek = ConversationQuery.builder()
 *     .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
 *     .addFilters(ListingFilter.of(FilterKind.NEGATIVE_USER_INTENT, "Cancel subscription"))
 *     .addFilters(ListingFilter.of(FilterKind.TOPIC, "Smalltalk").excluding())
 *     .build();
 * }</pre>
 *
 * <p>A row must meet every filter; see {@link ListingFilter} for what a filter means and which part
 * of that is an assumption. Which grouping value selects "by conversation" is an adapter's setting,
 * not part of the query. A query that breaks a rule fails at {@code build()} with an {@link
 * IllegalArgumentException} naming the rule: a time range is required and the page size is 1 to
 * {@value Page#MAX_SIZE}.
 */
@Value.Immutable
abstract class AbstractConversationQuery {

  /**
   * The time range of the listing. Whether a conversation must start, end or merely have an
   * interaction in it is not published.
   */
  public abstract TimeRange timeRange();

  /** The filters, all of which a conversation must meet; possibly none. */
  public abstract List<ListingFilter> filters();

  /**
   * How many rows one page holds at most (Nebuly's {@code limit}): 1 to {@value Page#MAX_SIZE},
   * {@value Page#DEFAULT_SIZE} unless set.
   */
  @Value.Default
  public int pageSize() {
    return Page.DEFAULT_SIZE;
  }

  @Value.Check
  void check() {
    ListingQueries.check(pageSize(), filters(), true, "get-interaction-aggregates");
  }
}
