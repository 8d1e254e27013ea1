package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.spi.PercentEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Builds Live Activity deep links without calling Nebuly (the documentation's "method 2"), from the
 * frontend's base URL, the project id and the organization id:
 *
 * <pre>
 * {frontend}/live-activity?projectId=…&amp;organizationId=…&amp;interactionId=…&amp;liveActivityPageTab=interactions
 * {frontend}/live-activity?projectId=…&amp;organizationId=…&amp;conversationId=…&amp;liveActivityPageTab=conversations
 * </pre>
 *
 * <p>Every value is percent-encoded. The frontend may be self-hosted and carry a path prefix, with
 * or without a trailing slash. Because no request is made, an unknown id still gets a link: the
 * stages of this {@link DeepLinkResolver} never fail with {@code NotFound}.
 *
 * <pre>{@code
 * DeepLinkResolver links = OfflineDeepLinks.builder()
 *     .projectId(ProjectId.of("5f0c…"))
 *     .organizationId(OrganizationId.of("9a1b…"))
 *     .build();                       // frontend: Nebuly SaaS
 * URI uri = links.linkTo(InteractionId.of("c0ffee…")).uri();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OfflineDeepLinks implements DeepLinkResolver {

  /** The frontend of Nebuly SaaS. */
  public static final URI NEBULY_SAAS_FRONTEND = URI.create("https://v2.platform.eu.nebuly.com");

  private final URI frontend;
  private final String prefix;

  private OfflineDeepLinks(URI frontend, ProjectId projectId, OrganizationId organizationId) {
    this.frontend = frontend;
    String base = frontend.toASCIIString();
    String withoutSlash = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.prefix =
        withoutSlash
            + "/live-activity?projectId="
            + PercentEncoding.encode(projectId.value())
            + "&organizationId="
            + PercentEncoding.encode(organizationId.value());
  }

  /**
   * Starts a builder whose frontend is {@link #NEBULY_SAAS_FRONTEND}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the frontend base URL the links start with.
   *
   * @return the frontend
   */
  public URI frontend() {
    return frontend;
  }

  /**
   * Builds the link that opens one interaction.
   *
   * @param id the interaction
   * @return the link
   * @throws IllegalArgumentException if {@code id} is null
   */
  public DeepLink linkTo(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return DeepLink.toInteraction(id, link("interactionId", id.value(), "interactions"));
  }

  /**
   * Builds the link that opens one conversation.
   *
   * @param id the conversation
   * @return the link
   * @throws IllegalArgumentException if {@code id} is null
   */
  public DeepLink linkTo(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return DeepLink.toConversation(id, link("conversationId", id.value(), "conversations"));
  }

  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    return CompletableFuture.completedFuture(linkTo(id));
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    return CompletableFuture.completedFuture(linkTo(id));
  }

  private URI link(String idParameter, String id, String tab) {
    return URI.create(
        prefix
            + "&"
            + idParameter
            + "="
            + PercentEncoding.encode(id)
            + "&liveActivityPageTab="
            + tab);
  }

  @Override
  public String toString() {
    return "OfflineDeepLinks[" + prefix + "]";
  }

  /** Collects the frontend, the project and the organization. Not thread-safe. */
  public static final class Builder {
    private URI frontend = NEBULY_SAAS_FRONTEND;
    private ProjectId projectId;
    private OrganizationId organizationId;

    private Builder() {}

    /**
     * Sets the frontend base URL: Nebuly SaaS by default, or the self-hosted domain of the new
     * frontend, possibly with a path prefix.
     *
     * @param frontend an absolute http(s) URL without query or fragment
     * @return this builder
     * @throws IllegalArgumentException if the URL is null, not http(s), or has a query, a fragment
     *     or user information
     */
    public Builder frontend(URI frontend) {
      this.frontend = validateFrontend(frontend);
      return this;
    }

    /**
     * Sets the frontend base URL from text.
     *
     * @param frontend an absolute http(s) URL without query or fragment
     * @return this builder
     * @throws IllegalArgumentException if the text is not such a URL
     * @see #frontend(URI)
     */
    public Builder frontend(String frontend) {
      Arguments.requireNonNull(frontend, "frontend");
      try {
        return frontend(new URI(frontend.strip()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("frontend is not a valid URL: " + e.getMessage(), e);
      }
    }

    /**
     * Sets the project, visible in the URL of any Nebuly page.
     *
     * @param projectId the project
     * @return this builder
     */
    public Builder projectId(ProjectId projectId) {
      this.projectId = Arguments.requireNonNull(projectId, "projectId");
      return this;
    }

    /**
     * Sets the organization, visible in the URL of any Nebuly page.
     *
     * @param organizationId the organization
     * @return this builder
     */
    public Builder organizationId(OrganizationId organizationId) {
      this.organizationId = Arguments.requireNonNull(organizationId, "organizationId");
      return this;
    }

    /**
     * Builds the link builder.
     *
     * @return the resolver
     * @throws IllegalStateException if the project or the organization is not set
     */
    public OfflineDeepLinks build() {
      if (projectId == null || organizationId == null) {
        throw new IllegalStateException(
            "OfflineDeepLinks needs both a projectId and an organizationId; missing: "
                + (projectId == null ? "projectId" : "")
                + (projectId == null && organizationId == null ? ", " : "")
                + (organizationId == null ? "organizationId" : ""));
      }
      return new OfflineDeepLinks(frontend, projectId, organizationId);
    }

    private static URI validateFrontend(URI frontend) {
      Arguments.requireNonNull(frontend, "frontend");
      // Checked first, so that no message below ever repeats a password.
      if (frontend.getRawUserInfo() != null) {
        throw new IllegalArgumentException("frontend must not carry user information");
      }
      String scheme = frontend.getScheme() == null ? "" : frontend.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "frontend must be an http or https URL, got '" + frontend + "'");
      }
      if (frontend.getHost() == null || frontend.isOpaque()) {
        throw new IllegalArgumentException("frontend must name a host, got '" + frontend + "'");
      }
      if (frontend.getRawQuery() != null || frontend.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "frontend must have no query or fragment, got '" + frontend + "'");
      }
      return frontend;
    }
  }
}
