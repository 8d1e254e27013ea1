package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * quarkus.nebuly.proxy-configuration-name routes the calls through a proxy of Quarkus's proxy
 * registry, and quarkus.nebuly.logging.scope turns the REST Client's request logging on, with the
 * API key masked.
 */
@QuarkusTest
@TestProfile(ProxyAndLoggingProfile.class)
class ProxyAndLoggingTest {
  private static final String CLIENT_LOGGING = "org.jboss.resteasy.reactive.client.logging";

  @InjectFakeServer FakeNebulyServer server;

  RecordingProxy proxy;

  @Inject DeepLinkResolver resolver;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(
              record.getParameters() == null
                  ? record.getMessage()
                  : String.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void seedAndCapture() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
    server.seedInteractionLink(InteractionId.of("proxied-1"), URI.create("https://nebuly.example/i/proxied-1"));
    capture.setLevel(Level.ALL);
    Logger.getLogger(CLIENT_LOGGING).addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    Logger.getLogger(CLIENT_LOGGING).removeHandler(capture);
  }

  @Test
  void callsGoThroughTheNamedProxy() throws Exception {
    DeepLink link = resolver.interactionLink(InteractionId.of("proxied-1")).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/i/proxied-1"));
    assertThat(proxy.forwarded())
        .as("the absolute URI that only a proxy is sent")
        .contains(URI.create(server.baseUrl() + "/deeplinks/interaction/proxied-1"));
  }

  @Test
  void requestLoggingShowsTheCallButNeverTheKey() throws Exception {
    resolver.interactionLink(InteractionId.of("proxied-1")).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(Await.until(() -> lines.stream().anyMatch(line -> line.contains("proxied-1")), java.time.Duration.ofSeconds(10)))
        .as("the request was logged: %s", lines)
        .isTrue();
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("Authorization=****"));
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(ContractSettings.API_KEY));
  }
}
