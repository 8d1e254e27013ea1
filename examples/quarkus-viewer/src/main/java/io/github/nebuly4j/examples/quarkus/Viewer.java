package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.examples.view.ConversationViews;
import io.github.nebuly4j.examples.view.DeepLinkRedirects;
import io.github.nebuly4j.examples.view.StartViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Wires the shared view loaders and the "Open in Nebuly" routes to the ports of nebuly4j-adapter-quarkus. */
@ApplicationScoped
public class Viewer {
  private static final Logger LOG = Logger.getLogger(Viewer.class);

  /**
   * Produces the loader of conversation views: one request to Nebuly per page.
   *
   * @param conversations the adapter's repository
   * @return the loader
   */
  @Produces
  @Singleton
  ConversationViews conversationViews(ConversationRepository conversations) {
    return new ConversationViews(conversations);
  }

  /**
   * Produces the loader of the start page: one listing request to Nebuly per page.
   *
   * @param listing the adapter's conversation listing
   * @param backend which Nebuly the viewer talks to
   * @return the loader
   */
  @Produces
  @Singleton
  StartViews startViews(ConversationListing listing, Backend backend) {
    return new StartViews(listing, backend.embedded(), Clock.systemUTC());
  }

  /**
   * Produces the handler of the {@code /go} routes. With the project and organization ids
   * configured ({@code NEBULY_PROJECT_ID}, {@code NEBULY_ORGANIZATION_ID}), links are built with no
   * request; otherwise they come from the injected resolver, which caches them ({@code
   * quarkus.nebuly.deep-links.cache.enabled} in {@code application.properties}).
   *
   * @param projectId the configured project id, if any
   * @param organizationId the configured organization id, if any
   * @param offline the extension's offline link builder, usable when both ids are set
   * @param links the extension's resolver
   * @return the handler
   */
  @Produces
  @Singleton
  DeepLinkRedirects deepLinkRedirects(
      @ConfigProperty(name = "quarkus.nebuly.project-id") Optional<String> projectId,
      @ConfigProperty(name = "quarkus.nebuly.organization-id") Optional<String> organizationId,
      Instance<OfflineDeepLinks> offline,
      DeepLinkResolver links) {
    if (projectId.isPresent() && organizationId.isPresent()) {
      LOG.info("Deep links are built offline from the configured project and organization ids");
      return new DeepLinkRedirects(offline.get());
    }
    return new DeepLinkRedirects(links);
  }
}
