package io.github.nebuly4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A page fetcher over the rows {@code 0 .. total-1}: it records every offset asked for and answers
 * at once, or leaves the page pending for the test to complete, or fails the pages it was told to.
 */
class ScriptedPages implements PageFetcher<Integer> {
  private final int total;
  private final int limit;
  private final List<Long> offsets = new ArrayList<>();
  private final List<CompletableFuture<Page<Integer>>> stages = new ArrayList<>();
  private final Map<Long, Throwable> failures = new ConcurrentHashMap<>();
  private volatile boolean pending;

  ScriptedPages(int total, int limit) {
    this.total = total;
    this.limit = limit;
  }

  /** Leaves every later page pending until {@link #completeLast()}. */
  ScriptedPages pending() {
    pending = true;
    return this;
  }

  ScriptedPages failAt(long offset, Throwable failure) {
    failures.put(offset, failure);
    return this;
  }

  @Override
  public synchronized CompletionStage<Page<Integer>> fetch(long offset) {
    offsets.add(offset);
    CompletableFuture<Page<Integer>> stage = new CompletableFuture<>();
    stages.add(stage);
    if (!pending) {
      answer(stage, offset);
    }
    return stage;
  }

  /** Completes the most recent page as it would have been answered at once. */
  void completeLast() {
    CompletableFuture<Page<Integer>> stage;
    long offset;
    synchronized (this) {
      stage = stages.get(stages.size() - 1);
      offset = offsets.get(offsets.size() - 1);
    }
    answer(stage, offset);
  }

  synchronized List<Long> offsets() {
    return List.copyOf(offsets);
  }

  synchronized CompletableFuture<Page<Integer>> lastStage() {
    return stages.get(stages.size() - 1);
  }

  static Page<Integer> page(int total, int limit, long offset) {
    List<Integer> rows = new ArrayList<>();
    for (long row = offset; row < total && rows.size() < limit; row++) {
      rows.add((int) row);
    }
    return new Page<>(total, offset, limit, rows);
  }

  private void answer(CompletableFuture<Page<Integer>> stage, long offset) {
    Throwable failure = failures.get(offset);
    if (failure != null) {
      stage.completeExceptionally(failure);
    } else {
      stage.complete(page(total, limit, offset));
    }
  }
}
