package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.util.List;

/**
 * One page of a listing, as Nebuly's listing endpoints answer it ({@code {total, offset, limit,
 * data[]}}): the rows from {@code offset} on, at most {@code limit} of them, and how many rows the
 * whole listing has.
 *
 * @param total how many rows the whole listing has, as Nebuly counted them when it answered this
 *     page; not negative
 * @param offset how many rows of the listing come before this page; not negative
 * @param limit the page size the page was asked for with (the query's page size); at least 1
 * @param rows the page's rows, at most {@code limit}, in the order Nebuly sent them
 * @param <T> the type of a row
 */
public record Page<T>(long total, long offset, int limit, List<T> rows) {
  /** The page size of a listing query that sets none. */
  public static final int DEFAULT_SIZE = 100;

  /**
   * The largest page size a listing query accepts. Nebuly publishes no maximum for {@code limit};
   * this bound is nebuly4j's own. A stream holds one page in memory, an interaction row carries its
   * whole input and output text, and one request should answer quickly; past a thousand rows a
   * larger page saves nothing worth that.
   */
  public static final int MAX_SIZE = 1000;

  /**
   * Checks the values and copies the rows.
   *
   * @throws IllegalArgumentException if the rows or one of them is null, a number is out of range,
   *     or there are more rows than {@code limit}
   */
  public Page {
    Arguments.requireNonNull(rows, "rows");
    rows.forEach(row -> Arguments.requireNonNull(row, "a row of a page"));
    rows = List.copyOf(rows);
    if (total < 0) {
      throw new IllegalArgumentException("a page's total must not be negative, got " + total);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("a page's offset must not be negative, got " + offset);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("a page's limit must be at least 1, got " + limit);
    }
    if (offset > Long.MAX_VALUE - limit) {
      throw new IllegalArgumentException("a page's offset is too large to page on from: " + offset);
    }
    if (rows.size() > limit) {
      throw new IllegalArgumentException(
          "a page holds at most its limit of " + limit + " rows, got " + rows.size());
    }
  }

  /**
   * Returns the offset of the page that follows this one.
   *
   * @return {@code offset + rows.size()}
   */
  public long nextOffset() {
    return offset + rows.size();
  }

  /**
   * Tells whether no page follows this one: it is empty, shorter than its limit, or reaches the
   * total. A stream of rows stops after such a page.
   *
   * @return true when this is the listing's last page
   */
  public boolean isLast() {
    return rows.isEmpty() || rows.size() < limit || nextOffset() >= total;
  }

  /** Describes the page by its numbers, without its rows: {@code Page[offset 100, 50 of 1234 rows]}. */
  @Override
  public String toString() {
    return "Page[offset " + offset + ", " + rows.size() + " of " + total + " rows, limit " + limit + "]";
  }
}
