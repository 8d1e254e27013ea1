package io.github.nebuly4j.quarkus.deployment;

import io.github.nebuly4j.quarkus.runtime.NebulyBuildTimeConfig;
import io.github.nebuly4j.quarkus.runtime.NebulySecretKeys;
import io.quarkus.deployment.IsProduction;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SecretKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dev Services for nebuly4j: in dev and test mode, when neither {@code quarkus.nebuly.api-key} nor
 * {@code quarkus.nebuly.base-url} is set, a {@link FakeNebulyStartable} runs testkit's fake server
 * in the JVM and the client is pointed at it. It runs as long as the application that started it:
 * every test class of one test profile uses the same one, and another profile, which restarts the
 * application, starts another (Quarkus 3.33 does not keep an owned Dev Service across that restart).
 */
class NebulyDevServicesProcessor {
  static final String BASE_URL = "quarkus.nebuly.base-url";
  static final String SEED = "quarkus.nebuly.devservices.seed";

  @BuildStep(onlyIfNot = IsProduction.class, onlyIf = DevServicesConfig.Enabled.class)
  DevServicesResultBuildItem fakeNebuly(NebulyBuildTimeConfig config) {
    if (!config.devservices().enabled() || configured(NebulySecretKeys.API_KEY) || configured(BASE_URL)) {
      return null;
    }
    // Read here, on the build step's thread, whose class loader sees the application's resources.
    Optional<Seed> seed = config.devservices().seed().map(NebulyDevServicesProcessor::readSeed);
    return DevServicesResultBuildItem.<FakeNebulyStartable>owned()
        .feature(NebulyProcessor.FEATURE)
        .serviceName(FakeNebulyStartable.SERVICE_NAME)
        .serviceConfig(seed)
        .startable(() -> new FakeNebulyStartable(seed))
        .configProvider(
            Map.of(
                BASE_URL, FakeNebulyStartable::baseUrl,
                NebulySecretKeys.API_KEY, FakeNebulyStartable::apiKey))
        .build();
  }

  private static boolean configured(String property) {
    // The API key is a secret key: only whether it is set is read.
    return SecretKeys.doUnlocked(() -> ConfigUtils.isPropertyNonEmpty(property));
  }

  /**
   * Reads a seed: a file, or else a class-path resource.
   *
   * @param location the configured location
   * @return the seed
   * @throws ConfigurationException naming {@code quarkus.nebuly.devservices.seed} when there is none
   */
  static Seed readSeed(String location) {
    try {
      Path file = Path.of(location);
      if (Files.isRegularFile(file)) {
        return new Seed(location, Files.readString(file, StandardCharsets.UTF_8));
      }
      String resource = location.startsWith("/") ? location.substring(1) : location;
      try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          return new Seed(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Nebuly seed " + location, e);
    } catch (java.nio.file.InvalidPathException e) {
      // Not a file name on this system; it may still name a resource, which was looked up above.
    }
    throw new ConfigurationException(
        SEED + " names '" + location + "', which is neither a file nor a class-path resource", Set.of(SEED));
  }

  /**
   * A seed file's location and content: the service's configuration.
   *
   * @param location where it was read, for the log
   * @param json its content
   */
  record Seed(String location, String json) {}
}
