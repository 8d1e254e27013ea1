package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import java.net.URI;
import java.util.Map;

/**
 * {@link DeepLinkResolverContract} for an HTTP adapter, through {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServer}: the adapter's test class gives {@link
 * #server()} and {@link #adapter(ContractSettings)} only; the links are seeded into the server and
 * the adapter is configured with {@link ContractSettings#standard}.
 */
public interface HttpDeepLinkResolverContract extends FakeServerBinding, DeepLinkResolverContract {

  /**
   * Resets the server, seeds the links, and returns the adapter's resolver.
   *
   * @param interactionLinks interaction to link
   * @param conversationLinks conversation to link
   * @return the adapter's resolver
   */
  @Override
  default DeepLinkResolver resolverWith(
      Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks) {
    server().reset();
    interactionLinks.forEach(server()::seedInteractionLink);
    conversationLinks.forEach(server()::seedConversationLink);
    return adapter(ContractSettings.standard(server().baseUrl())).deepLinkResolver();
  }
}
