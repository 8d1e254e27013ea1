package io.github.nebuly4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.ContractData;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remote client against a server in this JVM: what it does must show in the server itself. */
class RemoteFakeNebulyServerTest {
  private static final String KEY = "remote-test-key";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static FakeNebulyServer server;
  private static RemoteFakeNebulyServer remote;

  @BeforeAll
  static void start() {
    server = FakeNebulyServer.builder().apiKey(KEY).start();
    remote = RemoteFakeNebulyServer.connect(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void everyFaultKindCrossesAsJsonUnchanged() {
    Fault.Scope scope = new Fault.Scope(Optional.of(Endpoint.CONVERSATION_LINK), Optional.of("ü/x"), java.util.OptionalInt.of(3));
    List<Fault> faults =
        List.of(
            Fault.delay(Duration.ofMillis(1500)),
            Fault.status(422),
            Fault.rateLimitedUntil(Instant.parse("2030-01-02T03:04:05Z")),
            Fault.rateLimited(),
            Fault.htmlPage(502),
            Fault.emptyBody(503),
            Fault.malformedJson(),
            Fault.dropConnection(),
            Fault.hugeBody(503, Long.MAX_VALUE),
            Fault.hugeChunkedBody(5),
            Fault.trickle(3, Duration.ofMillis(250)),
            Fault.redirect(308, URI.create("https://elsewhere.example/a%20b?c=d")));
    for (Fault fault : faults) {
      for (Fault scoped : List.of(fault, fault.withScope(scope))) {
        assertThat(AdminJson.fault(AdminJson.parse(AdminJson.fault(scoped, "unused").toString()), token -> null))
            .isEqualTo(scoped);
      }
    }
  }

  @Test
  void aFaultThatIsNotOneIsRefusedWithItsReason() {
    assertThatThrownBy(() -> AdminJson.fault(AdminJson.parse("{\"kind\": \"teapot\"}"), token -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("teapot");
    assertThatThrownBy(() -> AdminJson.fault(AdminJson.parse("{\"kind\": \"status\", \"status\": 700, \"body\": \"\"}"), token -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("700");
    assertThatThrownBy(() -> AdminJson.fault(AdminJson.parse("{\"kind\": \"delay\", \"delay\": \"soon\"}"), token -> null))
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> AdminJson.fault(AdminJson.parse("{\"kind\": \"dropConnection\", \"endpoint\": \"NOPE\"}"), token -> null))
        .hasMessageContaining("NOPE");
  }

  @Test
  void seedsAndFaultsReachTheServer() throws Exception {
    remote.seed(ContractData.fullConversation("c-1"))
        .seedRaw(ConversationId.of("raw/1"), "{\"id\": \"raw/1\", \"conversation\": []}")
        .seedInteractionLink(InteractionId.of("i 1"), URI.create("https://example.com/i"))
        .seedConversationLink(ConversationId.of("c-1"), URI.create("https://example.com/c"))
        .seedRawInteractionLink(InteractionId.of("raw"), "not JSON")
        .seedRawConversationLink(ConversationId.of("raw"), "{\"url\": 7}")
        .seedFromJson("{\"interaction_links\": {\"seeded\": \"https://example.com/s\"}}")
        .fault(Fault.status(503).on(Endpoint.INTERACTION_LINK).forId("i 1").times(1));

    assertThat(post("{\"conversation_id\": \"c-1\"}").body()).isEqualTo(NebulyDocuments.conversation(ContractData.fullConversation("c-1")));
    assertThat(post("{\"conversation_id\": \"raw/1\"}").body()).isEqualTo("{\"id\": \"raw/1\", \"conversation\": []}");
    assertThat(get("/deeplinks/interaction/i%201").statusCode()).as("the fault, once").isEqualTo(503);
    assertThat(get("/deeplinks/interaction/i%201").body()).contains("https://example.com/i");
    assertThat(get("/deeplinks/conversation/c-1").body()).contains("https://example.com/c");
    assertThat(get("/deeplinks/interaction/raw").body()).isEqualTo("not JSON");
    assertThat(get("/deeplinks/conversation/raw").body()).isEqualTo("{\"url\": 7}");
    assertThat(get("/deeplinks/interaction/seeded").statusCode()).isEqualTo(200);

    remote.fault(Fault.emptyBody(500)).clearFaults();
    assertThat(get("/deeplinks/interaction/seeded").statusCode()).as("faults cleared").isEqualTo(200);
    remote.reset();
    assertThat(get("/deeplinks/interaction/seeded").statusCode()).as("seeds reset").isEqualTo(404);
    assertThat(server.journal().count()).isEqualTo(1);
  }

  @Test
  void rowsReachTheServerInOneSeedRequest() throws Exception {
    remote.seedInteractionRows(
            List.of(
                io.github.nebuly4j.core.InteractionSummary.builder()
                    .id(InteractionId.of("i-remote"))
                    .timestamp(java.time.Instant.parse("2024-06-01T00:00:01Z"))
                    .build()))
        .seedRawConversationRows(List.of("{\"group_name\": \"c-remote\", \"start_session\": \"2024-06-01T00:00:01Z\"}"));
    String request =
        "{\"time_range\": {\"start\": \"2024-06-01T00:00:00Z\", \"end\": \"2024-06-02T00:00:00Z\"},"
            + " \"filters\": [], \"limit\": 10, \"offset\": 0, \"group_by\": {\"kind\": \"conversation_id\"}}";

    assertThat(post(Endpoint.INTERACTIONS, request).body()).contains("\"id\":\"i-remote\"");
    assertThat(post(Endpoint.INTERACTION_AGGREGATES, request).body()).contains("\"group_name\":\"c-remote\"");
    assertThatThrownBy(() -> remote.seedRawInteractionRows(List.of("3"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJournalIsTheServersAndAdminRequestsAreNotInIt() throws Exception {
    remote.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
    get("/deeplinks/interaction/i?q=1");
    post("{\"conversation_id\": \"x\"}");

    assertThat(remote.journal().requests()).isEqualTo(server.journal().requests()).hasSize(2);
    assertThat(remote.journal().requestsTo(Endpoint.CONVERSATION_DETAIL)).hasSize(1);
    assertThat(remote.journal().lastRequest().connectionId()).isPositive();
    assertThat(remote.journal().awaitCount(2, Duration.ZERO)).isTrue();
    assertThat(remote.journal().awaitCount(3, Duration.ofMillis(50))).isFalse();
    assertThat(remote.journal().toString()).doesNotContain(KEY);
  }

  @Test
  void aHoldIsReleasedWhenItsStageCompletesHere() throws Exception {
    remote.seedInteractionLink(InteractionId.of("held"), URI.create("https://example.com/held"));
    CompletableFuture<Void> release = new CompletableFuture<>();
    remote.fault(Fault.holdUntil(release));

    CompletableFuture<HttpResponse<String>> held =
        CLIENT.sendAsync(request("/deeplinks/interaction/held").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(remote.journal().awaitCount(1, Duration.ofSeconds(10))).isTrue();
    assertThat(held).isNotDone();

    release.complete(null);

    assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void connectionsAreSeenThroughTheRemote() throws Exception {
    try (FakeNebulyServer own = FakeNebulyServer.builder().apiKey(KEY).start()) {
      RemoteFakeNebulyServer control = RemoteFakeNebulyServer.connect(URI.create("http://127.0.0.1:" + own.port()));
      RawConnection connection = new RawConnection(own.port());
      connection.get("/deeplinks/interaction/i", KEY).read();
      long id = control.journal().lastRequest().connectionId();
      assertThat(own.openConnections()).as("the client's and the admin's own").isGreaterThanOrEqualTo(1);
      assertThat(control.awaitClosedByPeer(id, Duration.ZERO)).isFalse();

      connection.close();

      assertThat(control.awaitClosedByPeer(id, Duration.ofSeconds(10))).isTrue();
      assertThat(control.openConnections()).as("the admin client's connection only").isLessThanOrEqualTo(1);
      assertThatThrownBy(() -> control.awaitClosedByPeer(4711, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("4711");
    }
  }

  @Test
  void acceptsKeysAndRefusesBadInputWithTheServersReason() throws Exception {
    remote.acceptApiKey("second key");
    HttpResponse<String> withSecondKey =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deeplinks/interaction/i"))
                .header("Authorization", "Bearer second key")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withSecondKey.statusCode()).isEqualTo(404);

    assertThatThrownBy(() -> remote.seedFromJson("{\"conversations\": 3}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversations");
    assertThatThrownBy(() -> remote.acceptApiKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> remote.seedRaw(null, "{}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> remote.fault(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RemoteFakeNebulyServer.connect(URI.create("no-host"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(remote.baseUrl()).isEqualTo(server.baseUrl());
    assertThat(remote.toString()).contains(server.baseUrl().toString());
  }

  @Test
  void theAdminApiAnswersUnknownResourcesAndMethods() throws Exception {
    URI admin = URI.create("http://127.0.0.1:" + server.port() + "/_fake-nebuly");

    assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(admin + "/nothing")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(404);
    HttpResponse<String> wrongMethod =
        CLIENT.send(HttpRequest.newBuilder(URI.create(admin + "/reset")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    assertThat(server.journal().count()).isZero();
  }

  @Test
  void aServerThatIsGoneIsAnUncheckedIoException() {
    FakeNebulyServer gone = FakeNebulyServer.start();
    RemoteFakeNebulyServer control = RemoteFakeNebulyServer.connect(gone.baseUrl());
    gone.close();

    assertThatThrownBy(control::reset).isInstanceOf(UncheckedIOException.class).hasMessageContaining(String.valueOf(gone.port()));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + KEY)
        .timeout(Duration.ofSeconds(20));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return post(Endpoint.CONVERSATION_DETAIL, body);
  }

  private static HttpResponse<String> post(Endpoint endpoint, String body) throws Exception {
    return CLIENT.send(
        request(endpoint.path()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
