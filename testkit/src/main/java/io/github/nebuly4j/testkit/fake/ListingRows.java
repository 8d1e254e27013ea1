package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How an {@link InMemoryListing} reads its queries and rows: what the two listing fakes differ in.
 *
 * @param timeRange the query's time range
 * @param filters the query's filters
 * @param pageSize the query's page size
 * @param inRange whether a row falls in a time range
 * @param time the instant a row is ordered by, newest first; empty sorts last
 * @param id the row's id, which orders rows of the same instant
 * @param <Q> the type of a query
 * @param <R> the type of a row
 */
record ListingRows<Q, R>(
    Function<Q, TimeRange> timeRange,
    Function<Q, List<ListingFilter>> filters,
    ToIntFunction<Q> pageSize,
    BiPredicate<R, TimeRange> inRange,
    Function<R, Optional<Instant>> time,
    Function<R, String> id) {}
