package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.DeepLinkResolverContract;
import java.net.URI;
import java.util.Map;

/** The in-memory resolver passes the semantic suite. */
class InMemoryDeepLinkResolverContractTest implements DeepLinkResolverContract {
  @Override
  public DeepLinkResolver resolverWith(
      Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks) {
    return InMemoryDeepLinkResolver.builder()
        .interactionLinks(interactionLinks)
        .conversationLinks(conversationLinks)
        .build();
  }
}
