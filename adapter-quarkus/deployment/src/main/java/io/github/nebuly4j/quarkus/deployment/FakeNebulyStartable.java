package io.github.nebuly4j.quarkus.deployment;

import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServerMain;
import io.quarkus.deployment.builditem.Startable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * testkit's {@link FakeNebulyServer} as a Dev Service: started on a free port of 127.0.0.1 with an
 * API key made up at random (so that nothing else on the machine can guess it), seeded from a seed
 * file or with the standalone server's demo data. It logs where it listens; it never logs the key.
 */
final class FakeNebulyStartable implements Startable {
  static final String SERVICE_NAME = "fake-nebuly";

  private static final Logger LOG = Logger.getLogger(FakeNebulyStartable.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<NebulyDevServicesProcessor.Seed> seed;
  private final String apiKey;
  private FakeNebulyServer server;

  FakeNebulyStartable(Optional<NebulyDevServicesProcessor.Seed> seed) {
    this.seed = seed;
    byte[] secret = new byte[16];
    RANDOM.nextBytes(secret);
    this.apiKey = "dev-services-" + HexFormat.of().formatHex(secret);
  }

  @Override
  public void start() {
    if (seed.isPresent()) {
      server = FakeNebulyServer.builder().apiKey(apiKey).start();
      try {
        server.seedFromJson(seed.get().json());
      } catch (IllegalArgumentException e) {
        server.close();
        throw new IllegalArgumentException(
            "quarkus.nebuly.devservices.seed " + seed.get().location() + " is not a seed file: " + e.getMessage(), e);
      }
    } else {
      // The standalone server's own start seeds its demo data; its report goes to the log instead.
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
        server =
            FakeNebulyServerMain.launch(new String[] {"--port", "0", "--api-key", apiKey}, out, out)
                .orElseThrow(() -> new IllegalStateException("the fake Nebuly did not start: " + report));
      }
    }
    LOG.infof(
        "Dev Services for nebuly4j: a fake Nebuly serving %s listens on %s; quarkus.nebuly.base-url and"
            + " quarkus.nebuly.api-key point the client at it",
        seed.map(s -> "the seed " + s.location()).orElse("demo data"),
        server.baseUrl());
  }

  String baseUrl() {
    return server.baseUrl().toString();
  }

  String apiKey() {
    return apiKey;
  }

  @Override
  public String getConnectionInfo() {
    return baseUrl();
  }

  @Override
  public String getContainerId() {
    return null;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
