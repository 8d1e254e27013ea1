package io.github.nebuly4j.core;

import java.util.concurrent.CompletionStage;

/**
 * Fetches one page of a listing, for a {@link PagedPublisher}: an implementation of a listing port
 * gives it its own page method with the query bound, such as {@code offset ->
 * interactionPage(query, offset)}.
 *
 * @param <T> the type of a row
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /**
   * Starts fetching the page that begins at {@code offset}. Like the ports' page methods, it never
   * blocks; the stage completes with the page whose {@link Page#offset()} is {@code offset}, or
   * fails with a {@link NebulyException}. Cancelling the stage's {@code toCompletableFuture()}
   * abandons the fetch.
   *
   * @param offset the number of rows to skip; not negative
   * @return a stage completing with the page
   */
  CompletionStage<Page<T>> fetch(long offset);
}
