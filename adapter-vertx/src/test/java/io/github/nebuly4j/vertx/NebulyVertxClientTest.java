package io.github.nebuly4j.vertx;

import static io.github.nebuly4j.vertx.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against a scripted loopback server: the bytes sent, the body bound while the body
 * streams, one deadline per attempt whatever the pace of the bytes, aborts that close the
 * connection or never send, the pool, and nothing logged on the way.
 */
class NebulyVertxClientTest extends OnVertx {
  private static final String KEY = "vx-test-key-5d1c";
  private static final String LINK = "{\"url\": \"https://nebuly.example/i\"}";
  private static final String CONVERSATION =
      "{\"id\": \"c-1\", \"conversation\": [{\"id\": \"i-1\", \"input\": \"hi\", \"output\": \"hello\","
          + " \"timestamp\": \"2024-05-30T09:27:52.420Z\", \"end_timestamp\": \"2024-05-30T09:27:53Z\"}]}";

  private LoopbackServer server;
  private NebulyVertxClient client;
  private LogCapture logs;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    logs = LogCapture.start("io");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      assertThat(logs.atOrAbove(Level.WARNING)).as("what Vert.x and Netty logged at WARNING or above").isEmpty();
    } finally {
      logs.close();
      if (client != null) {
        client.close();
      }
      server.close();
    }
  }

  private NebulyVertxOptions options() {
    return new NebulyVertxOptions()
        .setBaseUrl(server.baseUrl())
        .setApiKey(KEY)
        .setAttemptTimeout(Duration.ofSeconds(5))
        .setRetryPolicy(RetryPolicy.none());
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
  void theRequestIsSentByteForByteAndTheAnswerRead() throws Exception {
    server.on("/deeplinks/interaction/a%2F..%3Fb%20%C3%A9", json(200, LINK));
    server.on("/get-conversation-detail", json(200, CONVERSATION));
    NebulyVertxClient nebuly = client(options());

    DeepLink link = value(nebuly.interactionLink(InteractionId.of("a/..?b é")));
    Conversation conversation = value(nebuly.findByIdFuture(ConversationId.of("c-1")).toCompletionStage()).orElseThrow();

    assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/i"));
    assertThat(link.target()).isEqualTo(LinkTarget.INTERACTION);
    assertThat(conversation.interactions().get(0).input()).contains("hi");
    LoopbackServer.Received get = server.journal().get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.uri()).isEqualTo("/api/external/deeplinks/interaction/a%2F..%3Fb%20%C3%A9");
    assertThat(get.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(get.headers().get("Accept")).isEqualTo("application/json");
    assertThat(get.headers().get("User-Agent")).matches("nebuly4j/\\S+");
    assertThat(get.body()).isEmpty();
    LoopbackServer.Received post = server.journal().get(1);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.uri()).isEqualTo("/api/external/get-conversation-detail");
    assertThat(post.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(new JsonObject(post.body()).getMap()).isEqualTo(Map.of("conversation_id", "c-1"));
  }

  @Test
  void sequentialCallsShareOneKeptAliveConnection() throws Exception {
    server.on("/deeplinks/conversation/c-1", json(200, LINK));
    NebulyVertxClient nebuly = client(options());

    for (int i = 0; i < 10; i++) {
      value(nebuly.conversationLink(ConversationId.of("c-1")));
    }

    assertThat(server.journal()).hasSize(10);
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    server.on("/deeplinks/interaction/i-1", (request, body) ->
        request.response().setStatusCode(302).putHeader("Location", server.baseUrl() + "/deeplinks/interaction/i-2").end());
    server.on("/deeplinks/interaction/i-2", json(200, LINK));

    Throwable failure = failure(client(options()).interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(((NebulyException) failure).httpStatus()).hasValue(302);
    assertThat(server.journal()).extracting(LoopbackServer.Received::uri)
        .containsExactly("/api/external/deeplinks/interaction/i-1");
  }

  @Test
  void anEndlessBodyIsCutAtTheBoundAndItsConnectionClosed() throws Exception {
    server.on("/get-conversation-detail", LoopbackServer.endless(200, "{\"id\": \"c-1\", \"tags\": {\"x\": \""));

    Throwable failure = failure(client(options().setMaxBodySize(64 * 1024)).findById(ConversationId.of("c-1")));

    assertThat(failure).isInstanceOf(NebulyException.MalformedResponse.class).hasMessageContaining("65536");
    assertThat(((NebulyException) failure).httpStatus()).hasValue(200);
    // The body never ends: only a client that gave up on the connection lets the server see it close.
    await("the connection is closed", () -> server.connectionsClosed() == 1);
  }

  @Test
  void anOversizedErrorPageIsCutAndStillTypedByItsStatus() throws Exception {
    server.on("/deeplinks/interaction/i-1",
        LoopbackServer.endless(503, "<html><head><title>Down for maintenance</title></head><body>"));

    Throwable failure = failure(client(options().setMaxBodySize(4096)).interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.ServiceFailure.class).hasMessageContaining("Down for maintenance");
    assertThat(((NebulyException) failure).httpStatus()).hasValue(503);
    await("the connection is closed", () -> server.connectionsClosed() == 1);
  }

  @Test
  void aDeclaredLengthPastTheBoundFailsBeforeTheBodyArrives() throws Exception {
    server.on("/deeplinks/interaction/i-1", (request, body) ->
        request.response().putHeader("Content-Length", "100000000").write("{\"url\": "));

    Throwable failure = failure(client(options().setMaxBodySize(1000)).interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.MalformedResponse.class).hasMessageContaining("1000 bytes");
    await("the connection is closed", () -> server.connectionsClosed() == 1);
  }

  @Test
  void aBodyOfExactlyTheBoundIsRead() throws Exception {
    String padded = LINK.substring(0, LINK.length() - 1) + " ".repeat(100) + "}";
    server.on("/deeplinks/interaction/i-1", (request, body) ->
        request.response().setChunked(true).write(padded.substring(0, 50)).compose(v -> request.response().end(padded.substring(50))));

    DeepLink link = value(client(options().setMaxBodySize(padded.length())).interactionLink(InteractionId.of("i-1")));

    assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/i"));
  }

  @Test
  void aConnectionDroppedMidBodyIsATransportFailureNotAShortAnswer() throws Exception {
    server.on("/deeplinks/interaction/declared", (request, body) -> {
      request.response().putHeader("Content-Length", "500").write("{\"url\": \"https://nebuly.example/i\"}");
      request.response().write("").onComplete(ignored -> request.connection().close());
    });
    server.on("/deeplinks/interaction/chunked", (request, body) -> {
      request.response().setChunked(true).write("{\"url\": \"https://nebuly.example/i\"}");
      request.response().write("").onComplete(ignored -> request.connection().close());
    });
    NebulyVertxClient nebuly = client(options());

    for (String id : List.of("declared", "chunked")) {
      Throwable failure = failure(nebuly.interactionLink(InteractionId.of(id)));

      assertThat(failure).as(id).isInstanceOf(NebulyException.Transport.class)
          .hasMessageContaining("failed before the answer was complete");
    }
  }

  @Test
  void aTricklingBodyStillEndsAtTheAttemptDeadline() throws Exception {
    server.on("/get-conversation-detail",
        json(200, CONVERSATION),
        LoopbackServer.trickle(200, "{\"id\": \"c-1\", \"tags\": {\"x\": \"", "a", 20));
    Duration deadline = Duration.ofMillis(800);
    NebulyVertxClient nebuly = client(options().setAttemptTimeout(deadline));
    // A first call opens the connection, so that the second is sent at once and its body trickles.
    value(nebuly.findById(ConversationId.of("c-1")));
    long start = System.nanoTime();

    Throwable failure = failure(nebuly.findById(ConversationId.of("c-1")));

    assertThat(failure).isInstanceOf(NebulyException.Timeout.class);
    assertThat(((NebulyException.Timeout) failure).phase()).isEqualTo(NebulyException.Timeout.Phase.ANSWER);
    assertThat(((NebulyException.Timeout) failure).limit()).isEqualTo(deadline);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(deadline);
    assertThat(server.journal()).hasSize(2);
    await("the connection is closed", () -> server.connectionsClosed() == 1);
  }

  @Test
  void cancellingAbortsTheRequestInFlightAndClosesItsConnection() throws Exception {
    server.on("/deeplinks/interaction/i-1", LoopbackServer.silent());
    CompletableFuture<DeepLink> call = client(options()).interactionLink(InteractionId.of("i-1"));
    await("the request arrived", () -> server.journal().size() == 1);

    assertThat(call.cancel(true)).isTrue();

    await("the connection is closed", () -> server.connectionsClosed() == 1);
    assertThat(call).isCancelled();
  }

  @Test
  void cancellingWhileTheBodyStreamsClosesTheConnection() throws Exception {
    server.on("/get-conversation-detail", LoopbackServer.trickle(200, "{\"id\": \"c-1\", \"tags\": {\"x\": \"", "a", 20));
    CompletableFuture<Optional<Conversation>> call = client(options()).findById(ConversationId.of("c-1"));
    await("the request arrived", () -> server.journal().size() == 1);

    call.cancel(true);

    await("the connection is closed", () -> server.connectionsClosed() == 1);
  }

  @Test
  void aCallCancelledWhileItWaitsForAPooledConnectionIsNeverSentAndLeavesThePoolFree() throws Exception {
    List<io.vertx.core.http.HttpServerRequest> held = new CopyOnWriteArrayList<>();
    server.on("/deeplinks/interaction/first", (request, body) -> held.add(request));
    server.on("/deeplinks/interaction/third", json(200, LINK));
    NebulyVertxClient nebuly = client(options().setMaxConnections(1));
    CompletableFuture<DeepLink> first = nebuly.interactionLink(InteractionId.of("first"));
    await("the first request holds the only connection", () -> held.size() == 1);
    CompletableFuture<DeepLink> second = nebuly.interactionLink(InteractionId.of("second"));

    second.cancel(true);
    CompletableFuture<DeepLink> third = nebuly.interactionLink(InteractionId.of("third"));
    held.get(0).response().putHeader("Content-Type", "application/json").end(LINK);

    assertThat(value(first).targetId()).isEqualTo("first");
    assertThat(value(third).targetId()).isEqualTo("third");
    assertThat(server.journal()).extracting(LoopbackServer.Received::uri)
        .containsExactly("/api/external/deeplinks/interaction/first", "/api/external/deeplinks/interaction/third");
    assertThat(server.connectionsAccepted()).isEqualTo(1);
    assertThat(server.connectionsClosed()).isZero();
  }

  @Test
  void aPoolWaitLongerThanTheConnectTimeoutIsAConnectTimeout() throws Exception {
    server.on("/deeplinks/interaction/first", LoopbackServer.silent());
    NebulyVertxClient nebuly = client(options().setMaxConnections(1).setConnectTimeout(Duration.ofMillis(200)));
    CompletableFuture<DeepLink> first = nebuly.interactionLink(InteractionId.of("first"));
    await("the first request holds the only connection", () -> server.journal().size() == 1);

    Throwable failure = failure(nebuly.interactionLink(InteractionId.of("second")));

    assertThat(failure).isInstanceOf(NebulyException.Timeout.class);
    assertThat(((NebulyException.Timeout) failure).phase()).isEqualTo(NebulyException.Timeout.Phase.CONNECT);
    first.cancel(true);
    await("the first connection is closed", () -> server.connectionsClosed() == 1);
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void manyCallsCancelledAtRandomMomentsLogNothingAndLeaveThePoolUsable() throws Exception {
    server.on("/deeplinks/conversation/c-1", (request, body) ->
        Vertx.currentContext().owner().setTimer(1, id ->
            request.response().putHeader("Content-Type", "application/json").end(LINK)));
    NebulyVertxClient nebuly = client(options().setMaxConnections(2));
    List<CompletableFuture<DeepLink>> calls = new CopyOnWriteArrayList<>();

    for (int i = 0; i < 200; i++) {
      CompletableFuture<DeepLink> call = nebuly.conversationLink(ConversationId.of("c-1"));
      calls.add(call);
      if (i % 2 == 0) {
        call.cancel(true);
      }
    }

    for (int i = 1; i < calls.size(); i += 2) {
      assertThat(value(calls.get(i)).targetId()).isEqualTo("c-1");
    }
    assertThat(value(nebuly.conversationLink(ConversationId.of("c-1"))).targetId()).isEqualTo("c-1");
  }

  @Test
  void aRefusedConnectionIsATransportFailure() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }

    Throwable failure = failure(client(options().setBaseUrl("http://127.0.0.1:" + freePort + "/api/external"))
        .interactionLink(InteractionId.of("i-1")));

    assertThat(failure).isInstanceOf(NebulyException.Transport.class)
        .hasMessageContaining("could not connect to 127.0.0.1:" + freePort)
        .hasMessageNotContaining(KEY);
  }

  @Test
  void httpsIsRealTlsAndAnUntrustedCertificateIsATransportFailure() throws Exception {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("127.0.0.1");
    List<String> reached = new CopyOnWriteArrayList<>();
    HttpServer tls = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
        .requestHandler(request -> {
          reached.add(request.uri());
          request.response().end(LINK);
        });
    int port = value(tls.listen(0, "127.0.0.1").toCompletionStage()).actualPort();
    try {
      NebulyVertxOptions options = options().setBaseUrl("https://127.0.0.1:" + port + "/api/external");
      Throwable failure = failure(client(options).interactionLink(InteractionId.of("i-1")));
      client.close();
      NebulyVertxClient trusting = NebulyVertxClient.create(
          vertx, new WebClientOptions().setTrustOptions(certificate.trustOptions()).setVerifyHost(false), options);
      client = trusting;
      DeepLink link = value(trusting.interactionLink(InteractionId.of("i-1")));

      assertThat(failure).isInstanceOf(NebulyException.Transport.class)
          .hasMessageContaining("could not connect")
          .hasMessageNotContaining(KEY);
      assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/i"));
      assertThat(reached).containsExactly("/api/external/deeplinks/interaction/i-1");
    } finally {
      value(tls.close().toCompletionStage());
      certificate.delete();
    }
  }

  @Test
  void anApplicationsWebClientIsUsedSharedAndNeverClosed() throws Exception {
    server.on("/deeplinks/conversation/c-1", json(200, LINK));
    WebClient shared = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(1));
    try {
      NebulyVertxClient one = NebulyVertxClient.create(vertx, shared, options());
      NebulyVertxClient two = NebulyVertxClient.create(vertx, shared, options());

      assertThat(value(one.conversationLink(ConversationId.of("c-1"))).targetId()).isEqualTo("c-1");
      assertThat(value(two.conversationLink(ConversationId.of("c-1"))).targetId()).isEqualTo("c-1");
      one.close();
      two.close();

      assertThat(value(shared.getAbs(server.baseUrl() + "/deeplinks/conversation/c-1").send().toCompletionStage())
          .statusCode()).isEqualTo(200);
      assertThat(server.connectionsAccepted()).isEqualTo(1);
    } finally {
      shared.close();
    }
  }

  @Test
  void aClosedClientFailsCallsAndLeavesVertxOpen() throws Exception {
    NebulyVertxClient nebuly = client(options());
    nebuly.close();
    nebuly.close();

    Throwable failure = failure(nebuly.findById(ConversationId.of("c-1")));

    assertThat(failure).isInstanceOf(NebulyException.Transport.class).hasMessageContaining("closed");
    assertThat(value(vertx.executeBlocking(() -> "still open").toCompletionStage())).isEqualTo("still open");
    assertThat(nebuly.toString()).doesNotContain(KEY).contains("closed=true");
    assertThat(server.journal()).isEmpty();
  }

  @Test
  void aNullIdIsRefusedAtOnce() {
    NebulyVertxClient nebuly = client(options());

    assertThatThrownBy(() -> nebuly.interactionLink(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> nebuly.conversationLinkFuture(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> nebuly.findById(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.journal()).isEmpty();
  }
}
