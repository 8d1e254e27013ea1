package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.spi.Arguments;

/**
 * The adapter under test as the runs see it: its two ports and nothing else.
 *
 * @param resolver the deep-link port
 * @param repository the conversation port
 */
public record Ports(DeepLinkResolver resolver, ConversationRepository repository) {

  /**
   * Checks that nothing is null.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public Ports {
    Arguments.requireNonNull(resolver, "resolver");
    Arguments.requireNonNull(repository, "repository");
  }

  /**
   * Returns the ports of an object that implements both, as each adapter's client does.
   *
   * @param client the adapter's client
   * @param <C> its type
   * @return its ports
   * @throws IllegalArgumentException if {@code client} is null
   */
  public static <C extends DeepLinkResolver & ConversationRepository> Ports of(C client) {
    return new Ports(client, client);
  }
}
