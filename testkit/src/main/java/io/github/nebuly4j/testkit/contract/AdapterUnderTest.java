package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;

/** The two ports of an HTTP adapter, configured with one {@link ContractSettings}. */
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
}
