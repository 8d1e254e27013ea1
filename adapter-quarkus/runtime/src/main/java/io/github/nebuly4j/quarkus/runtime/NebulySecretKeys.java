package io.github.nebuly4j.quarkus.runtime;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Marks {@code quarkus.nebuly.api-key} as a secret key of SmallRye Config, so that looking it up by
 * name ({@code Config.getValue}, configuration dumps and editors) is refused; the mapping still
 * reads it. Found through {@code META-INF/services}.
 */
public class NebulySecretKeys implements SmallRyeConfigBuilderCustomizer {
  /** The API key's property. */
  public static final String API_KEY = "quarkus.nebuly.api-key";

  /** Creates the customizer; SmallRye Config calls this through the service loader. */
  public NebulySecretKeys() {}

  /**
   * Adds {@code quarkus.nebuly.api-key} to the secret keys.
   *
   * @param builder the configuration being built
   */
  @Override
  public void configBuilder(SmallRyeConfigBuilder builder) {
    builder.withSecretKeys(API_KEY);
  }
}
