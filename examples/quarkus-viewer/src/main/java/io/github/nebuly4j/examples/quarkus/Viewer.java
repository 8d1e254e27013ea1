package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.examples.view.ConversationViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the shared view loader to the ports that nebuly4j-adapter-quarkus provides. */
@ApplicationScoped
public class Viewer {

  /**
   * Produces the loader of conversation views.
   *
   * @param conversations the adapter's repository
   * @param links the adapter's deep-link resolver
   * @return the loader
   */
  @Produces
  @Singleton
  ConversationViews conversationViews(ConversationRepository conversations, DeepLinkResolver links) {
    return new ConversationViews(conversations, links);
  }
}
