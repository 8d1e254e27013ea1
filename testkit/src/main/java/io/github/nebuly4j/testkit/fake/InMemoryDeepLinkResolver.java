package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DeepLinkResolver} in memory, for unit tests with no network: it answers the links it was
 * seeded with, fails with {@link NebulyException.NotFound} for any other id, records every call, and
 * can be told to fail or to answer late.
 *
 * <pre>{@code
 * InMemoryDeepLinkResolver links = InMemoryDeepLinkResolver.builder()
 *     .interactionLink(InteractionId.of("i-1"), URI.create("https://…"))
 *     .build();
 * links.failNextCalls(1, new NebulyException.ServiceFailure(503, null));
 * // ... exercise the code under test ...
 * assertEquals(List.of(new InMemoryDeepLinkResolver.Call(LinkTarget.INTERACTION, "i-1")), links.calls());
 * }</pre>
 *
 * <p>Thread-safe; honours the port's contract (never blocks, null id is an {@link
 * IllegalArgumentException} thrown at once).
 */
public final class InMemoryDeepLinkResolver implements DeepLinkResolver {

  /**
   * One call the resolver received.
   *
   * @param target whether an interaction or a conversation link was asked for
   * @param id the id asked for
   */
  public record Call(LinkTarget target, String id) {}

  private final Map<String, URI> interactionLinks = new ConcurrentHashMap<>();
  private final Map<String, URI> conversationLinks = new ConcurrentHashMap<>();
  private final CallScript<Call> script = new CallScript<>();

  private InMemoryDeepLinkResolver() {}

  /**
   * Starts a builder with no links.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return script.call(
        new Call(LinkTarget.INTERACTION, id.value()),
        () -> DeepLink.toInteraction(id, found(interactionLinks, id.value(), "interaction")));
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return script.call(
        new Call(LinkTarget.CONVERSATION, id.value()),
        () -> DeepLink.toConversation(id, found(conversationLinks, id.value(), "conversation")));
  }

  private static URI found(Map<String, URI> links, String id, String kind) {
    URI link = links.get(id);
    if (link == null) {
      throw new NebulyException.NotFound(kind + " '" + id + "'", kind + " not found");
    }
    return link;
  }

  /**
   * Adds or replaces a link to an interaction.
   *
   * @param id the interaction
   * @param url the link
   * @return this resolver
   * @throws IllegalArgumentException if an argument is null
   */
  public InMemoryDeepLinkResolver putInteractionLink(InteractionId id, URI url) {
    Arguments.requireNonNull(id, "id");
    interactionLinks.put(id.value(), Arguments.requireNonNull(url, "url"));
    return this;
  }

  /**
   * Adds or replaces a link to a conversation.
   *
   * @param id the conversation
   * @param url the link
   * @return this resolver
   * @throws IllegalArgumentException if an argument is null
   */
  public InMemoryDeepLinkResolver putConversationLink(ConversationId id, URI url) {
    Arguments.requireNonNull(id, "id");
    conversationLinks.put(id.value(), Arguments.requireNonNull(url, "url"));
    return this;
  }

  /**
   * Makes the next {@code count} calls fail with {@code failure}, whatever their id; added after any
   * failures already scripted.
   *
   * @param count at least 1
   * @param failure the failure
   * @return this resolver
   * @throws IllegalArgumentException if {@code failure} is null or {@code count} less than 1
   */
  public InMemoryDeepLinkResolver failNextCalls(int count, NebulyException failure) {
    script.failNext(count, failure);
    return this;
  }

  /**
   * Makes every following call complete only after {@code delay}, on a timer thread: the caller is
   * never blocked. {@link Duration#ZERO} answers at once again.
   *
   * @param delay the delay
   * @return this resolver
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public InMemoryDeepLinkResolver delayCalls(Duration delay) {
    script.delay(delay);
    return this;
  }

  /**
   * Returns the calls received so far, oldest first, failed ones included.
   *
   * @return a snapshot
   */
  public List<Call> calls() {
    return script.calls();
  }

  /**
   * Forgets the calls received, the scripted failures and the delay; the links stay.
   *
   * @return this resolver
   */
  public InMemoryDeepLinkResolver clearCalls() {
    script.clear();
    return this;
  }

  /** Describes the resolver by its number of links. */
  @Override
  public String toString() {
    return "InMemoryDeepLinkResolver["
        + interactionLinks.size()
        + " interaction link(s), "
        + conversationLinks.size()
        + " conversation link(s)]";
  }

  /** Collects the links of an {@link InMemoryDeepLinkResolver}. Not thread-safe. */
  public static final class Builder {
    private final InMemoryDeepLinkResolver resolver = new InMemoryDeepLinkResolver();

    private Builder() {}

    /**
     * Adds a link to an interaction.
     *
     * @param id the interaction
     * @param url the link
     * @return this builder
     * @throws IllegalArgumentException if an argument is null
     */
    public Builder interactionLink(InteractionId id, URI url) {
      resolver.putInteractionLink(id, url);
      return this;
    }

    /**
     * Adds a link to a conversation.
     *
     * @param id the conversation
     * @param url the link
     * @return this builder
     * @throws IllegalArgumentException if an argument is null
     */
    public Builder conversationLink(ConversationId id, URI url) {
      resolver.putConversationLink(id, url);
      return this;
    }

    /**
     * Adds links to interactions.
     *
     * @param links interaction to link
     * @return this builder
     * @throws IllegalArgumentException if the map, a key or a value is null
     */
    public Builder interactionLinks(Map<InteractionId, URI> links) {
      Arguments.requireNonNull(links, "links").forEach(resolver::putInteractionLink);
      return this;
    }

    /**
     * Adds links to conversations.
     *
     * @param links conversation to link
     * @return this builder
     * @throws IllegalArgumentException if the map, a key or a value is null
     */
    public Builder conversationLinks(Map<ConversationId, URI> links) {
      Arguments.requireNonNull(links, "links").forEach(resolver::putConversationLink);
      return this;
    }

    /**
     * Returns the resolver. The builder must not be used afterwards.
     *
     * @return the resolver
     */
    public InMemoryDeepLinkResolver build() {
      return resolver;
    }
  }
}
