package io.github.nebuly4j.core;

import java.util.List;

/** The checks both listing queries share, so that their rules and messages cannot drift apart. */
final class ListingQueries {
  private ListingQueries() {}

  /**
   * Checks the page size, and exclusion where the endpoint does not allow it.
   *
   * @param pageSize the query's page size
   * @param filters the query's filters
   * @param exclusionAllowed whether the endpoint accepts an excluded filter
   * @param endpoint the endpoint's path, for the message
   */
  static void check(int pageSize, List<ListingFilter> filters, boolean exclusionAllowed, String endpoint) {
    if (pageSize < 1 || pageSize > Page.MAX_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + Page.MAX_SIZE + ", got " + pageSize);
    }
    if (!exclusionAllowed) {
      for (int i = 0; i < filters.size(); i++) {
        ListingFilter filter = filters.get(i);
        if (filter.excluded()) {
          throw new IllegalArgumentException(
              endpoint
                  + " does not allow excluding filters (only get-interaction-aggregates publishes"
                  + " is_exclude); filter "
                  + i
                  + " is '"
                  + filter
                  + "'");
        }
      }
    }
  }
}
