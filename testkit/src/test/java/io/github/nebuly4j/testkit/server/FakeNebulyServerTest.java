package io.github.nebuly4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.ContractData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeNebulyServerTest {
  private static final String KEY = "server-test-key";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static FakeNebulyServer server;

  @BeforeAll
  static void start() {
    server = FakeNebulyServer.builder().apiKey(KEY).start();
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
  void baseUrlIsLoopbackWithTheApiPathAndNoTrailingSlash() {
    assertThat(server.baseUrl().toString())
        .isEqualTo("http://127.0.0.1:" + server.port() + "/api/external");
  }

  @Test
  void listensOnAGivenPort() throws Exception {
    int port;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (FakeNebulyServer fixed = FakeNebulyServer.builder().port(port).apiKey(KEY).start()) {
      assertThat(fixed.port()).isEqualTo(port);
      assertThat(fixed.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/api/external"));
    }
  }

  @Test
  void servesTheSeededDeepLinks() throws Exception {
    URI link = ContractData.linkTo(InteractionId.of("i-1"));
    server.seedInteractionLink(InteractionId.of("i-1"), link);
    server.seedConversationLink(ConversationId.of("c-1"), URI.create("https://example.com/c"));

    HttpResponse<String> interaction = get("/deeplinks/interaction/i-1", KEY);
    HttpResponse<String> conversation = get("/deeplinks/conversation/c-1", KEY);

    assertThat(interaction.statusCode()).isEqualTo(200);
    assertThat(interaction.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json(interaction).get("url").asText()).isEqualTo(link.toString());
    assertThat(json(conversation).get("url").asText()).isEqualTo("https://example.com/c");
  }

  @Test
  void servesTheSeededConversationDocument() throws Exception {
    server.seed(ContractData.fullConversation("c-1"));

    HttpResponse<String> response = post("{\"conversation_id\": \"c-1\"}", KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = json(response);
    assertThat(document.get("id").asText()).isEqualTo("c-1");
    assertThat(document.get("cost").decimalValue()).isEqualByComparingTo("1523.75");
    assertThat(document.get("conversation")).hasSize(3);
  }

  @Test
  void servesRawDocumentsByteForByte() throws Exception {
    String raw = "{\"id\": \"raw\", \"session_length\": 3.0, \"cost\": 0.1, \"conversation\": []}";
    server.seedRaw(ConversationId.of("raw"), raw);

    assertThat(post("{\"conversation_id\": \"raw\"}", KEY).body()).isEqualTo(raw);
  }

  @Test
  void pathIdsArePercentDecodedFromOneRawSegment() throws Exception {
    server.seedInteractionLink(InteractionId.of("a/b"), URI.create("https://example.com/slash"));
    server.seedInteractionLink(InteractionId.of("ü x+y"), URI.create("https://example.com/umlaut"));

    assertThat(get("/deeplinks/interaction/a%2Fb", KEY).statusCode()).isEqualTo(200);
    assertThat(json(get("/deeplinks/interaction/%C3%BC%20x+y", KEY)).get("url").asText())
        .isEqualTo("https://example.com/umlaut");
    assertThat(get("/deeplinks/interaction/a/b", KEY).statusCode())
        .as("a raw path with extra segments")
        .isEqualTo(404);
    assertThat(get("/deeplinks/interaction/", KEY).statusCode()).isEqualTo(404);
    assertThat(get("/deeplinks/interaction/%E0%A4", KEY).statusCode())
        .as("broken UTF-8")
        .isEqualTo(404);
    assertThat(server.journal().requests().get(0).decodedLastSegment()).contains("a/b");
  }

  @Test
  void unknownIdsAre404WithADetail() throws Exception {
    HttpResponse<String> link = get("/deeplinks/conversation/nope", KEY);
    HttpResponse<String> conversation = post("{\"conversation_id\": \"nope\"}", KEY);

    assertThat(link.statusCode()).isEqualTo(404);
    assertThat(json(link).get("detail").isTextual()).isTrue();
    assertThat(conversation.statusCode()).isEqualTo(404);
    assertThat(json(conversation).get("detail").isTextual()).isTrue();
    assertThat(get("/unknown", KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void aMissingOrWrongKeyIs401WithoutEchoingTheKey() throws Exception {
    server.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
    String wrong = "wrong-key-4711";

    HttpResponse<String> wrongKey = get("/deeplinks/interaction/i", wrong);
    HttpResponse<String> noKey =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deeplinks/interaction/i")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> basic =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deeplinks/interaction/i"))
                .header("Authorization", "Basic " + KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(List.of(wrongKey.statusCode(), noKey.statusCode(), basic.statusCode()))
        .containsOnly(401);
    assertThat(json(wrongKey).get("detail").asText()).doesNotContain(wrong);
    assertThat(wrongKey.headers().allValues("WWW-Authenticate")).contains("Bearer");
    assertThat(get("/deeplinks/interaction/i", KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongMethodIs405() throws Exception {
    HttpResponse<String> postToLink =
        CLIENT.send(
            request("/deeplinks/interaction/i", KEY).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> getDetail = get("/get-conversation-detail", KEY);

    assertThat(postToLink.statusCode()).isEqualTo(405);
    assertThat(postToLink.headers().firstValue("Allow")).contains("GET");
    assertThat(getDetail.statusCode()).isEqualTo(405);
    assertThat(getDetail.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void anInvalidDetailRequestIs422WithFastApisList() throws Exception {
    for (String body : List.of("", "not json", "{}", "[]", "{\"conversation_id\": null}")) {
      HttpResponse<String> response = post(body, KEY);
      assertThat(response.statusCode()).as(body).isEqualTo(422);
      assertThat(json(response))
          .as(body)
          .isEqualTo(
              JSON.readTree(
                  "{\"detail\":[{\"loc\":[\"body\",\"conversation_id\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"));
    }
    assertThat(json(post("{\"conversation_id\": 42}", KEY)).at("/detail/0/type").asText())
        .isEqualTo("type_error.str");
    assertThat(json(post("{\"conversation_id\": \"  \"}", KEY)).at("/detail/0/loc/1").asText())
        .isEqualTo("conversation_id");
    assertThat(post("{\"conversation_id\": \"  \"}", KEY).statusCode()).isEqualTo(422);
  }

  @Test
  void statusFaultAppliesNTimesThenTheNormalAnswer() throws Exception {
    server.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
    server.fault(Fault.status(503).on(Endpoint.INTERACTION_LINK).times(2));

    assertThat(get("/deeplinks/interaction/i", KEY).statusCode()).isEqualTo(503);
    assertThat(get("/deeplinks/conversation/x", KEY).statusCode())
        .as("another endpoint is not affected")
        .isEqualTo(404);
    assertThat(json(get("/deeplinks/interaction/i", KEY)).get("detail").isTextual()).isTrue();
    assertThat(get("/deeplinks/interaction/i", KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void faultsCanTargetOneId() throws Exception {
    server.seed(ContractData.emptyConversation("a")).seed(ContractData.emptyConversation("b"));
    server.fault(Fault.status(500).forId("b"));

    assertThat(post("{\"conversation_id\": \"a\"}", KEY).statusCode()).isEqualTo(200);
    assertThat(post("{\"conversation_id\": \"b\"}", KEY).statusCode()).isEqualTo(500);
    assertThat(post("{\"conversation_id\": \"b\"}", KEY).statusCode()).as("always").isEqualTo(500);
  }

  @Test
  void status422FaultSendsFastApisList() throws Exception {
    server.fault(Fault.status(422));

    assertThat(json(get("/deeplinks/interaction/i", KEY)).at("/detail/0/msg").asText())
        .isEqualTo("field required");
  }

  @Test
  void rateLimitsAnnounceRetryAfterInSecondsOrAsHttpDate() throws Exception {
    Instant retryAt = Instant.parse("2030-01-02T03:04:05Z");
    server.fault(Fault.rateLimited(Duration.ofSeconds(120)).times(1));
    server.fault(Fault.rateLimitedUntil(retryAt).times(1));
    server.fault(Fault.rateLimited().times(1));

    HttpResponse<String> seconds = get("/deeplinks/interaction/i", KEY);
    HttpResponse<String> date = get("/deeplinks/interaction/i", KEY);
    HttpResponse<String> none = get("/deeplinks/interaction/i", KEY);

    assertThat(seconds.statusCode()).isEqualTo(429);
    assertThat(seconds.headers().firstValue("Retry-After")).contains("120");
    assertThat(date.statusCode()).isEqualTo(429);
    assertThat(
            ZonedDateTime.parse(
                    date.headers().firstValue("Retry-After").orElseThrow(),
                    DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant())
        .isEqualTo(retryAt);
    assertThat(none.statusCode()).isEqualTo(429);
    assertThat(none.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void htmlEmptyAndMalformedAnswers() throws Exception {
    server.fault(Fault.htmlPage(502).times(1));
    server.fault(Fault.emptyBody(503).times(1));
    server.fault(Fault.malformedJson().times(1));

    HttpResponse<String> html = get("/deeplinks/interaction/i", KEY);
    HttpResponse<String> empty = get("/deeplinks/interaction/i", KEY);
    HttpResponse<String> malformed = get("/deeplinks/interaction/i", KEY);

    assertThat(html.statusCode()).isEqualTo(502);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body()).contains("<html>");
    assertThat(empty.statusCode()).isEqualTo(503);
    assertThat(empty.body()).isEmpty();
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> JSON.readTree(malformed.body())).isInstanceOf(IOException.class);
  }

  @Test
  void aDroppedConnectionEndsTheBodyEarly() {
    server.fault(Fault.dropConnection());

    CompletableFuture<HttpResponse<String>> response =
        CLIENT.sendAsync(request("/deeplinks/interaction/i", KEY).build(), HttpResponse.BodyHandlers.ofString());

    assertThatThrownBy(() -> response.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void hugeBodiesAreStreamedWithOrWithoutALength() throws Exception {
    long size = 5L * 1024 * 1024 + 7;
    server.fault(Fault.hugeBody(size).times(1));
    server.fault(Fault.hugeChunkedBody(size).times(1));

    HttpResponse<InputStream> withLength =
        CLIENT.send(request("/deeplinks/interaction/i", KEY).build(), HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> chunked =
        CLIENT.send(request("/deeplinks/interaction/i", KEY).build(), HttpResponse.BodyHandlers.ofInputStream());

    assertThat(withLength.headers().firstValueAsLong("Content-Length")).hasValue(size);
    assertThat(count(withLength.body())).isEqualTo(size);
    assertThat(chunked.headers().firstValue("Content-Length")).isEmpty();
    assertThat(count(chunked.body())).isEqualTo(size);
  }

  @Test
  void aDelayDoesNotBlockOtherRequests() throws Exception {
    server.seedInteractionLink(InteractionId.of("fast"), URI.create("https://example.com/fast"));
    server.fault(Fault.delay(Duration.ofSeconds(30)).forId("slow"));

    CompletableFuture<HttpResponse<String>> slow =
        CLIENT.sendAsync(request("/deeplinks/interaction/slow", KEY).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(server.journal().awaitCount(1, Duration.ofSeconds(10))).isTrue();
    HttpResponse<String> fast = get("/deeplinks/interaction/fast", KEY);

    assertThat(fast.statusCode()).isEqualTo(200);
    assertThat(slow).isNotDone();
    slow.cancel(true);
  }

  @Test
  void serves200ConcurrentRequestsAtOnce() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    for (int i = 0; i < 200; i++) {
      server.seedConversationLink(ConversationId.of("c-" + i), URI.create("https://example.com/" + i));
    }
    server.fault(Fault.holdUntil(release));

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      responses.add(
          CLIENT.sendAsync(request("/deeplinks/conversation/c-" + i, KEY).build(), HttpResponse.BodyHandlers.ofString()));
    }
    // Every request is held until all 200 have reached the server: they are in flight together.
    boolean allArrived = server.journal().awaitCount(200, Duration.ofSeconds(30));
    release.complete(null);

    assertThat(allArrived).as("200 requests held at once").isTrue();
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> response = responses.get(i).get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("url").asText()).isEqualTo("https://example.com/" + i);
    }
  }

  @Test
  void theJournalRecordsMethodPathHeadersAndBody() throws Exception {
    post("{\"conversation_id\": \"x\"}", KEY);
    get("/deeplinks/interaction/a%2Fb?q=1", KEY);

    RequestJournal journal = server.journal();
    assertThat(journal.count()).isEqualTo(2);
    RecordedRequest detail = journal.requestsTo("/get-conversation-detail").get(0);
    assertThat(detail.method()).isEqualTo("POST");
    assertThat(detail.body()).isEqualTo("{\"conversation_id\": \"x\"}");
    assertThat(detail.header("authorization")).contains("Bearer " + KEY);
    assertThat(detail.toString()).doesNotContain(KEY).contains("<hidden>");
    assertThat(journal.requestsTo(Endpoint.INTERACTION_LINK)).hasSize(1);
    assertThat(journal.lastRequest().rawPath()).isEqualTo("/api/external/deeplinks/interaction/a%2Fb");
    assertThat(journal.lastRequest().rawQuery()).contains("q=1");
    assertThat(journal.requestsTo("/api/external/deeplinks/interaction/a%2Fb")).hasSize(1);
    assertThat(journal.toString()).doesNotContain(KEY);
  }

  @Test
  void resetClearsSeedsFaultsAndJournalButKeepsTheKeys() throws Exception {
    server.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
    server.fault(Fault.status(500).forId("other"));
    get("/deeplinks/interaction/i", KEY);

    server.reset();

    assertThat(server.journal().count()).isZero();
    assertThat(get("/deeplinks/interaction/i", KEY).statusCode()).as("key kept, seed gone").isEqualTo(404);
    assertThat(get("/deeplinks/interaction/other", KEY).statusCode()).as("fault gone").isEqualTo(404);
  }

  @Test
  void aServerStartedWithoutKeysRefusesEveryoneUntilAKeyIsAdded() throws Exception {
    try (FakeNebulyServer keyless = FakeNebulyServer.start()) {
      keyless.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(keyless.baseUrl() + "/deeplinks/interaction/i"))
              .header("Authorization", "Bearer late-key")
              .build();
      assertThat(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      keyless.acceptApiKey("late-key");
      assertThat(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(keyless.toString()).doesNotContain("late-key");
    }
  }

  @Test
  void seedsFromASeedFile() throws Exception {
    server.seedFromJson(
        "{\"conversations\": [{\"id\": \"s-1\", \"cost\": 1523.75, \"conversation\": []}],"
            + " \"interaction_links\": {\"i-1\": \"https://example.com/i-1\"},"
            + " \"conversation_links\": {\"s-1\": \"https://example.com/s-1\"}}");

    assertThat(json(post("{\"conversation_id\": \"s-1\"}", KEY)).get("cost").decimalValue())
        .isEqualTo("1523.75");
    assertThat(post("{\"conversation_id\": \"s-1\"}", KEY).body()).contains("1523.75");
    assertThat(get("/deeplinks/interaction/i-1", KEY).statusCode()).isEqualTo(200);
    assertThat(get("/deeplinks/conversation/s-1", KEY).statusCode()).isEqualTo(200);
    for (String bad :
        List.of("not json", "[]", "{\"conversations\": {}}", "{\"conversations\": [{\"id\": 1}]}",
            "{\"interaction_links\": {\"i\": 3}}", "{\"interaction_links\": []}")) {
      assertThatThrownBy(() -> server.seedFromJson(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void badArgumentsAreIllegal() {
    assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(200).times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.hugeBody(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.hugeChunkedBody(600, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.trickle(0, Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.trickle(1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.redirect(200, URI.create("/x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.redirect(302, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.holdUntil(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.malformedJson().on(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.seedRawInteractionLink(InteractionId.of("i"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.awaitClosedByPeer(1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeNebulyServer.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeNebulyServer.builder().apiKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.seed(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.fault(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).forId("x").times(2).toString())
        .contains("503", "CONVERSATION_DETAIL", "'x'", "2 time(s)");
  }

  @Test
  void faultsAreRecordsOfTheirKindWithAScope() {
    Fault fault = Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).forId("x").times(2);

    assertThat(fault).isInstanceOf(Fault.Status.class);
    assertThat(((Fault.Status) fault).status()).isEqualTo(503);
    assertThat(fault.scope())
        .isEqualTo(new Fault.Scope(Optional.of(Endpoint.CONVERSATION_DETAIL), Optional.of("x"), OptionalInt.of(2)));
    assertThat(fault.always().scope().count()).isEmpty();
    assertThat(fault.always().scope().endpoint()).contains(Endpoint.CONVERSATION_DETAIL);
    assertThat(Fault.trickle(2, Duration.ofMillis(5))).isEqualTo(new Fault.Trickle(2, Duration.ofMillis(5), Fault.Scope.EVERY_REQUEST));
    assertThat(Fault.hugeBody(10)).isEqualTo(new Fault.HugeBody(200, 10, false, Fault.Scope.EVERY_REQUEST));
    assertThat(Fault.Scope.EVERY_REQUEST.matches(Endpoint.INTERACTION_LINK, Optional.empty())).isTrue();
    assertThat(fault.scope().matches(Endpoint.CONVERSATION_DETAIL, Optional.of("y"))).isFalse();
    assertThat(fault.scope().matches(Endpoint.INTERACTION_LINK, Optional.of("x"))).isFalse();
  }

  @Test
  void everyAcceptedSocketHasTcpNoDelay() throws Exception {
    // The option is what spares each answer on a reused connection the peer's delayed ACK.
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        java.net.Socket client = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), listener.getLocalPort());
        java.net.Socket accepted = listener.accept();
        HttpConnection connection = new HttpConnection(1, accepted)) {
      assertThat(accepted.getTcpNoDelay()).isTrue();
      assertThat(client.isConnected()).isTrue();
    }
  }

  @Test
  void requestsOnOneConnectionShareItsNumber() throws Exception {
    server.seedInteractionLink(InteractionId.of("i"), URI.create("https://example.com/i"));

    try (RawConnection first = new RawConnection(server.port());
        RawConnection second = new RawConnection(server.port())) {
      assertThat(first.get("/deeplinks/interaction/i", KEY).read().status()).isEqualTo(200);
      assertThat(first.get("/deeplinks/interaction/i", KEY).read().status()).isEqualTo(200);
      assertThat(second.get("/deeplinks/interaction/i", KEY).read().status()).isEqualTo(200);
      // Two requests sent before reading either answer (pipelined) are answered in order.
      first.get("/deeplinks/interaction/i", KEY).get("/deeplinks/interaction/nope", KEY);
      assertThat(first.read().status()).isEqualTo(200);
      assertThat(first.read().status()).isEqualTo(404);
    }

    List<Long> ids = server.journal().requests().stream().map(RecordedRequest::connectionId).toList();
    assertThat(ids).hasSize(5);
    assertThat(ids.get(0)).isPositive();
    assertThat(List.of(ids.get(1), ids.get(3), ids.get(4))).containsOnly(ids.get(0));
    assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
  }

  @Test
  void readsChunkedAndContinuedRequestBodies() throws Exception {
    server.seed(ContractData.emptyConversation("chunked"));
    String body = "{\"conversation_id\": \"chunked\"}";

    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send(
          "POST /api/external/get-conversation-detail HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY
              + "\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5;ext=1\r\n" + body.substring(0, 5) + "\r\n"
              + Integer.toHexString(body.length() - 5) + "\r\n" + body.substring(5) + "\r\n0\r\nTrailer: t\r\n\r\n");
      RawConnection.Answer answer = connection.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains("\"chunked\"");
    }
    HttpResponse<String> continued =
        CLIENT.send(
            request("/get-conversation-detail", KEY)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(continued.statusCode()).isEqualTo(200);
    assertThat(server.journal().requests()).extracting(RecordedRequest::body).containsOnly(body);
  }

  @Test
  void aLargeRequestBodyIsCutButTheConnectionStaysUsable() throws Exception {
    String padding = "x".repeat(2 * 1024 * 1024);
    String body = "{\"conversation_id\": \"" + padding + "\"}";

    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send(
          "POST /api/external/get-conversation-detail HTTP/1.1\r\nAuthorization: Bearer " + KEY
              + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(connection.read().status()).as("a cut body is not JSON").isEqualTo(422);
      assertThat(connection.get("/deeplinks/interaction/i", KEY).read().status()).isEqualTo(404);
    }
    assertThat(server.journal().requests().get(0).body()).hasSize(1 << 20);
  }

  @Test
  void aRequestThatIsNotHttpIs400AndClosesTheConnection() throws Exception {
    try (RawConnection connection = new RawConnection(server.port())) {
      RawConnection.Answer answer = connection.send("NOT HTTP AT ALL\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.headers()).containsEntry("connection", "close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    try (RawConnection connection = new RawConnection(server.port())) {
      connection.send(
          "GET /api/external/deeplinks/interaction/i HTTP/1.1\r\nAuthorization: Bearer " + KEY
              + "\r\nConnection: close\r\n\r\n");

      assertThat(connection.read().status()).isEqualTo(404);
      assertThat(connection.closedByServer()).isTrue();
    }
    long id = server.journal().lastRequest().connectionId();
    assertThat(server.awaitClosedByPeer(id, Duration.ofMillis(100))).as("the server closed it").isFalse();
  }

  @Test
  void countsOpenConnectionsAndSeesTheClientCloseOne() throws Exception {
    try (FakeNebulyServer own = FakeNebulyServer.builder().apiKey(KEY).start()) {
      RawConnection first = new RawConnection(own.port());
      RawConnection second = new RawConnection(own.port());
      first.get("/deeplinks/interaction/i", KEY).read();
      second.get("/deeplinks/interaction/i", KEY).read();
      long firstId = own.journal().requests().get(0).connectionId();
      long secondId = own.journal().requests().get(1).connectionId();
      assertThat(own.openConnections()).isEqualTo(2);
      assertThat(own.awaitClosedByPeer(firstId, Duration.ZERO)).as("still open").isFalse();

      first.close();

      assertThat(own.awaitClosedByPeer(firstId, Duration.ofSeconds(10))).isTrue();
      assertThat(own.openConnections()).isEqualTo(1);
      second.close();
      assertThat(own.awaitClosedByPeer(secondId, Duration.ofSeconds(10))).isTrue();
      assertThat(own.openConnections()).isZero();
      own.reset();
      assertThatThrownBy(() -> own.awaitClosedByPeer(firstId, Duration.ZERO))
          .as("an ended connection is forgotten at reset")
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> own.awaitClosedByPeer(4711, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("4711");
    }
  }

  @Test
  void aHeldRequestSeesTheClientCloseItsConnection() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    server.fault(Fault.holdUntil(release));
    try {
      RawConnection connection = new RawConnection(server.port());
      connection.get("/deeplinks/interaction/i", KEY);
      assertThat(server.journal().awaitCount(1, Duration.ofSeconds(10))).isTrue();
      long id = server.journal().lastRequest().connectionId();
      assertThat(server.awaitClosedByPeer(id, Duration.ofMillis(50))).as("held, and open").isFalse();

      connection.close();

      assertThat(server.awaitClosedByPeer(id, Duration.ofSeconds(10))).isTrue();
    } finally {
      release.complete(null);
    }
  }

  @Test
  void closingTheServerEndsHeldRequestsAndClosesTheirConnections() throws Exception {
    FakeNebulyServer closing = FakeNebulyServer.builder().apiKey(KEY).start();
    closing.fault(Fault.holdUntil(new CompletableFuture<>()));
    try (RawConnection connection = new RawConnection(closing.port())) {
      connection.get("/deeplinks/interaction/i", KEY);
      assertThat(closing.journal().awaitCount(1, Duration.ofSeconds(10))).isTrue();
      long id = closing.journal().lastRequest().connectionId();

      closing.close();

      assertThat(connection.closedByServer()).isTrue();
      assertThat(closing.awaitClosedByPeer(id, Duration.ofSeconds(10))).isFalse();
      assertThat(closing.openConnections()).isZero();
    }
  }

  @Test
  void aDroppedConnectionWasClosedByTheServer() throws Exception {
    server.fault(Fault.dropConnection());
    try (RawConnection connection = new RawConnection(server.port())) {
      RawConnection.Answer answer = connection.get("/deeplinks/interaction/i", KEY).read();

      assertThat(answer.body().length()).isLessThan(Integer.parseInt(answer.headers().get("content-length")));
      assertThat(connection.closedByServer()).isTrue();
    }
    long id = server.journal().lastRequest().connectionId();
    assertThat(server.awaitClosedByPeer(id, Duration.ofMillis(200))).isFalse();
  }

  @Test
  void aTrickleSendsTheNormalAnswerAFewBytesAtATime() throws Exception {
    URI link = URI.create("https://example.com/trickled");
    server.seedInteractionLink(InteractionId.of("slow"), link);
    Duration every = Duration.ofMillis(20);
    server.fault(Fault.trickle(4, every).times(1));
    int pieces = (NebulyDocuments.deepLink(link).length() + 3) / 4;

    long start = System.nanoTime();
    HttpResponse<String> trickled = get("/deeplinks/interaction/slow", KEY);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(trickled.statusCode()).isEqualTo(200);
    assertThat(trickled.body()).isEqualTo(NebulyDocuments.deepLink(link));
    assertThat(took).as("a pause between each of the %d pieces", pieces).isGreaterThanOrEqualTo(every.multipliedBy(pieces - 1));
    assertThat(get("/deeplinks/interaction/wrong", "bad-key").statusCode())
        .as("once only; the normal answer follows")
        .isEqualTo(401);
  }

  @Test
  void aTrickleEndsWhenTheClientCloses() throws Exception {
    server.seedInteractionLink(InteractionId.of("slow"), URI.create("https://example.com/" + "x".repeat(500)));
    server.fault(Fault.trickle(1, Duration.ofSeconds(1)));
    RawConnection connection = new RawConnection(server.port());
    connection.get("/deeplinks/interaction/slow", KEY);
    assertThat(server.journal().awaitCount(1, Duration.ofSeconds(10))).isTrue();
    long id = server.journal().lastRequest().connectionId();

    connection.close();

    // The trickle pauses watching the connection, so it ends at once, long before its 500 s.
    assertThat(server.awaitClosedByPeer(id, Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void aRedirectHasALocationAndNoBody() throws Exception {
    URI elsewhere = URI.create("https://elsewhere.example/api/external/deeplinks/interaction/i");
    server.fault(Fault.redirect(307, elsewhere));

    HttpResponse<String> response = get("/deeplinks/interaction/i", KEY);

    assertThat(response.statusCode()).isEqualTo(307);
    assertThat(response.headers().firstValue("Location")).contains(elsewhere.toString());
    assertThat(response.body()).isEmpty();
  }

  @Test
  void hugeErrorPagesAreHtml() throws Exception {
    server.fault(Fault.hugeBody(503, 3 * 1024 * 1024).times(1));
    server.fault(Fault.hugeChunkedBody(502, 1024 * 1024 + 1).times(1));

    HttpResponse<String> withLength = get("/deeplinks/interaction/i", KEY);
    HttpResponse<String> chunked = get("/deeplinks/interaction/i", KEY);

    assertThat(withLength.statusCode()).isEqualTo(503);
    assertThat(withLength.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(withLength.body()).startsWith("<html>").hasSize(3 * 1024 * 1024);
    assertThat(chunked.statusCode()).isEqualTo(502);
    assertThat(chunked.body()).startsWith("<html>").hasSize(1024 * 1024 + 1);
  }

  @Test
  void servesRawLinkDocumentsByteForByte() throws Exception {
    String interaction = "{\"url\": 42, \"extra\": [1, 2.50]}";
    String conversation = "not even JSON";
    server.seedRawInteractionLink(InteractionId.of("i"), interaction);
    server.seedRawConversationLink(ConversationId.of("c"), conversation);

    assertThat(get("/deeplinks/interaction/i", KEY).body()).isEqualTo(interaction);
    HttpResponse<String> raw = get("/deeplinks/conversation/c", KEY);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo(conversation);
  }

  @Test
  void closeIsIdempotentAndStopsListening() {
    FakeNebulyServer closing = FakeNebulyServer.builder().apiKey(KEY).start();
    URI url = URI.create(closing.baseUrl() + "/deeplinks/interaction/i");
    closing.close();
    closing.close();

    assertThatThrownBy(
            () -> CLIENT.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  private static long count(InputStream body) throws IOException {
    try (InputStream in = body) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  private static HttpRequest.Builder request(String path, String key) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(20));
  }

  private static HttpResponse<String> get(String path, String key) throws Exception {
    return CLIENT.send(request(path, key).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String body, String key) throws Exception {
    return CLIENT.send(
        request("/get-conversation-detail", key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
