package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.spi.Arguments;

/**
 * One page request that an in-memory listing fake received: the query and the offset asked for.
 *
 * @param query the query
 * @param offset the offset
 * @param <Q> the type of the query
 */
public record PageRequest<Q>(Q query, long offset) {
  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  public PageRequest {
    Arguments.requireNonNull(query, "query");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
  }
}
