package io.github.nebuly4j.quarkus.deployment;

import io.github.nebuly4j.quarkus.runtime.NebulyBuildTimeConfig;
import io.github.nebuly4j.quarkus.runtime.NebulySecretKeys;
import io.quarkus.deployment.IsProduction;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.HotDeploymentWatchedFileBuildItem;
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
 * in the JVM and the client is pointed at it. Quarkus keeps it while the application runs, across
 * dev mode's restarts, as long as the seed is the same file with the same content; every test class
 * of one test profile uses it. Quarkus stops it with its application, so another test profile, which
 * is another application, starts another.
 */
class NebulyDevServicesProcessor {
  static final String BASE_URL = "quarkus.nebuly.base-url";
  static final String SEED = "quarkus.nebuly.devservices.seed";

  @BuildStep(onlyIfNot = IsProduction.class, onlyIf = DevServicesConfig.Enabled.class)
  DevServicesResultBuildItem fakeNebuly(
      NebulyBuildTimeConfig config, BuildProducer<HotDeploymentWatchedFileBuildItem> watchedFiles) {
    if (!config.devservices().enabled() || configured(NebulySecretKeys.API_KEY) || configured(BASE_URL)) {
      return null;
    }
    // Read here, on the build step's thread, whose class loader sees the application's resources.
    Optional<Seed> seed = config.devservices().seed().map(NebulyDevServicesProcessor::readSeed);
    // In dev mode, an edited seed restarts the application, which then starts a fake serving it.
    seed.ifPresent(read -> watchedFiles.produce(new HotDeploymentWatchedFileBuildItem(read.watchedPath())));
    return DevServicesResultBuildItem.<FakeNebulyStartable>owned()
        .feature(NebulyProcessor.FEATURE)
        .serviceName(FakeNebulyStartable.SERVICE_NAME)
        // Quarkus keeps a running fake for the next build while this stays equal.
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
        return new Seed(location, file.toAbsolutePath().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
      String resource = location.startsWith("/") ? location.substring(1) : location;
      try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          return new Seed(location, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
   * @param location where it was read, as configured, for the log
   * @param watchedPath what dev mode watches: the file's absolute path, or the resource's name
   * @param json its content
   */
  record Seed(String location, String watchedPath, String json) {}
}
