package io.github.nebuly4j.quarkus;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.spi.Arguments;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The calls of {@link DeepLinkResolver}, {@link ConversationRepository}, {@link InteractionSearch}
 * and {@link ConversationListing} as Mutiny {@link Uni}s, and the listings as {@link Multi}s, for
 * reactive endpoints and Mutiny pipelines:
 *
 * <pre>{@code
 * @Inject NebulyMutinyClient nebuly;
 *
 * @GET @Path("/link/{id}")
 * public Uni<String> link(String id) {
 *   return nebuly.interactionLink(InteractionId.of(id)).map(link -> link.uri().toString());
 * }
 * }</pre>
 *
 * <p>It delegates to the injected ports, so an application that replaces them (with testkit's
 * in-memory fakes, say) gets the replacement here too. Each {@code Uni} is lazy: nothing is sent
 * until it is subscribed, and each subscription sends anew. Cancelling the subscription abandons
 * the call: the request under way is reset and no retry is scheduled. A failure is always a {@link
 * io.github.nebuly4j.core.NebulyException}.
 *
 * <p>A listing's {@code Multi} is the port's publisher (core's paged publisher) as Mutiny sees it:
 * nothing is sent before a subscriber requests, a page is fetched only when the rows already
 * fetched cannot meet the subscriber's demand, and cancelling, or simply requesting no more, sends
 * no further request. Each subscription reads the listing from its start. Mutiny operators that
 * prefetch (such as {@code emitOn} with its buffer) ask for more rows than the final subscriber
 * does, and so for more pages.
 */
@ApplicationScoped
public class NebulyMutinyClient {
  private final DeepLinkResolver links;
  private final ConversationRepository conversations;
  private final InteractionSearch search;
  private final ConversationListing listing;

  @Inject
  NebulyMutinyClient(
      DeepLinkResolver links,
      ConversationRepository conversations,
      InteractionSearch search,
      ConversationListing listing) {
    this.links = links;
    this.conversations = conversations;
    this.search = search;
    this.listing = listing;
  }

  /**
   * Resolves the link that opens one interaction.
   *
   * @param id the interaction
   * @return the link; fails with {@code NotFound} when Nebuly has no such interaction
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Uni<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return Uni.createFrom().completionStage(() -> links.interactionLink(id));
  }

  /**
   * Resolves the link that opens one conversation.
   *
   * @param id the conversation
   * @return the link; fails with {@code NotFound} when Nebuly has no such conversation
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Uni<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return Uni.createFrom().completionStage(() -> links.conversationLink(id));
  }

  /**
   * Reads one conversation.
   *
   * @param id the conversation
   * @return the conversation, or empty when Nebuly has none with this id
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Uni<Optional<Conversation>> findConversation(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return Uni.createFrom().completionStage(() -> conversations.findById(id));
  }

  /**
   * Fetches one page of an interaction search.
   *
   * @param query the search
   * @param offset the rows to skip: 0, then each page's {@link Page#nextOffset()}
   * @return the page
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  public Uni<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset) {
    checkPage(query, offset);
    return Uni.createFrom().completionStage(() -> search.interactionPage(query, offset));
  }

  /**
   * Streams every interaction of a search, fetching its pages as the subscriber requests rows.
   *
   * @param query the search
   * @return the rows; fails with the {@code NebulyException} of a failed page after the rows before
   * @throws IllegalArgumentException if {@code query} is null
   */
  public Multi<InteractionSummary> interactions(InteractionQuery query) {
    return Multi.createFrom().publisher(search.interactions(query));
  }

  /**
   * Fetches one page of a conversation listing.
   *
   * @param query the listing
   * @param offset the rows to skip: 0, then each page's {@link Page#nextOffset()}
   * @return the page
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  public Uni<Page<ConversationSummary>> conversationPage(ConversationQuery query, long offset) {
    checkPage(query, offset);
    return Uni.createFrom().completionStage(() -> listing.conversationPage(query, offset));
  }

  /**
   * Streams every conversation of a listing, fetching its pages as the subscriber requests rows.
   *
   * @param query the listing
   * @return the rows; fails with the {@code NebulyException} of a failed page after the rows before
   * @throws IllegalArgumentException if {@code query} is null
   */
  public Multi<ConversationSummary> conversations(ConversationQuery query) {
    return Multi.createFrom().publisher(listing.conversations(query));
  }

  private static void checkPage(Object query, long offset) {
    Arguments.requireNonNull(query, "query");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
  }
}
