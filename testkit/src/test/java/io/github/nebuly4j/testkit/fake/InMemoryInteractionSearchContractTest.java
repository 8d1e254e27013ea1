package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.testkit.contract.InteractionSearchContract;
import io.github.nebuly4j.testkit.contract.ListingUnderTest;
import java.util.List;

/** The in-memory interaction search passes the semantic suite. */
class InMemoryInteractionSearchContractTest implements InteractionSearchContract {
  @Override
  public ListingUnderTest<InteractionSearch> listingWith(List<InteractionSummary> rows) {
    InMemoryInteractionSearch search = InMemoryInteractionSearch.builder().rows(rows).build();
    return InMemoryListingBinding.underTest(search, search, InteractionQuery::pageSize);
  }
}
