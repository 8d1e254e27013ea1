package io.github.nebuly4j.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs small fixture classes through EngineTestKit and checks what the extension did to them. */
class FakeNebulyServerExtensionTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** What the fixtures saw, in order. */
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void startsInjectsResetsAndStopsTheServer() {
    SEEN.clear();

    EngineExecutionResults results = run(AnnotatedFixture.class);

    assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    assertThat(results.testEvents().failed().count()).isZero();
    assertThat(SEEN).hasSize(4);
    FakeNebulyServer server = (FakeNebulyServer) SEEN.get(0);
    assertThat(SEEN.get(2)).as("one server for the class, injected as a FakeNebulyControl too").isSameAs(server);
    assertThat(SEEN.get(1)).as("journal at the start of the first test").isEqualTo(0);
    assertThat(SEEN.get(3)).as("journal reset before the second test").isEqualTo(0);
    assertThat(server.port()).isPositive();
    assertThatThrownBy(() -> get(server, "/deeplinks/interaction/i", "fixture-key"))
        .as("stopped after the class")
        .isInstanceOf(IOException.class);
  }

  @Test
  void plainExtendWithUsesTheDefaultKeyAndInjectsPerClassConstructors() {
    SEEN.clear();

    EngineExecutionResults results = run(PlainPerClassFixture.class);

    assertThat(results.testEvents().failed().count()).isZero();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(SEEN).containsExactly(200);
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  static int get(FakeNebulyServer server, String path, String key) throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Seeds and calls in the first test; the second must find a reset server. */
  @WithFakeNebulyServer(apiKey = "fixture-key")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class AnnotatedFixture {
    private final FakeNebulyServer fromConstructor;

    AnnotatedFixture(FakeNebulyServer server) {
      this.fromConstructor = server;
    }

    @Test
    @Order(1)
    void first(FakeNebulyServer server) throws Exception {
      assertThat(server).isSameAs(fromConstructor);
      SEEN.add(server);
      SEEN.add(server.journal().count());
      server.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
      assertThat(get(server, "/deeplinks/interaction/i", "fixture-key")).isEqualTo(200);
    }

    @Test
    @Order(2)
    void second(FakeNebulyControl server) throws Exception {
      SEEN.add(server);
      SEEN.add(server.journal().count());
      assertThat(get((FakeNebulyServer) server, "/deeplinks/interaction/i", "fixture-key")).as("seed reset").isEqualTo(404);
    }
  }

  /** A per-class instance gets the server in its constructor, before any callback ran. */
  @ExtendWith(FakeNebulyServerExtension.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PlainPerClassFixture {
    private final FakeNebulyServer server;

    PlainPerClassFixture(FakeNebulyServer server) {
      this.server = server;
    }

    @Test
    void acceptsTheDefaultKey() throws Exception {
      server.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
      SEEN.add(get(server, "/deeplinks/interaction/i", FakeNebulyServerExtension.DEFAULT_API_KEY));
    }
  }
}
