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

  /**
   * Returns the ports, as given.
   *
   * @param links the deep-link resolver
   * @param conversations the conversation repository
   * @param search the interaction search
   * @param listing the conversation listing
   * @return the adapter under test
   */
  static AdapterUnderTest of(
      DeepLinkResolver links,
      ConversationRepository conversations,
      InteractionSearch search,
      ConversationListing listing) {
    return new AdapterUnderTest() {
      @Override
      public DeepLinkResolver deepLinkResolver() {
        return links;
      }

      @Override
      public ConversationRepository conversationRepository() {
        return conversations;
      }

      @Override
      public InteractionSearch interactionSearch() {
        return search;
      }

      @Override
      public ConversationListing conversationListing() {
        return listing;
      }
    };
  }

  /**
   * Returns an implementation of every port as the adapter under test, such as a client that
   * implements them all.
   *
   * @param client the implementation
   * @param <T> its type
   * @return the adapter under test
   */
  static <T extends DeepLinkResolver & ConversationRepository & InteractionSearch & ConversationListing> AdapterUnderTest of(
      T client) {
    return of(client, client, client, client);
  }
}
