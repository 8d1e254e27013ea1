package io.github.nebuly4j.core;

import java.util.List;
import org.immutables.value.Value;

/**
 * A search for interactions, as Nebuly's {@code POST /get-interactions} takes it: a time range,
 * filters and a page size. Build one with {@code InteractionQuery.builder()}:
 *
 * <pre>{@code
 * InteractionQuery query = InteractionQuery.builder()
 *     .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
 *     .addFilters(ListingFilter.of(FilterKind.TOPIC, "Billing", "Refunds"))
 *     .addFilters(ListingFilter.tag("channel", "web"))
 *     .pageSize(200)
 *     .build();
 * }</pre>
 *
 * <p>A row must meet every filter; see {@link ListingFilter} for what a filter means and which part
 * of that is an assumption. A query that breaks a rule fails at {@code build()} with an {@link
 * IllegalArgumentException} naming the rule: a time range is required, the page size is 1 to
 * {@value Page#MAX_SIZE}, and no filter is {@linkplain ListingFilter#excluded() excluded}, because
 * {@code get-interactions} publishes no {@code is_exclude}.
 */
@Value.Immutable
abstract class AbstractInteractionQuery {

  /** The time range the interactions must fall in. */
  public abstract TimeRange timeRange();

  /** The filters, all of which an interaction must meet; possibly none. */
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
    ListingQueries.check(pageSize(), filters(), false, "get-interactions");
  }
}
