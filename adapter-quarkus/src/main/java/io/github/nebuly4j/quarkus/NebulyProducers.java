package io.github.nebuly4j.quarkus;

import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * Produces the ports over the one {@link NebulyHttpClient}, and checks the configuration when the
 * application starts, so that a missing API key stops the start rather than the first call.
 *
 * <p>The ports are {@link DefaultBean}s: an application (or its tests) that declares its own
 * {@code DeepLinkResolver} or {@code ConversationRepository} bean replaces them.
 */
@Singleton
class NebulyProducers {

  /** The configuration, validated once for every bean that needs it. */
  @Produces
  @Singleton
  NebulySettings settings(NebulyConfig config) {
    return NebulySettings.from(config);
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  DeepLinkResolver deepLinkResolver(NebulyHttpClient client) {
    return client;
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  ConversationRepository conversationRepository(NebulyHttpClient client) {
    return client;
  }

  /**
   * The offline link builder, for links with no network call. {@link OfflineDeepLinks} is final and
   * immutable, so it is a {@link Singleton}: a client proxy could not subclass it, and needs none.
   * It is {@link Typed} to its own class: it is a {@code DeepLinkResolver} too, but injecting that
   * port must keep giving the HTTP resolver.
   */
  @Produces
  @Singleton
  @Typed(OfflineDeepLinks.class)
  OfflineDeepLinks offlineDeepLinks(NebulySettings settings) {
    return settings.requireOfflineDeepLinks();
  }

  /** Validates the configuration at start-up, so that a bad value stops the application at once. */
  void checkConfiguration(@Observes StartupEvent started, NebulyConfig config) {
    NebulySettings.from(config);
  }
}
