package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.testkit.contract.InteractionSearchContract;
import io.github.nebuly4j.testkit.contract.ListingUnderTest;
import java.time.Duration;
import java.util.List;

/**
 * The suite holds for an implementation whose pages complete later, on another thread, as an HTTP
 * adapter's do: the in-memory search with every page answered after a delay.
 */
class DelayedInMemoryInteractionSearchContractTest implements InteractionSearchContract {
  @Override
  public ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
    InMemoryInteractionSearch search =
        InMemoryInteractionSearch.builder().rows(rows).build().delayCalls(Duration.ofMillis(5));
    return InMemoryListingBinding.underTest(search, search, InteractionQuery::pageSize);
  }
}
