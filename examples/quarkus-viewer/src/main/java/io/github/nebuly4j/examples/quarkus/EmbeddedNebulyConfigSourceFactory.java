package io.github.nebuly4j.examples.quarkus;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SecretKeys;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Adds the {@linkplain EmbeddedNebulyConfigSource embedded demo backend} to the configuration when
 * no Nebuly API key is configured ({@code NEBULY_API_KEY} or {@code nebuly.api-key}), and nothing
 * otherwise. Registered in {@code META-INF/services}, so that it acts before any bean is created:
 * nebuly4j-adapter-quarkus refuses to start without a key.
 */
public final class EmbeddedNebulyConfigSourceFactory implements ConfigSourceFactory {

  /** Creates the factory; SmallRye Config calls it. */
  public EmbeddedNebulyConfigSourceFactory() {}

  /**
   * Returns the embedded demo backend's source when no API key is configured.
   *
   * @param context the sources configured so far
   * @return the source, or none when a key is configured
   */
  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    // nebuly4j-adapter-quarkus declares the key a secret: only whether it is set is read here.
    ConfigValue apiKey = SecretKeys.doUnlocked(() -> context.getValue(EmbeddedNebulyConfigSource.API_KEY));
    boolean keyConfigured = apiKey != null && apiKey.getValue() != null && !apiKey.getValue().isBlank();
    return keyConfigured ? List.of() : List.of(new EmbeddedNebulyConfigSource());
  }
}
