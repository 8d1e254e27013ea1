package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code nebuly.base-url} and {@code nebuly.api-key} of an {@link EmbeddedNebuly} that it
 * starts on the first lookup of either property, so that the viewer works with no Nebuly account.
 *
 * <p>The server starts only when the running application reads its configuration: building the
 * application (Quarkus augmentation) never looks these properties up, and the source lists no
 * property names, so that nothing that merely enumerates the configuration starts it. One server
 * serves the class loader, however many configurations Quarkus builds;
 * {@link EmbeddedNebulyLifecycle} stops it when the application stops.
 */
final class EmbeddedNebulyConfigSource implements ConfigSource {
  static final String API_KEY = "nebuly.api-key";
  static final String BASE_URL = "nebuly.base-url";

  /** Above every ordinary source: with no key configured, a configured base URL is not Nebuly's. */
  private static final int ORDINAL = 500;

  private static EmbeddedNebuly running;

  @Override
  public Set<String> getPropertyNames() {
    return Set.of();
  }

  @Override
  public String getValue(String propertyName) {
    if (API_KEY.equals(propertyName)) {
      return start().apiKey();
    }
    if (BASE_URL.equals(propertyName)) {
      return start().baseUrl().toString();
    }
    return null;
  }

  @Override
  public String getName() {
    return "nebuly4j embedded demo backend";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  private static synchronized EmbeddedNebuly start() {
    if (running == null) {
      running = EmbeddedNebuly.start();
    }
    return running;
  }

  /**
   * Returns the embedded backend, if the configuration started one.
   *
   * @return the running backend, or empty when the viewer talks to a configured Nebuly
   */
  static synchronized Optional<EmbeddedNebuly> running() {
    return Optional.ofNullable(running);
  }

  /** Stops the embedded backend, if one runs; a later lookup starts a new one. */
  static synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
