package io.github.nebuly4j.testkit.readme;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The resolver a user brings to the README's contract sample; testkit's own fake stands in for it. */
final class MyResolver implements DeepLinkResolver {
  private final DeepLinkResolver links;

  MyResolver(Map<InteractionId, URI> interactionLinks, Map<ConversationId, URI> conversationLinks) {
    links = InMemoryDeepLinkResolver.builder().interactionLinks(interactionLinks).conversationLinks(conversationLinks).build();
  }

  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    return links.interactionLink(id);
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    return links.conversationLink(id);
  }
}
