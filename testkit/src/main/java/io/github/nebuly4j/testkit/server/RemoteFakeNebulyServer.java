package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.spi.PercentEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Controls a running fake Nebuly server through its admin HTTP API: a server in another JVM (the
 * standalone jar) or in another class loader (one that a framework's dev services started), which
 * a test cannot reach as a {@link FakeNebulyServer} object.
 *
 * <pre>{@code
 * FakeNebulyControl server = RemoteFakeNebulyServer.connect(URI.create("http://127.0.0.1:8089"));
 * server.seed(conversation).fault(Fault.status(503).times(2));
 * // … exercise the code under test against server.baseUrl() …
 * assertEquals(3, server.journal().count());
 * }</pre>
 *
 * <p>Each method is one request to the server, waited for. A {@link Fault#holdUntil hold} is sent
 * as a token; when its stage completes in this JVM, this client releases the token, and the server
 * lets the held requests go on. Failures to reach the server are {@link UncheckedIOException}s;
 * what the server refuses (a bad seed, an unknown connection) is an {@link
 * IllegalArgumentException} with its reason. Thread-safe.
 */
public final class RemoteFakeNebulyServer implements FakeNebulyControl {
  /** The longest wait for an admin answer, beyond the wait the request itself asks for. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  /** One client for every instance: a JDK 17 client cannot be closed, and each keeps a thread. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI origin;
  private final URI baseUrl;
  private final RequestJournal journal;

  private RemoteFakeNebulyServer(URI origin) {
    this.origin = origin;
    this.baseUrl = URI.create(origin + FakeNebulyServer.BASE_PATH);
    this.journal = new RequestJournal(FakeNebulyServer.BASE_PATH, new RemoteRequests());
  }

  /**
   * Returns a client of the server at {@code url}; nothing is sent yet.
   *
   * @param url any URL of the server, such as its base URL {@code
   *     http://127.0.0.1:8089/api/external}: only the scheme, host and port are used
   * @return the client
   * @throws IllegalArgumentException if {@code url} is null or has no host
   */
  public static RemoteFakeNebulyServer connect(URI url) {
    Arguments.requireNonNull(url, "url");
    if (url.getHost() == null || url.getScheme() == null) {
      throw new IllegalArgumentException("the URL of a fake Nebuly server needs a scheme and a host: " + url);
    }
    return new RemoteFakeNebulyServer(
        URI.create(url.getScheme() + "://" + url.getRawAuthority()));
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public RemoteFakeNebulyServer acceptApiKey(String apiKey) {
    Arguments.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    send("POST", "/api-keys", apiKey, Duration.ZERO);
    return this;
  }

  @Override
  public RemoteFakeNebulyServer seedRaw(ConversationId id, String json) {
    return put("/conversations/", Arguments.requireNonNull(id, "id").value(), json);
  }

  @Override
  public RemoteFakeNebulyServer seedRawInteractionLink(InteractionId id, String json) {
    return put("/interaction-links/", Arguments.requireNonNull(id, "id").value(), json);
  }

  @Override
  public RemoteFakeNebulyServer seedRawConversationLink(ConversationId id, String json) {
    return put("/conversation-links/", Arguments.requireNonNull(id, "id").value(), json);
  }

  private RemoteFakeNebulyServer put(String resource, String id, String json) {
    Arguments.requireNonNull(json, "json");
    send("PUT", resource + PercentEncoding.encode(id), json, Duration.ZERO);
    return this;
  }

  /** Lists the rows through the admin API's seed, in one request. */
  @Override
  public RemoteFakeNebulyServer seedRawInteractionRows(List<String> rows) {
    return seedRows("interaction_rows", rows);
  }

  /** Lists the rows through the admin API's seed, in one request. */
  @Override
  public RemoteFakeNebulyServer seedRawConversationRows(List<String> rows) {
    return seedRows("conversation_rows", rows);
  }

  private RemoteFakeNebulyServer seedRows(String member, List<String> rows) {
    Arguments.requireNonNull(rows, "rows").forEach(row -> Arguments.requireNonNull(row, "a row"));
    return seedFromJson("{\"" + member + "\": [" + String.join(",", rows) + "]}");
  }

  @Override
  public RemoteFakeNebulyServer seedFromJson(String seedJson) {
    Arguments.requireNonNull(seedJson, "seedJson");
    send("POST", "/seed", seedJson, Duration.ZERO);
    return this;
  }

  /**
   * Adds a fault; a {@link Fault.Hold} is released through the server when its stage completes in
   * this JVM.
   */
  @Override
  public RemoteFakeNebulyServer fault(Fault fault) {
    Arguments.requireNonNull(fault, "fault");
    String token = UUID.randomUUID().toString();
    send("POST", "/faults", AdminJson.fault(fault, token).toString(), Duration.ZERO);
    if (fault instanceof Fault.Hold hold) {
      hold.release()
          .whenComplete(
              (value, failure) ->
                  // Asynchronous, so that completing the stage never blocks the completing thread.
                  HTTP.sendAsync(admin("POST", "/releases/" + token, "", Duration.ZERO), HttpResponse.BodyHandlers.discarding()));
    }
    return this;
  }

  @Override
  public RemoteFakeNebulyServer clearFaults() {
    send("DELETE", "/faults", null, Duration.ZERO);
    return this;
  }

  @Override
  public RequestJournal journal() {
    return journal;
  }

  @Override
  public RemoteFakeNebulyServer reset() {
    send("POST", "/reset", "", Duration.ZERO);
    return this;
  }

  @Override
  public int openConnections() {
    return send("GET", "/connections", null, Duration.ZERO).path("open").asInt();
  }

  @Override
  public boolean awaitClosedByPeer(long connectionId, Duration timeout) {
    Arguments.requireNonNull(timeout, "timeout");
    Duration wait = timeout.isNegative() ? Duration.ZERO : timeout;
    return send(
            "GET",
            "/connections/" + connectionId + "?awaitClosedByPeerMillis=" + wait.toMillis(),
            null,
            wait)
        .path("closedByPeer")
        .asBoolean();
  }

  /** Describes the client by the server's base URL. */
  @Override
  public String toString() {
    return "RemoteFakeNebulyServer[" + baseUrl + "]";
  }

  /** Sends an admin request and returns its JSON answer (empty for 204). */
  private JsonNode send(String method, String path, String body, Duration wait) {
    HttpResponse<String> response;
    try {
      response = HTTP.send(admin(method, path, body, wait), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("the fake Nebuly server at " + origin + " could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the fake Nebuly server", e);
    }
    int status = response.statusCode();
    if (status == 400 || status == 404) {
      JsonNode detail = AdminJson.parse(response.body()).path("detail");
      throw new IllegalArgumentException(detail.isTextual() ? detail.asText() : "the fake Nebuly server refused " + method + " " + path);
    }
    if (status / 100 != 2) {
      throw new IllegalStateException(
          "the server at " + origin + " answered " + method + " " + path + " with HTTP " + status + "; is it a fake Nebuly server?");
    }
    return response.body().isEmpty() ? AdminJson.JSON.createObjectNode() : AdminJson.parse(response.body());
  }

  private HttpRequest admin(String method, String path, String body, Duration wait) {
    return HttpRequest.newBuilder(URI.create(origin + AdminApi.PATH + path))
        .timeout(ANSWER_TIMEOUT.plus(wait))
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** The journal's requests, asked of the server each time. */
  private final class RemoteRequests implements RequestJournal.Source {
    @Override
    public List<RecordedRequest> requests() {
      return read(send("GET", "/journal", null, Duration.ZERO));
    }

    @Override
    public boolean awaitCount(int count, Duration timeout) {
      Duration wait = timeout.isNegative() ? Duration.ZERO : timeout;
      return send("GET", "/journal?awaitCount=" + count + "&timeoutMillis=" + wait.toMillis(), null, wait)
          .path("reached")
          .asBoolean();
    }

    private List<RecordedRequest> read(JsonNode answer) {
      List<RecordedRequest> requests = new ArrayList<>();
      answer.path("requests").forEach(request -> requests.add(AdminJson.request(request)));
      return List.copyOf(requests);
    }
  }
}
