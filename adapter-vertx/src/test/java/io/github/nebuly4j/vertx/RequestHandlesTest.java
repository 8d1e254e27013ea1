package io.github.nebuly4j.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.NebulyTransport;
import io.github.nebuly4j.wire.WireAnswer;
import io.github.nebuly4j.wire.WireEndpoint;
import io.github.nebuly4j.wire.WireRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.impl.ClientPhase;
import io.vertx.ext.web.client.impl.WebClientInternal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard of {@link RequestHandles}, nebuly4j's one use of the Web Client's internals: each test
 * pins one behaviour of Vert.x 5.2's {@code io.vertx.ext.web.client.impl} that the transport relies
 * on, through the transport itself. If one fails after a Vert.x upgrade, the internals changed:
 * read {@code HttpContext} of the new version and adapt {@code RequestHandles}, do not loosen the
 * test.
 */
class RequestHandlesTest extends OnVertx {
  private static final String CHANGED =
      "Vert.x Web Client internals that RequestHandles relies on have changed (HttpContext, ClientPhase,"
          + " WebClientInternal.addInterceptor): ";

  private LoopbackServer server;
  private WebClient webClient;
  private NebulyTransport transport;
  private LogCapture logs;

  /** What the transport reported for one attempt. */
  static final class Recorder implements AttemptListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Object> outcome = new CompletableFuture<>();

    @Override
    public void connected() {
      events.add("connected");
    }

    @Override
    public void answered(WireAnswer answer) {
      events.add("answered " + answer.status() + (answer.truncated() ? " truncated" : ""));
      outcome.complete(answer);
    }

    @Override
    public void failed(Throwable cause) {
      events.add("failed");
      outcome.complete(cause);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    webClient = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(1));
    transport = new WebClientTransport(vertx, webClient, 5000);
    logs = LogCapture.start("io");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      assertThat(logs.atOrAbove(Level.WARNING)).as("what Vert.x logged at WARNING or above").isEmpty();
    } finally {
      logs.close();
      webClient.close();
      server.close();
    }
  }

  private WireRequest get(String path, int maxBodyBytes) {
    return new WireRequest(WireEndpoint.INTERACTION_LINK, "GET", server.baseUrl() + path, null,
        Map.of("Accept", "application/json"), null, maxBodyBytes);
  }

  private static void awaitChange(String what, BooleanSupplier condition) throws Exception {
    await(CHANGED + what, condition);
  }

  @Test
  void theWebClientTakesInterceptorsAndRefusesASecondOfOneClass() {
    assertThat(webClient).as(CHANGED + "WebClient.create no longer makes a WebClientInternal")
        .isInstanceOf(WebClientInternal.class);
    assertThat(ClientPhase.valueOf("SEND_REQUEST")).isNotNull();
    assertThat(ClientPhase.valueOf("RECEIVE_RESPONSE")).isNotNull();

    // The transport installed one already; a second install, by a second client, must be harmless.
    RequestHandles.install(webClient);
  }

  @Test
  void theConnectionIsReportedAtSendAndTheResponseReachesTheBodyCodec() throws Exception {
    server.on("/x", LoopbackServer.json(201, "{\"url\": \"https://nebuly.example/x\"}"));
    Recorder recorder = new Recorder();

    transport.send(get("/x", 1000), recorder);

    awaitChange("no answer", recorder.outcome::isDone);
    assertThat(recorder.events).as(CHANGED + "SEND_REQUEST or RECEIVE_RESPONSE no longer carry the request and response")
        .containsExactly("connected", "answered 201");
    WireAnswer answer = (WireAnswer) recorder.outcome.get();
    assertThat(new String(answer.body(), 0, answer.length(), StandardCharsets.UTF_8))
        .isEqualTo("{\"url\": \"https://nebuly.example/x\"}");
    assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
  }

  @Test
  void failingTheContextAtSendSendsNothingAndReturnsTheConnection() throws Exception {
    List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
    server.on("/busy", (request, body) -> held.add(request));
    server.on("/next", LoopbackServer.json(200, "{}"));
    Recorder busy = new Recorder();
    Recorder waiting = new Recorder();
    Recorder next = new Recorder();
    transport.send(get("/busy", 1000), busy);
    awaitChange("the first request never arrived", () -> !held.isEmpty());

    transport.send(get("/never", 1000), waiting).cancel();
    transport.send(get("/next", 1000), next);
    held.get(0).response().end("{}");

    awaitChange("the call after the aborted one was never served", next.outcome::isDone);
    assertThat(waiting.events).as(CHANGED + "an attempt aborted before its connection came was still sent")
        .doesNotContain("connected");
    assertThat(server.journal()).extracting(LoopbackServer.Received::uri)
        .containsExactly("/api/external/busy", "/api/external/next");
    assertThat(server.connectionsAccepted()).as(CHANGED + "the aborted request did not return its connection")
        .isEqualTo(1);
  }

  @Test
  void theRequestHandleStillResetsARequestInFlight() throws Exception {
    server.on("/slow", LoopbackServer.trickle(200, "{\"url\": \"", "a", 20));
    Recorder recorder = new Recorder();
    NebulyTransport.Cancellable attempt = transport.send(get("/slow", 1_000_000), recorder);
    awaitChange("the request never arrived", () -> server.journal().size() == 1);

    attempt.cancel();

    awaitChange("the reset did not end the Web Client's request", recorder.outcome::isDone);
    assertThat(recorder.events).containsExactly("connected", "failed");
    awaitChange("resetting the request did not close its connection", () -> server.connectionsClosed() == 1);
  }

  @Test
  void theRequestHandleStillClosesTheConnectionOfABodyPastTheBound() throws Exception {
    // HttpContext forgets its request once the response has come: only the handle taken at
    // SEND_REQUEST can still close the connection while the body streams.
    server.on("/long", LoopbackServer.trickle(200, "{\"url\": \"", "a", 5));
    Recorder recorder = new Recorder();

    transport.send(get("/long", 30), recorder);

    awaitChange("no answer", recorder.outcome::isDone);
    assertThat(recorder.events).startsWith("connected", "answered 200 truncated");
    WireAnswer answer = (WireAnswer) recorder.outcome.get();
    assertThat(answer.length()).isEqualTo(30);
    awaitChange("cutting the body did not close its connection", () -> server.connectionsClosed() == 1);
  }
}
