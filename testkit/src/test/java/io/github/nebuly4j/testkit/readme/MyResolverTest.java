package io.github.nebuly4j.testkit.readme;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.DeepLinkResolverContract;
import java.net.URI;
import java.util.Map;

/** The README's contract sample, run: a resolver passes the suite by giving {@code resolverWith}. */
// BEGIN: testkit-contract
class MyResolverTest implements DeepLinkResolverContract {
  @Override
  public DeepLinkResolver resolverWith(Map<InteractionId, URI> interactionLinks,
                                       Map<ConversationId, URI> conversationLinks) {
    return new MyResolver(interactionLinks, conversationLinks);
  }
}
// END: testkit-contract
