package io.github.nebuly4j.vertx;

import static io.github.nebuly4j.vertx.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SelfSignedCertificate;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted loopback Vert.x server: wire format, errors, faults, retries. */
class NebulyVertxClientTest {
  private static final String KEY = "vx-test-key-5d1c";
  private static final String CONVERSATION_JSON =
      """
      {"id": "c-1", "session_length": 2.0, "session_time": 12.5,
       "start_session": "2024-05-30T09:27:52.420Z", "end_session": "2024-05-30 09:28:04.920000",
       "cost": 1523.75, "tags": {"team": "support", "priority": 2}, "emotions": ["joy"],
       "custom_aggregates": {}, "unknown_field": true,
       "conversation": [
         {"id": "i-1", "input": "hi", "output": "hello", "timestamp": "2024-05-30T09:27:52.420Z",
          "end_timestamp": "2024-05-30T09:27:53Z", "topic": "greeting"},
         {"id": "i-2", "input": "bye", "output": "ciao", "timestamp": "2024-05-30T09:28:00Z",
          "end_timestamp": "2024-05-30T09:28:04.92+00:00"}
       ]}
      """;

  private static Vertx vertx;
  private LoopbackServer server;
  private NebulyVertxClient client;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private NebulyVertxOptions options() {
    return new NebulyVertxOptions()
        .setBaseUrl(server.baseUrl())
        .setApiKey(KEY)
        .setRequestTimeout(Duration.ofSeconds(2))
        .setRetryPolicy(RetryPolicy.builder()
            .maxAttempts(3).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
            .jitter(0).maxRetryAfter(Duration.ofSeconds(3)).build());
  }

  private NebulyVertxClient client(NebulyVertxOptions options) {
    client = NebulyVertxClient.create(vertx, options);
    return client;
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void interactionLinkSendsTheDocumentedRequestWithTheIdAsOneSegment() throws Exception {
    server.on("/deeplinks/interaction/a%2F..%3Fb%20%C3%A9",
        json(200, "{\"url\": \"https://v2.platform.eu.nebuly.com/live-activity?x=1\"}"));

    DeepLink link = value(client(options()).interactionLink(InteractionId.of("a/..?b é")));

    assertThat(link.uri()).isEqualTo(URI.create("https://v2.platform.eu.nebuly.com/live-activity?x=1"));
    assertThat(link.target()).isEqualTo(LinkTarget.INTERACTION);
    assertThat(link.targetId()).isEqualTo("a/..?b é");
    LoopbackServer.Received request = server.journal().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri()).isEqualTo("/api/external/deeplinks/interaction/a%2F..%3Fb%20%C3%A9");
    assertThat(request.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.headers().get("Accept")).isEqualTo("application/json");
    assertThat(request.headers().get("User-Agent")).matches("nebuly4j/\\S+");
  }

  @Test
  void conversationLinkUsesItsOwnPath() throws Exception {
    server.on("/deeplinks/conversation/c-9", json(200, "{\"url\": \"https://nebuly.example/c\"}"));

    DeepLink link = value(client(options()).conversationLinkFuture(ConversationId.of("c-9")).toCompletionStage());

    assertThat(link.target()).isEqualTo(LinkTarget.CONVERSATION);
    assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/c"));
  }

  @Test
  void findByIdPostsTheIdAndMapsTheWholeConversation() throws Exception {
    server.on("/get-conversation-detail", json(200, CONVERSATION_JSON));

    Conversation conversation = value(client(options()).findById(ConversationId.of("c-1"))).orElseThrow();

    assertThat(conversation.id()).isEqualTo(ConversationId.of("c-1"));
    assertThat(conversation.interactions()).hasSize(2);
    assertThat(conversation.interactions().get(0).input()).contains("hi");
    assertThat(conversation.cost()).contains(MicroDollars.ofMicros(new BigDecimal("1523.75")));
    assertThat(conversation.sessionTime()).contains(Duration.ofMillis(12_500));
    assertThat(conversation.tags()).containsEntry("team", "support").containsEntry("priority", "2");
    LoopbackServer.Received request = server.journal().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/api/external/get-conversation-detail");
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(new io.vertx.core.json.JsonObject(request.body()).getMap())
        .isEqualTo(java.util.Map.of("conversation_id", "c-1"));
  }

  @Test
  void aMissingConversationIsEmptyButAMissingLinkIsNotFound() throws Exception {
    server.on("/get-conversation-detail", json(404, "{\"detail\": \"Conversation not found\"}"));
    server.on("/deeplinks/interaction/i-0", json(404, "{\"detail\": \"Interaction not found\"}"));
    NebulyVertxClient nebuly = client(options());

    assertThat(value(nebuly.findByIdFuture(ConversationId.of("nope")).toCompletionStage())).isEmpty();
    assertThat(failure(nebuly.interactionLink(InteractionId.of("i-0"))))
        .isInstanceOf(NebulyException.NotFound.class)
        .hasMessageContaining("i-0");
    assertThat(server.journal()).hasSize(2);
  }

  @Test
  void aRefusedKeyIsAuthenticationAndNeverEchoesTheKey() throws Exception {
    server.on("/deeplinks/interaction/i-1", json(401, "{\"detail\": \"invalid key " + KEY + "\"}"));

    Throwable failure = failure(client(options()).interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.Authentication.class);
    assertThat(failure.getMessage()).doesNotContain(KEY).contains("invalid key");
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void serviceFailuresAreRetriedUntilSuccess() throws Exception {
    server.on("/deeplinks/interaction/i-1",
        json(503, "{\"detail\": \"busy\"}"),
        (request, body) -> request.response().setStatusCode(502).end("<html><title>Bad gateway</title></html>"),
        json(200, "{\"url\": \"https://nebuly.example/i\"}"));

    DeepLink link = value(client(options()).interactionLink(InteractionId.of("i-1")));

    assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/i"));
    assertThat(server.journal()).hasSize(3);
  }

  @Test
  void theLastFailureIsReportedWhenRetriesRunOut() throws Exception {
    server.on("/deeplinks/interaction/i-1", json(500, "{\"detail\": \"boom\"}"));

    Throwable failure = failure(client(options()).interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(((NebulyException) failure).httpStatus()).hasValue(500);
    assertThat(server.journal()).hasSize(3);
  }

  @Test
  void retryAfterIsHonoured() throws Exception {
    server.on("/deeplinks/interaction/i-1",
        (request, body) -> request.response().setStatusCode(429).putHeader("Retry-After", "1").end(),
        json(200, "{\"url\": \"https://nebuly.example/i\"}"));
    long start = System.nanoTime();

    value(client(options()).interactionLink(InteractionId.of("i-1")));

    assertThat(server.journal()).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
  }

  @Test
  void aSilentServerIsATimeoutWithTheConfiguredLimit() throws Exception {
    server.on("/deeplinks/interaction/i-1", (request, body) -> { /* never answers */ });
    Duration limit = Duration.ofMillis(300);
    long start = System.nanoTime();

    Throwable failure = failure(client(options().setRequestTimeout(limit).setRetryPolicy(RetryPolicy.none()))
        .interactionLink(InteractionId.of("i-1")));

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(failure).isInstanceOf(NebulyException.Timeout.class);
    assertThat(((NebulyException.Timeout) failure).limit()).isEqualTo(limit);
    assertThat(elapsed).isGreaterThanOrEqualTo(limit).isLessThan(limit.multipliedBy(10));
  }

  @Test
  void aBodyPastTheBoundIsAbortedWhileStreaming() throws Exception {
    CompletableFuture<Void> connectionClosed = new CompletableFuture<>();
    server.on("/get-conversation-detail", (request, body) -> {
      HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "application/json");
      request.connection().closeHandler(ignored -> connectionClosed.complete(null));
      response.write("{\"id\": \"c-1\", \"tags\": {\"x\": \"");
      streamForever(response, Buffer.buffer("a".repeat(8192)));
    });

    Throwable failure = failure(client(options().setMaxResponseBytes(64 * 1024).setRetryPolicy(RetryPolicy.none()))
        .findById(ConversationId.of("c-1")));

    assertThat(failure).isInstanceOf(NebulyException.MalformedResponse.class).hasMessageContaining("65536");
    assertThat(((NebulyException) failure).httpStatus()).hasValue(200);
    // The body never ends: only an aborted request lets the server see its connection close.
    connectionClosed.get(10, TimeUnit.SECONDS);
  }

  private static void streamForever(HttpServerResponse response, Buffer chunk) {
    if (response.closed() || response.ended()) {
      return;
    }
    response.write(chunk).onComplete(written -> {
      if (written.succeeded()) {
        streamForever(response, chunk);
      }
    });
  }

  @Test
  void aDeclaredLengthPastTheBoundFailsBeforeTheBodyArrives() throws Exception {
    server.on("/deeplinks/interaction/i-1", (request, body) ->
        request.response().putHeader("Content-Length", "100000000").write("{\"url\": "));

    Throwable failure = failure(client(options().setMaxResponseBytes(1000)).interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.MalformedResponse.class).hasMessageContaining("1000 bytes");
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void aConnectionClosedMidBodyIsATransportFailure() throws Exception {
    server.on("/deeplinks/interaction/i-1", (request, body) -> {
      request.response().putHeader("Content-Length", "500").write("{\"url\": \"https://neb");
      request.response().write("").onComplete(ignored -> request.connection().close());
    });

    Throwable failure = failure(client(options().setRetryPolicy(RetryPolicy.none()))
        .interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.Transport.class);
  }

  @Test
  void malformedJsonIsAMalformedResponseKeepingTheStatus() throws Exception {
    server.on("/deeplinks/interaction/i-1", json(200, "{\"url\": "));
    server.on("/get-conversation-detail", json(200, "{\"id\": \"c-1\", \"conversation\": [{\"id\": 5, \"input\": {}}]}"));
    NebulyVertxClient nebuly = client(options());

    Throwable linkFailure = failure(nebuly.interactionLink(InteractionId.of("i-1")));
    Throwable conversationFailure = failure(nebuly.findById(ConversationId.of("c-1")));

    assertThat(linkFailure).isInstanceOf(NebulyException.MalformedResponse.class);
    assertThat(((NebulyException) linkFailure).httpStatus()).hasValue(200);
    assertThat(conversationFailure).isInstanceOf(NebulyException.MalformedResponse.class);
    assertThat(server.journal()).hasSize(2);
  }

  @Test
  void aRefusedConnectionIsATransportFailure() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }

    Throwable failure = failure(client(options().setBaseUrl("http://127.0.0.1:" + freePort + "/api/external")
            .setRetryPolicy(RetryPolicy.none()))
        .interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.Transport.class).hasMessageNotContaining(KEY);
  }

  @Test
  void httpsIsRealTlsAndAnUntrustedCertificateIsATransportFailure() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("127.0.0.1");
    List<String> reached = new CopyOnWriteArrayList<>();
    HttpServer tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
        .requestHandler(request -> {
          reached.add(request.uri());
          request.response().end("{\"url\": \"https://nebuly.example/i\"}");
        });
    int port = value(tls.listen(0, "127.0.0.1").toCompletionStage()).actualPort();
    try {
      Throwable failure = failure(client(options().setBaseUrl("https://127.0.0.1:" + port + "/api/external")
              .setRetryPolicy(RetryPolicy.none()))
          .interactionLink(InteractionId.of("i-1")));

      assertThat(failure).isInstanceOf(NebulyException.Transport.class).hasMessageNotContaining(KEY);
      assertThat(reached).isEmpty();
    } finally {
      value(tls.close().toCompletionStage());
      certificate.delete();
    }
  }

  @Test
  void cancellingAbortsTheRequestUnderWay() throws Exception {
    CompletableFuture<Void> received = new CompletableFuture<>();
    CompletableFuture<Void> connectionClosed = new CompletableFuture<>();
    server.on("/deeplinks/interaction/i-1", (request, body) -> {
      request.connection().closeHandler(ignored -> connectionClosed.complete(null));
      received.complete(null);
    });
    CompletableFuture<DeepLink> call = client(options()).interactionLink(InteractionId.of("i-1"));
    received.get(10, TimeUnit.SECONDS);

    assertThat(call.cancel(true)).isTrue();

    connectionClosed.get(10, TimeUnit.SECONDS);
    assertThat(call).isCancelled();
  }

  @Test
  void cancellingDuringABackoffSendsNoFurtherAttempt() throws Exception {
    CompletableFuture<Void> firstAnswered = new CompletableFuture<>();
    CompletableFuture<Void> secondRequest = new CompletableFuture<>();
    server.on("/deeplinks/interaction/i-1",
        (request, body) -> request.response().setStatusCode(503).end().onComplete(ignored -> firstAnswered.complete(null)),
        (request, body) -> secondRequest.complete(null));
    CompletableFuture<DeepLink> call = client(options().setRetryPolicy(RetryPolicy.builder()
            .maxAttempts(2).initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofMillis(500)).jitter(0).build()))
        .interactionLink(InteractionId.of("i-1"));
    firstAnswered.get(10, TimeUnit.SECONDS);

    call.cancel(true);

    assertThatThrownBy(() -> secondRequest.get(1500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void aClosedClientFailsCallsAndLeavesVertxOpen() throws Exception {
    NebulyVertxClient nebuly = client(options());
    value(nebuly.closeFuture().toCompletionStage());

    Throwable failure = failure(nebuly.findById(ConversationId.of("c-1")));

    assertThat(failure).isInstanceOf(NebulyException.Transport.class).hasMessageContaining("closed");
    assertThat(value(vertx.executeBlocking(() -> "still open").toCompletionStage())).isEqualTo("still open");
    assertThat(nebuly.toString()).doesNotContain(KEY);
  }

  @Test
  void aNullIdIsRejectedAtOnce() {
    NebulyVertxClient nebuly = client(options());

    assertThatThrownBy(() -> nebuly.interactionLink(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> nebuly.conversationLinkFuture(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> nebuly.findById(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.journal()).isEqualTo(List.of());
  }

  @Test
  void anHtmlErrorPageIsSummarizedWithoutTheKey() throws Exception {
    server.on("/get-conversation-detail", (request, body) -> request.response().setStatusCode(422)
        .putHeader("Content-Type", "text/html").end("<html><title>Rejected " + KEY + "</title></html>"));

    Throwable failure = failure(client(options()).findById(ConversationId.of("c-1")));

    assertThat(failure).isInstanceOf(NebulyException.InvalidRequest.class);
    assertThat(failure.getMessage()).contains("Rejected").doesNotContain(KEY);
    assertThat(Optional.ofNullable(failure.getCause())).isEmpty();
  }
}
