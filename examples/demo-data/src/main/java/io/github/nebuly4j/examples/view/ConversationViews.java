package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.spi.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Loads what a viewer shows for one conversation: the conversation from a {@link
 * ConversationRepository}, then the deep links of the conversation and of every interaction from a
 * {@link DeepLinkResolver}, all of them requested at once. Nothing here blocks, so a viewer can call
 * it on an event loop.
 */
public final class ConversationViews {
  private final ConversationRepository conversations;
  private final DeepLinkResolver links;

  /**
   * Creates the loader.
   *
   * @param conversations where conversations come from
   * @param links where deep links come from
   * @throws IllegalArgumentException if an argument is null
   */
  public ConversationViews(ConversationRepository conversations, DeepLinkResolver links) {
    this.conversations = Arguments.requireNonNull(conversations, "conversations");
    this.links = Arguments.requireNonNull(links, "links");
  }

  /**
   * Loads the view of one conversation.
   *
   * @param id the conversation
   * @return a stage completing with the view, or empty when Nebuly has no such conversation; it
   *     fails as the two ports fail (with a {@link io.github.nebuly4j.core.NebulyException})
   * @throws IllegalArgumentException if {@code id} is null
   */
  public CompletionStage<Optional<ConversationView>> load(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return conversations
        .findById(id)
        .thenCompose(
            found ->
                found.isPresent()
                    ? withLinks(found.get()).thenApply(Optional::of)
                    : CompletableFuture.completedFuture(Optional.empty()));
  }

  /**
   * Answers a request for one conversation, whatever happens: the view when it loads, otherwise the
   * {@link ViewerError} to show (400 for an invalid id, 404 for an unknown one, 5xx for a failure).
   *
   * @param rawId the id as the request gave it
   * @param found makes the answer from the view
   * @param failed makes the answer from the error
   * @param <R> the type of answer
   * @return a stage completing with the answer; it never fails
   */
  public <R> CompletionStage<R> respond(
      String rawId, Function<ConversationView, R> found, Function<ViewerError, R> failed) {
    ConversationId id;
    try {
      id = ConversationId.of(rawId);
    } catch (IllegalArgumentException invalid) {
      return CompletableFuture.completedFuture(failed.apply(ViewerError.invalidId(invalid)));
    }
    return load(id)
        .handle(
            (view, failure) -> {
              if (failure != null) {
                return failed.apply(ViewerError.of(failure));
              }
              return view.map(found).orElseGet(() -> failed.apply(ViewerError.notFound(id)));
            });
  }

  private CompletionStage<ConversationView> withLinks(Conversation conversation) {
    // Every request is under way before any answer is awaited: the page costs one round trip for
    // its links, however many interactions it has.
    CompletableFuture<DeepLink> conversationLink =
        links.conversationLink(conversation.id()).toCompletableFuture();
    List<CompletableFuture<DeepLink>> interactionLinks =
        conversation.interactions().stream()
            .map(interaction -> links.interactionLink(interaction.id()).toCompletableFuture())
            .toList();
    List<CompletableFuture<DeepLink>> all = new ArrayList<>(interactionLinks);
    all.add(conversationLink);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            done ->
                ConversationView.of(
                    conversation,
                    conversationLink.join(),
                    interactionLinks.stream().map(CompletableFuture::join).toList()));
  }
}
