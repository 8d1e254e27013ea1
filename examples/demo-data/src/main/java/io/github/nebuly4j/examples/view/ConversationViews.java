package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.spi.Arguments;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Loads what a viewer shows for one conversation, with one request to Nebuly: the conversation
 * from a {@link ConversationRepository}. Its deep links are not resolved here: each "Open in
 * Nebuly" is a route of the viewer ({@link NebulyRoutes}) that {@link DeepLinkRedirects} answers
 * when it is followed. Nothing here blocks, so a viewer can call it on an event loop.
 */
public final class ConversationViews {
  private final ConversationRepository conversations;

  /**
   * Creates the loader.
   *
   * @param conversations where conversations come from
   * @throws IllegalArgumentException if {@code conversations} is null
   */
  public ConversationViews(ConversationRepository conversations) {
    this.conversations = Arguments.requireNonNull(conversations, "conversations");
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
    return conversations.findById(id).thenApply(found -> found.map(ConversationView::of));
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
      return CompletableFuture.completedFuture(failed.apply(ViewerError.invalidId("conversation", invalid)));
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
}
