package io.github.nebuly4j.quarkus;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.Arguments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The calls of {@link DeepLinkResolver} and {@link ConversationRepository} as Mutiny {@link Uni}s,
 * for reactive endpoints and Mutiny pipelines:
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
 */
@ApplicationScoped
public class NebulyMutinyClient {
  private final DeepLinkResolver links;
  private final ConversationRepository conversations;

  @Inject
  NebulyMutinyClient(DeepLinkResolver links, ConversationRepository conversations) {
    this.links = links;
    this.conversations = conversations;
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
}
