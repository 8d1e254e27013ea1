package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.spi.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Nebuly's external API: a real HTTP server on {@code 127.0.0.1}, built on the JDK's
 * {@code com.sun.net.httpserver}, that speaks the wire protocol of {@code WIRE.md} (the same paths,
 * {@code Authorization: Bearer} check, JSON documents, statuses and FastAPI error bodies).
 *
 * <pre>{@code
 * try (FakeNebulyServer server = FakeNebulyServer.builder().apiKey("test-key").start()) {
 *   server.seed(conversation);
 *   server.seedInteractionLink(InteractionId.of("i-1"), URI.create("https://…"));
 *   server.fault(Fault.status(503).times(2));          // then success
 *   // point the client under test at server.baseUrl()
 *   assertEquals(3, server.journal().count());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code GET {base}/deeplinks/interaction/{id}} and {@code GET
 *       {base}/deeplinks/conversation/{id}} answer {@code {"url": "…"}}; the id is the raw path's
 *       one last segment, percent-decoded ({@code %2F} stays inside the id; more segments are 404).
 *   <li>{@code POST {base}/get-conversation-detail} with {@code {"conversation_id": "…"}} answers
 *       the conversation document; a missing, blank or non-string id, or a body that is not JSON, is
 *       422 with FastAPI's list of violations.
 *   <li>A missing or unknown bearer key is 401 {@code {"detail": "…"}} (the key is never echoed);
 *       an unknown id is 404 {@code {"detail": "…"}}; a wrong method is 405; another path is 404.
 *   <li>Requests are served from an unbounded thread pool, so hundreds of concurrent (even
 *       delayed) requests are served at once.
 * </ul>
 *
 * <p>Thread-safe. {@link #reset()} clears seeds, faults and the journal but keeps the API keys.
 */
public final class FakeNebulyServer implements AutoCloseable {
  /** The path of Nebuly's external API below the host. */
  public static final String BASE_PATH = "/api/external";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final int MAX_REQUEST_BODY = 1 << 20;
  private static final int CHUNK = 64 * 1024;
  private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

  private final HttpServer http;
  private final ExecutorService executor;
  private final URI baseUrl;
  private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, String> conversations = new ConcurrentHashMap<>();
  private final Map<String, URI> interactionLinks = new ConcurrentHashMap<>();
  private final Map<String, URI> conversationLinks = new ConcurrentHashMap<>();
  private final List<ScriptedFault> faults = new CopyOnWriteArrayList<>();
  private final RequestJournal journal = new RequestJournal(BASE_PATH);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private FakeNebulyServer(int port, List<String> keys) {
    keys.forEach(this::acceptApiKey);
    int number = SERVER_NUMBER.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "fake-nebuly-" + number + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor = Executors.newCachedThreadPool(factory);
    try {
      // A large backlog, so that hundreds of clients connecting at once are not refused.
      this.http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("the fake Nebuly server could not listen on port " + port, e);
    }
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
    this.baseUrl =
        URI.create("http://127.0.0.1:" + http.getAddress().getPort() + BASE_PATH);
  }

  /**
   * Starts a server on a free port that accepts no API key until {@link #acceptApiKey} is called.
   *
   * @return the running server
   * @throws UncheckedIOException if no port could be opened
   */
  public static FakeNebulyServer start() {
    return builder().start();
  }

  /**
   * Starts a builder: free port, no API key.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the API's base URL, such as {@code http://127.0.0.1:41234/api/external}, with no
   * trailing slash.
   *
   * @return the base URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Accepts one more API key in {@code Authorization: Bearer <key>}.
   *
   * @param apiKey the key
   * @return this server
   * @throws IllegalArgumentException if the key is null or blank
   */
  public FakeNebulyServer acceptApiKey(String apiKey) {
    Arguments.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    apiKeys.add(apiKey);
    return this;
  }

  /**
   * Serves a conversation, written as the API's document by {@link NebulyDocuments#conversation}.
   *
   * @param conversation the conversation; replaces any with the same id
   * @return this server
   * @throws IllegalArgumentException if {@code conversation} is null
   */
  public FakeNebulyServer seed(Conversation conversation) {
    Arguments.requireNonNull(conversation, "conversation");
    conversations.put(conversation.id().value(), NebulyDocuments.conversation(conversation));
    return this;
  }

  /**
   * Serves a conversation document exactly as given, byte for byte: a test of a client's lenient
   * decoding can so send any variant the real service may send.
   *
   * @param id the id that the document is served for
   * @param json the document; not checked
   * @return this server
   * @throws IllegalArgumentException if an argument is null
   */
  public FakeNebulyServer seedRaw(ConversationId id, String json) {
    Arguments.requireNonNull(id, "id");
    Arguments.requireNonNull(json, "json");
    conversations.put(id.value(), json);
    return this;
  }

  /**
   * Serves a deep link to an interaction.
   *
   * @param id the interaction
   * @param url the link to answer with
   * @return this server
   * @throws IllegalArgumentException if an argument is null
   */
  public FakeNebulyServer seedInteractionLink(InteractionId id, URI url) {
    Arguments.requireNonNull(id, "id");
    interactionLinks.put(id.value(), Arguments.requireNonNull(url, "url"));
    return this;
  }

  /**
   * Serves a deep link to a conversation.
   *
   * @param id the conversation
   * @param url the link to answer with
   * @return this server
   * @throws IllegalArgumentException if an argument is null
   */
  public FakeNebulyServer seedConversationLink(ConversationId id, URI url) {
    Arguments.requireNonNull(id, "id");
    conversationLinks.put(id.value(), Arguments.requireNonNull(url, "url"));
    return this;
  }

  /**
   * Seeds from a seed file's text: {@code {"conversations": [<conversation documents>],
   * "interaction_links": {"<id>": "<url>"}, "conversation_links": {"<id>": "<url>"}}}, every member
   * optional. Each conversation document is served as given (re-serialized, numbers kept exact)
   * under its {@code id}.
   *
   * @param seedJson the seed file's content
   * @return this server
   * @throws IllegalArgumentException if the text is not such a document
   */
  public FakeNebulyServer seedFromJson(String seedJson) {
    Arguments.requireNonNull(seedJson, "seedJson");
    JsonNode root;
    try {
      root = JSON.readTree(seedJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the seed is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the seed must be a JSON object");
    }
    for (JsonNode conversation : arrayOf(root, "conversations")) {
      JsonNode id = conversation.get("id");
      if (!conversation.isObject() || id == null || !id.isTextual()) {
        throw new IllegalArgumentException(
            "every entry of \"conversations\" must be a conversation document with a string \"id\"");
      }
      seedRaw(ConversationId.of(id.asText()), conversation.toString());
    }
    linksOf(root, "interaction_links")
        .forEach((id, url) -> seedInteractionLink(InteractionId.of(id), url));
    linksOf(root, "conversation_links")
        .forEach((id, url) -> seedConversationLink(ConversationId.of(id), url));
    return this;
  }

  private static List<JsonNode> arrayOf(JsonNode root, String name) {
    JsonNode array = root.get(name);
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("\"" + name + "\" must be an array");
    }
    List<JsonNode> elements = new ArrayList<>();
    array.forEach(elements::add);
    return elements;
  }

  private static Map<String, URI> linksOf(JsonNode root, String name) {
    JsonNode links = root.get(name);
    if (links == null || links.isNull()) {
      return Map.of();
    }
    if (!links.isObject()) {
      throw new IllegalArgumentException("\"" + name + "\" must be an object of id to URL");
    }
    Map<String, URI> result = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> link : links.properties()) {
      if (!link.getValue().isTextual()) {
        throw new IllegalArgumentException(
            "\"" + name + "\"." + link.getKey() + " must be a URL string");
      }
      try {
        result.put(link.getKey(), new URI(link.getValue().asText()));
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException(
            "\"" + name + "\"." + link.getKey() + " is not a valid URL: " + e.getMessage(), e);
      }
    }
    return result;
  }

  /**
   * Adds a fault; see {@link Fault} for what it does and which requests it applies to. Faults are
   * tried in the order they were added.
   *
   * @param fault the fault
   * @return this server
   * @throws IllegalArgumentException if {@code fault} is null
   */
  public FakeNebulyServer fault(Fault fault) {
    faults.add(new ScriptedFault(Arguments.requireNonNull(fault, "fault")));
    return this;
  }

  /**
   * Removes every fault.
   *
   * @return this server
   */
  public FakeNebulyServer clearFaults() {
    faults.clear();
    return this;
  }

  /**
   * Returns the journal of the requests received.
   *
   * @return the journal
   */
  public RequestJournal journal() {
    return journal;
  }

  /**
   * Clears the seeded conversations and links, the faults and the journal. The accepted API keys
   * stay.
   *
   * @return this server
   */
  public FakeNebulyServer reset() {
    conversations.clear();
    interactionLinks.clear();
    conversationLinks.clear();
    faults.clear();
    journal.clear();
    return this;
  }

  /** Stops the server: held and delayed requests end, open connections are closed. Idempotent. */
  @Override
  public void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    stopped.countDown();
    http.stop(0);
    executor.shutdownNow();
  }

  /** Describes the server without its API keys. */
  @Override
  public String toString() {
    return "FakeNebulyServer[" + baseUrl + ", " + apiKeys.size() + " API key(s)]";
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean dropped = false;
    try {
      byte[] body = readBody(exchange.getRequestBody());
      String rawPath = exchange.getRequestURI().getRawPath();
      journal.record(
          new RecordedRequest(
              exchange.getRequestMethod(),
              rawPath == null ? "" : rawPath,
              Optional.ofNullable(exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders(),
              new String(body, StandardCharsets.UTF_8),
              Instant.now()));
      Route route = Route.of(exchange.getRequestMethod(), rawPath == null ? "" : rawPath, body);
      if (route.error != null) {
        route.error.send(exchange);
        return;
      }
      for (ScriptedFault scripted : faults) {
        if (!scripted.fault.matches(route.endpoint, route.id) || !scripted.claim()) {
          continue;
        }
        if (scripted.fault.isPause()) {
          pause(scripted.fault);
        } else {
          // A dropped connection must leave the exchange unfinished: see dropMidBody.
          dropped = scripted.fault.kind() == Fault.Kind.DROP_CONNECTION;
          answerWithFault(exchange, scripted.fault);
          return;
        }
      }
      answer(exchange, route, body).send(exchange);
    } catch (IOException e) {
      // The client went away (a timeout, a refused body); nothing is left to answer.
    } finally {
      if (!dropped) {
        exchange.close();
      }
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_REQUEST_BODY);
    // The rest is drained, so that the connection stays usable, but not kept.
    in.transferTo(OutputStream.nullOutputStream());
    return body;
  }

  private void pause(Fault fault) {
    try {
      if (fault.kind() == Fault.Kind.DELAY) {
        stopped.await(fault.delayTime().toNanos(), TimeUnit.NANOSECONDS);
      } else {
        CountDownLatch released = new CountDownLatch(1);
        fault.release().whenComplete((value, failure) -> released.countDown());
        while (stopped.getCount() > 0 && !released.await(50, TimeUnit.MILLISECONDS)) {
          // Checked in turns, so that stopping the server also ends a hold.
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Response answer(HttpExchange exchange, Route route, byte[] body) {
    if (!authorized(exchange.getRequestHeaders().get("Authorization"))) {
      return Response.json(401, NebulyDocuments.error("Invalid or missing API key"))
          .header("WWW-Authenticate", "Bearer");
    }
    switch (route.endpoint) {
      case INTERACTION_LINK:
        return link(interactionLinks.get(route.id.orElseThrow()), "Interaction not found");
      case CONVERSATION_LINK:
        return link(conversationLinks.get(route.id.orElseThrow()), "Conversation not found");
      default:
        return conversationDetail(body);
    }
  }

  private boolean authorized(List<String> authorization) {
    if (authorization == null || authorization.size() != 1) {
      return false;
    }
    String value = authorization.get(0).strip();
    int space = value.indexOf(' ');
    return space > 0
        && value.substring(0, space).equalsIgnoreCase("Bearer")
        && apiKeys.contains(value.substring(space + 1).strip());
  }

  private static Response link(URI url, String notFound) {
    return url == null
        ? Response.json(404, NebulyDocuments.error(notFound))
        : Response.json(200, NebulyDocuments.deepLink(url));
  }

  private Response conversationDetail(byte[] body) {
    JsonNode request = parse(body).orElse(null);
    JsonNode id = request == null || !request.isObject() ? null : request.get("conversation_id");
    if (id == null || id.isNull()) {
      return invalid(Fault.MISSING_CONVERSATION_ID);
    }
    if (!id.isTextual()) {
      return invalid(
          new RequestViolation(List.of("body", "conversation_id"), "str type expected", "type_error.str"));
    }
    if (id.asText().isBlank()) {
      return invalid(
          new RequestViolation(
              List.of("body", "conversation_id"),
              "ensure this value has at least 1 characters",
              "value_error.any_str.min_length"));
    }
    String document = conversations.get(id.asText());
    return document == null
        ? Response.json(404, NebulyDocuments.error("Conversation not found"))
        : Response.json(200, document);
  }

  private static Response invalid(RequestViolation violation) {
    return Response.json(422, NebulyDocuments.validationError(List.of(violation)));
  }

  private static Optional<JsonNode> parse(byte[] body) {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void answerWithFault(HttpExchange exchange, Fault fault) throws IOException {
    switch (fault.kind()) {
      case STATUS:
        Response response = Response.json(fault.statusCode(), fault.body());
        fault.retryAfter().ifPresent(value -> response.header("Retry-After", value));
        response.send(exchange);
        return;
      case HTML:
        new Response(fault.statusCode(), "text/html; charset=utf-8", fault.body()).send(exchange);
        return;
      case EMPTY_BODY:
        exchange.sendResponseHeaders(fault.statusCode(), -1);
        return;
      case MALFORMED_JSON:
        Response.json(200, fault.body()).send(exchange);
        return;
      case DROP_CONNECTION:
        dropMidBody(exchange);
        return;
      default:
        streamHugeBody(exchange, fault.size(), fault.kind() == Fault.Kind.HUGE_CHUNKED_BODY);
        return;
    }
  }

  /**
   * Announces a whole document and sends half of it. Throwing out of the handler is the JDK
   * server's one way to close the connection without completing the body.
   */
  private static void dropMidBody(HttpExchange exchange) throws IOException {
    byte[] document =
        NebulyDocuments.deepLink(URI.create("https://example.com/" + "x".repeat(2000)))
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, document.length);
    OutputStream out = exchange.getResponseBody();
    out.write(document, 0, document.length / 2);
    out.flush();
    throw new UncheckedIOException(
        new IOException("fake Nebuly server: connection dropped mid-body on purpose"));
  }

  private void streamHugeBody(HttpExchange exchange, long size, boolean chunked)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, chunked ? 0 : size);
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) 'a');
    byte[] start = "{\"url\": \"https://example.com/".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(start, 0, chunk, 0, start.length);
    OutputStream out = exchange.getResponseBody();
    long written = 0;
    while (written < size && stopped.getCount() > 0) {
      int length = (int) Math.min(CHUNK, size - written);
      out.write(chunk, 0, length);
      if (written == 0) {
        Arrays.fill(chunk, 0, start.length, (byte) 'a');
      }
      written += length;
    }
  }

  /** Where a request goes, or the error answer of a request that goes nowhere. */
  private static final class Route {
    final Endpoint endpoint;
    final Optional<String> id;
    final Response error;

    private Route(Endpoint endpoint, Optional<String> id, Response error) {
      this.endpoint = endpoint;
      this.id = id;
      this.error = error;
    }

    static Route of(String method, String rawPath, byte[] body) {
      if (!rawPath.startsWith(BASE_PATH + "/")) {
        return notFound();
      }
      String path = rawPath.substring(BASE_PATH.length());
      for (Endpoint endpoint : Endpoint.values()) {
        if (endpoint == Endpoint.CONVERSATION_DETAIL) {
          if (path.equals(endpoint.path())) {
            return checked(endpoint, method, conversationIdOf(body));
          }
        } else if (path.startsWith(endpoint.path())) {
          String segment = path.substring(endpoint.path().length());
          Optional<String> id =
              segment.isEmpty() || segment.contains("/") ? Optional.empty() : PathSegments.decode(segment);
          return id.isEmpty() ? notFound() : checked(endpoint, method, id);
        }
      }
      return notFound();
    }

    private static Route checked(Endpoint endpoint, String method, Optional<String> id) {
      if (!endpoint.method().equals(method)) {
        return new Route(
            endpoint,
            id,
            Response.json(405, NebulyDocuments.error("Method Not Allowed"))
                .header("Allow", endpoint.method()));
      }
      return new Route(endpoint, id, null);
    }

    private static Route notFound() {
      return new Route(null, Optional.empty(), Response.json(404, NebulyDocuments.error("Not Found")));
    }

    private static Optional<String> conversationIdOf(byte[] body) {
      return parse(body)
          .map(request -> request.get("conversation_id"))
          .filter(JsonNode::isTextual)
          .map(JsonNode::asText);
    }
  }

  /** A complete answer with a body. */
  private static final class Response {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    Response(int status, String contentType, String body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    static Response json(int status, String body) {
      return new Response(status, "application/json", body);
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    void send(HttpExchange exchange) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** A fault with its remaining count. */
  private static final class ScriptedFault {
    final Fault fault;
    final AtomicInteger remaining;

    ScriptedFault(Fault fault) {
      this.fault = fault;
      this.remaining = new AtomicInteger(fault.count());
    }

    /** Takes one use of the fault; false when it is used up. */
    boolean claim() {
      if (fault.count() < 0) {
        return true;
      }
      int left;
      do {
        left = remaining.get();
        if (left <= 0) {
          return false;
        }
      } while (!remaining.compareAndSet(left, left - 1));
      return true;
    }
  }

  /** Configures and starts a {@link FakeNebulyServer}. Not thread-safe. */
  public static final class Builder {
    private int port;
    private final List<String> apiKeys = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the port; 0, the default, picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if the port is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Adds an API key the server accepts; may be called more than once.
     *
     * @param apiKey the key
     * @return this builder
     * @throws IllegalArgumentException if the key is null or blank
     */
    public Builder apiKey(String apiKey) {
      Arguments.requireNonNull(apiKey, "apiKey");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      apiKeys.add(apiKey);
      return this;
    }

    /**
     * Starts the server on {@code 127.0.0.1}.
     *
     * @return the running server
     * @throws UncheckedIOException if the port cannot be opened
     */
    public FakeNebulyServer start() {
      return new FakeNebulyServer(port, List.copyOf(apiKeys));
    }
  }
}
