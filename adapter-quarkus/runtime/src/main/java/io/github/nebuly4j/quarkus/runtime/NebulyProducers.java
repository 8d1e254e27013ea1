package io.github.nebuly4j.quarkus.runtime;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.arc.DefaultBean;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheManager;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The beans of the extension: one {@link NebulyExchange} over one {@link RestClientTransport},
 * both built from {@code quarkus.nebuly.*}, and the ports over the exchange: {@code
 * DeepLinkResolver}, {@code ConversationRepository}, {@code InteractionSearch} and {@code
 * ConversationListing}.
 *
 * <p>The ports are {@link DefaultBean}s: an application (or its tests) that declares its own, such
 * as testkit's in-memory fakes, replaces them. The exchange is created at start-up, so that a missing API key or a bad value
 * stops the application at once rather than at the first call.
 */
@Singleton
public class NebulyProducers {

  /** Creates the producers; CDI calls this. */
  public NebulyProducers() {}

  @Produces
  @Singleton
  NebulySettings settings(NebulyConfig config) {
    return ConfiguredSettings.settings(config);
  }

  @Produces
  @Singleton
  RestClientTransport transport(
      Vertx vertx,
      NebulySettings settings,
      NebulyConfig config,
      TlsConfigurationRegistry tls,
      ProxyConfigurationRegistry proxies) {
    return RestClientTransport.create(
        vertx,
        settings,
        new RestClientTransport.TransportOptions(
            ConfiguredSettings.tlsConfiguration(config, tls),
            ConfiguredSettings.proxyConfiguration(config, proxies),
            config.logging().scope(),
            config.logging().bodyLimit().isPresent()
                ? java.util.Optional.of(config.logging().bodyLimit().getAsInt())
                : java.util.Optional.empty()));
  }

  void closeTransport(@Disposes RestClientTransport transport) {
    transport.close();
  }

  @Produces
  @Singleton
  @Startup
  @Typed(NebulyExchange.class)
  NebulyExchange exchange(NebulySettings settings, RestClientTransport transport) {
    return NebulyExchange.create(settings, transport);
  }

  /**
   * The resolver: the exchange itself, or, with {@code quarkus.nebuly.deep-links.cache.enabled},
   * core's {@link CachingDeepLinkResolver} in front of it, keeping the links in the extension's two
   * named Quarkus caches. Made at start-up, so that a cache setting that core refuses stops the
   * start.
   */
  @Produces
  @ApplicationScoped
  @Startup
  @DefaultBean
  DeepLinkResolver deepLinkResolver(NebulyExchange exchange, NebulyConfig config, CacheManager caches) {
    return ConfiguredSettings.deepLinkCachePolicy(config)
        .<DeepLinkResolver>map(
            policy ->
                CachingDeepLinkResolver.wrap(
                    exchange,
                    QuarkusCacheDeepLinkStore.of(
                        cache(caches, QuarkusCacheDeepLinkStore.LINKS_CACHE),
                        policy
                            .notFoundTimeToLive()
                            .map(keptFor -> cache(caches, QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE)))))
        .orElse(exchange);
  }

  private static Cache cache(CacheManager caches, String name) {
    return caches
        .getCache(name)
        .orElseThrow(() -> new IllegalStateException("the cache " + name + " was not registered at build time"));
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  ConversationRepository conversationRepository(NebulyExchange exchange) {
    return exchange;
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  InteractionSearch interactionSearch(NebulyExchange exchange) {
    return exchange;
  }

  @Produces
  @ApplicationScoped
  @DefaultBean
  ConversationListing conversationListing(NebulyExchange exchange) {
    return exchange;
  }

  /**
   * The offline link builder, for links with no network call. It is final and immutable, so it is
   * a {@link Singleton} (a client proxy could not subclass it, and needs none), and {@link Typed}
   * to its own class: it is a {@code DeepLinkResolver} too, but injecting that port must keep
   * giving the one that asks Nebuly.
   */
  @Produces
  @Singleton
  @Typed(OfflineDeepLinks.class)
  OfflineDeepLinks offlineDeepLinks(NebulyConfig config) {
    return ConfiguredSettings.offlineDeepLinks(config)
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "OfflineDeepLinks needs quarkus.nebuly.project-id and quarkus.nebuly.organization-id; set both to inject it",
                    Set.of(ConfiguredSettings.PREFIX + "project-id", ConfiguredSettings.PREFIX + "organization-id")));
  }
}
