package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.testkit.contract.ConversationListingContract;
import io.github.nebuly4j.testkit.contract.ListingUnderTest;
import java.util.List;

/** The in-memory conversation listing passes the semantic suite. */
class InMemoryConversationListingContractTest implements ConversationListingContract {
  @Override
  public ListingUnderTest<ConversationListing> listingWith(List<ConversationSummary> rows) {
    InMemoryConversationListing listing = InMemoryConversationListing.builder().rows(rows).build();
    return InMemoryListingBinding.underTest(listing, listing, ConversationQuery::pageSize);
  }
}
