package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.util.concurrent.CompletableFuture;

/**
 * An answer of Nebuly that a {@link DeepLinkStore} keeps: a {@link Link}, or a {@link NotFound}
 * when the store remembers those too. Other failures are never kept.
 */
public sealed interface KeptAnswer {

  /**
   * Returns a new stage with this answer: completed with the link, or failed with the {@code
   * NotFound}. A new one per call, so that no caller can change what another one gets.
   *
   * @return a stage of the caller's own
   */
  CompletableFuture<DeepLink> stage();

  /**
   * A link that Nebuly gave.
   *
   * @param link the link
   */
  record Link(DeepLink link) implements KeptAnswer {
    /**
     * Keeps a link.
     *
     * @throws IllegalArgumentException if {@code link} is null
     */
    public Link {
      Arguments.requireNonNull(link, "link");
    }

    @Override
    public CompletableFuture<DeepLink> stage() {
      return CompletableFuture.completedFuture(link);
    }
  }

  /**
   * Nebuly's answer that it has no such interaction or conversation.
   *
   * @param failure the failure the call ended with, which callers receive again
   */
  record NotFound(NebulyException.NotFound failure) implements KeptAnswer {
    /**
     * Keeps a {@code NotFound}.
     *
     * @throws IllegalArgumentException if {@code failure} is null
     */
    public NotFound {
      Arguments.requireNonNull(failure, "failure");
    }

    @Override
    public CompletableFuture<DeepLink> stage() {
      return CompletableFuture.failedFuture(failure);
    }
  }
}
