package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionSearch;

/** The ports of an HTTP adapter, configured with one {@link ContractSettings}. */
public interface AdapterUnderTest {

  /**
   * Returns the adapter's deep-link resolver.
   *
   * @return the resolver
   */
  DeepLinkResolver deepLinkResolver();

  /**
   * Returns the adapter's conversation repository.
   *
   * @return the repository
   */
  ConversationRepository conversationRepository();

  /**
   * Returns the adapter's interaction search ({@code POST /get-interactions}).
   *
   * @return the search
   */
  InteractionSearch interactionSearch();

  /**
   * Returns the adapter's conversation listing ({@code POST /get-interaction-aggregates}).
   *
   * @return the listing
   */
  ConversationListing conversationListing();
}
