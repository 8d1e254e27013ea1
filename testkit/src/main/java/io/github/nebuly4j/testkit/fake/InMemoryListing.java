package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What both in-memory listing fakes share, {@link InMemoryInteractionSearch} and {@link
 * InMemoryConversationListing}: seeded rows, filtering, the time range, paging, the journal of page
 * requests, and scripted failures and delays.
 *
 * <ul>
 *   <li><b>Rows</b> are those seeded, in the time range, meeting every filter (the AND that
 *       nebuly4j assumes), newest first; rows of the same instant by id.
 *   <li><b>Filters</b> are applied by a rule per kind: each fake has rules for the kinds it can read
 *       from its rows, and {@link Builder#filterRule} adds or replaces one. A query with a filter of
 *       a kind that has no rule makes the page call throw {@link IllegalStateException} naming it:
 *       a fake that cannot answer as Nebuly would says so instead of answering wrongly.
 *   <li><b>Pages</b>: {@code total} is the number of matching rows, the page holds the rows from
 *       the offset on, at most the query's page size; an offset past the end gives an empty page.
 *   <li><b>Journal</b>: every page request is recorded, failed ones included, so that a test can
 *       assert which pages were fetched (none before demand, none after a cancel).
 * </ul>
 *
 * <p>Thread-safe. A page call never blocks; a null query or a negative offset is an {@link
 * IllegalArgumentException} thrown at once, and nothing is recorded.
 *
 * @param <S> the fake's own type, which the scripting methods return
 * @param <Q> the type of a query
 * @param <R> the type of a row
 */
public abstract class InMemoryListing<S extends InMemoryListing<S, Q, R>, Q, R> {
  private final List<R> rows;
  private final Map<FilterKind, BiPredicate<? super R, ListingFilter>> rules;
  private final ListingRows<Q, R> shape;
  private final CallScript<PageRequest<Q>> script = new CallScript<>();
  private final Map<Long, NebulyException> failingPages = new ConcurrentHashMap<>();

  InMemoryListing(Builder<S, R> builder, ListingRows<Q, R> shape) {
    this.shape = shape;
    this.rules = new EnumMap<>(builder.rules);
    Comparator<R> newestFirst =
        Comparator.comparing(
            (R row) -> shape.time().apply(row),
            Comparator.comparing((Optional<Instant> time) -> time.orElse(Instant.MIN)).reversed());
    List<R> sorted = new ArrayList<>(builder.rows);
    sorted.sort(newestFirst.thenComparing(shape.id()));
    this.rows = List.copyOf(sorted);
  }

  /**
   * Answers one page of the query, as the port's page method.
   *
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   * @throws IllegalStateException if a filter's kind has no rule
   */
  CompletionStage<Page<R>> page(Q query, long offset) {
    Arguments.requireNonNull(query, "query");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    return script.call(new PageRequest<>(query, offset), () -> answer(query, offset));
  }

  private Page<R> answer(Q query, long offset) {
    NebulyException failure = failingPages.get(offset);
    if (failure != null) {
      throw failure;
    }
    List<ListingFilter> filters = shape.filters().apply(query);
    for (ListingFilter filter : filters) {
      if (!rules.containsKey(filter.kind())) {
        throw new IllegalStateException(
            getClass().getSimpleName()
                + " has no rule for a "
                + filter.kind().apiName()
                + " filter; give it one with filterRule(FilterKind."
                + filter.kind().name()
                + ", rule)");
      }
    }
    TimeRange range = shape.timeRange().apply(query);
    List<R> matching =
        rows.stream()
            .filter(row -> shape.inRange().test(row, range))
            .filter(row -> filters.stream().allMatch(filter -> meets(row, filter)))
            .toList();
    int pageSize = shape.pageSize().applyAsInt(query);
    int from = (int) Math.min(offset, matching.size());
    int to = Math.min(from + pageSize, matching.size());
    return new Page<>(matching.size(), offset, pageSize, matching.subList(from, to));
  }

  private boolean meets(R row, ListingFilter filter) {
    boolean matches = rules.get(filter.kind()).test(row, filter);
    return filter.excluded() ? !matches : matches;
  }

  /**
   * Returns the page requests received so far, oldest first, failed ones included.
   *
   * @return a snapshot
   */
  public List<PageRequest<Q>> pageRequests() {
    return script.calls();
  }

  /**
   * Makes every request of the page at {@code offset} fail with {@code failure}, until {@link
   * #clearCalls()}: a stream reading the listing delivers the pages before it, then fails.
   *
   * @param offset the page's offset, such as {@code 2 * pageSize} for the third page
   * @param failure the failure
   * @return this fake
   * @throws IllegalArgumentException if {@code failure} is null or {@code offset} negative
   */
  public S failPagesAt(long offset, NebulyException failure) {
    Arguments.requireNonNull(failure, "failure");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    failingPages.put(offset, failure);
    return self();
  }

  /**
   * Makes the next {@code count} page requests fail with {@code failure}, whatever they ask for;
   * added after any failures already scripted.
   *
   * @param count at least 1
   * @param failure the failure
   * @return this fake
   * @throws IllegalArgumentException if {@code failure} is null or {@code count} less than 1
   */
  public S failNextCalls(int count, NebulyException failure) {
    script.failNext(count, failure);
    return self();
  }

  /**
   * Makes every following page request complete only after {@code delay}, on a timer thread: the
   * caller is never blocked. {@link Duration#ZERO} answers at once again.
   *
   * @param delay the delay
   * @return this fake
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public S delayCalls(Duration delay) {
    script.delay(delay);
    return self();
  }

  /**
   * Forgets the page requests received, the scripted failures (those of {@link #failPagesAt} too)
   * and the delay; the rows stay.
   *
   * @return this fake
   */
  public S clearCalls() {
    script.clear();
    failingPages.clear();
    return self();
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Describes the fake by its number of rows. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + rows.size() + " row(s)]";
  }

  /**
   * Collects the rows and filter rules of an in-memory listing fake. Not thread-safe.
   *
   * @param <S> the type of the fake it builds
   * @param <R> the type of a row
   */
  public static final class Builder<S, R> {
    private final List<R> rows = new ArrayList<>();
    private final Map<FilterKind, BiPredicate<? super R, ListingFilter>> rules = new EnumMap<>(FilterKind.class);
    private final Function<Builder<S, R>, S> factory;

    Builder(Function<Builder<S, R>, S> factory) {
      this.factory = factory;
    }

    /**
     * Adds a row.
     *
     * @param row the row
     * @return this builder
     * @throws IllegalArgumentException if {@code row} is null
     */
    public Builder<S, R> row(R row) {
      rows.add(Arguments.requireNonNull(row, "row"));
      return this;
    }

    /**
     * Adds rows.
     *
     * @param rows the rows
     * @return this builder
     * @throws IllegalArgumentException if the collection or one of its rows is null
     */
    public Builder<S, R> rows(Collection<? extends R> rows) {
      Arguments.requireNonNull(rows, "rows").forEach(this::row);
      return this;
    }

    /**
     * Sets how the fake applies filters of one kind, adding a kind it cannot read from its rows or
     * replacing its own rule.
     *
     * @param kind the filter kind
     * @param rule whether a row matches the filter: any of its values (they are OR-ed) and, for a
     *     tag filter, its tag; the fake applies exclusion itself
     * @return this builder
     * @throws IllegalArgumentException if an argument is null
     */
    public Builder<S, R> filterRule(FilterKind kind, BiPredicate<? super R, ListingFilter> rule) {
      rules.put(Arguments.requireNonNull(kind, "kind"), Arguments.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Returns the fake. The builder must not be used afterwards.
     *
     * @return the fake
     */
    public S build() {
      return factory.apply(this);
    }
  }
}
