package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.Arguments;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers the viewers' {@link NebulyRoutes} routes: resolves the link that was clicked and
 * redirects to it. The resolver is the viewer's choice: {@code OfflineDeepLinks} when the project
 * and organization ids are configured (nothing is asked of Nebuly), else a caching resolver in
 * front of the adapter, so that a link clicked twice is asked for once. Nothing here blocks.
 */
public final class DeepLinkRedirects {
  private final DeepLinkResolver links;

  /**
   * Creates the handler.
   *
   * @param links where links come from
   * @throws IllegalArgumentException if {@code links} is null
   */
  public DeepLinkRedirects(DeepLinkResolver links) {
    this.links = Arguments.requireNonNull(links, "links");
  }

  /**
   * Answers {@code /go/interaction/{id}}.
   *
   * @param rawId the id as the request gave it
   * @param redirect makes the answer from the link's URL
   * @param failed makes the answer from the error: 400 for an invalid id, 404 for one Nebuly does
   *     not know, 5xx when Nebuly fails
   * @param <R> the type of answer
   * @return a stage completing with the answer; it never fails
   */
  public <R> CompletionStage<R> interaction(
      String rawId, Function<URI, R> redirect, Function<ViewerError, R> failed) {
    return respond("interaction", () -> links.interactionLink(InteractionId.of(rawId)), redirect, failed);
  }

  /**
   * Answers {@code /go/conversation/{id}}.
   *
   * @param rawId the id as the request gave it
   * @param redirect makes the answer from the link's URL
   * @param failed makes the answer from the error, as for {@link #interaction}
   * @param <R> the type of answer
   * @return a stage completing with the answer; it never fails
   */
  public <R> CompletionStage<R> conversation(
      String rawId, Function<URI, R> redirect, Function<ViewerError, R> failed) {
    return respond("conversation", () -> links.conversationLink(ConversationId.of(rawId)), redirect, failed);
  }

  /** Resolves the link; an id refused when made is a 400, asking nobody. */
  private static <R> CompletionStage<R> respond(
      String kind,
      Supplier<CompletionStage<DeepLink>> resolve,
      Function<URI, R> redirect,
      Function<ViewerError, R> failed) {
    CompletionStage<DeepLink> link;
    try {
      link = resolve.get();
    } catch (IllegalArgumentException invalid) {
      return CompletableFuture.completedFuture(failed.apply(ViewerError.invalidId(kind, invalid)));
    }
    return link.handle(
        (found, failure) -> failure == null ? redirect.apply(found.uri()) : failed.apply(ViewerError.of(failure)));
  }
}
