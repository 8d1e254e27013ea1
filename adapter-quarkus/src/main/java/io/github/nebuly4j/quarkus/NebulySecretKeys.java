package io.github.nebuly4j.quarkus;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Marks {@code nebuly.api-key} as a secret key of SmallRye Config, so that looking it up by name
 * ({@code Config.getValue}, configuration dumps and editors) is refused; {@link NebulyConfig} still
 * reads it. Quarkus finds this customizer through {@code META-INF/services}.
 */
public class NebulySecretKeys implements SmallRyeConfigBuilderCustomizer {

  /** Creates the customizer; Quarkus calls this through the service loader. */
  public NebulySecretKeys() {}

  /**
   * Adds {@code nebuly.api-key} to the secret keys.
   *
   * @param builder the configuration being built
   */
  @Override
  public void configBuilder(SmallRyeConfigBuilder builder) {
    builder.withSecretKeys(NebulySettings.API_KEY);
  }
}
