package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.spi.Arguments;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of Nebuly's external API: a real HTTP/1.1 server on {@code 127.0.0.1} that speaks Nebuly's
 * wire protocol (the same paths, {@code Authorization: Bearer} check, JSON documents, statuses and
 * FastAPI error bodies), with scripted {@link Fault faults}, a {@link RequestJournal journal} of
 * the requests it received, and a view of its connections.
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
 *   <li>{@code POST {base}/get-interactions} and {@code POST {base}/get-interaction-aggregates}
 *       (grouped by conversation) page through the seeded rows ({@link #seedInteractionRows}, {@link
 *       #seedConversationRows}) within the request's time range and filters, newest first, with
 *       {@code total}, {@code limit} and {@code offset}; a malformed request is 422 with FastAPI's
 *       violations, a filter the fake cannot apply 501. {@link ListingEndpoints} has the rules.
 *   <li>A missing or unknown bearer key is 401 {@code {"detail": "…"}} (the key is never echoed);
 *       an unknown id is 404 {@code {"detail": "…"}}; a wrong method is 405; another path is 404.
 *   <li>Connections are kept alive (HTTP/1.1 without {@code Connection: close}), each served by a
 *       thread of its own, so hundreds of concurrent (even delayed) requests are served at once.
 *       Every answer is written with {@code TCP_NODELAY}: the server adds no latency. Request bodies
 *       may have a {@code Content-Length} or be chunked; their first MiB is kept.
 *   <li>Each accepted connection gets a number, {@link RecordedRequest#connectionId()}: a test sees
 *       which requests shared a connection, how many are {@link #openConnections() open}, and
 *       {@link #awaitClosedByPeer whether the client closed one}.
 *   <li>Below {@code /_fake-nebuly} the same port serves an admin API, through which a {@link
 *       RemoteFakeNebulyServer} in another JVM or class loader does all that {@link
 *       FakeNebulyControl} offers.
 * </ul>
 *
 * <p>Thread-safe. {@link #reset()} clears seeds, faults and the journal but keeps the API keys.
 */
public final class FakeNebulyServer implements FakeNebulyControl, AutoCloseable {
  /** The path of Nebuly's external API below the host. */
  public static final String BASE_PATH = "/api/external";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final int MAX_REQUEST_BODY = 1 << 20;
  /** Admin requests carry whole documents: a conversation of thousands of interactions, say. */
  private static final int MAX_ADMIN_BODY = 64 << 20;
  private static final int CHUNK = 64 * 1024;
  /** How often a held request checks whether it was released. */
  private static final long HOLD_CHECK_MILLIS = 20;
  private static final String MALFORMED_JSON = "{\"url\": \"https://example.com/broken\", \"id\": ";
  private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

  private final int number = SERVER_NUMBER.incrementAndGet();
  private final ServerSocket listener;
  private final URI baseUrl;
  private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, String> conversations = new ConcurrentHashMap<>();
  private final Map<String, String> interactionLinks = new ConcurrentHashMap<>();
  private final Map<String, String> conversationLinks = new ConcurrentHashMap<>();
  private final ListingEndpoints listings = new ListingEndpoints();
  private final List<ScriptedFault> faults = new CopyOnWriteArrayList<>();
  private final RequestJournal.Recorder recorder = new RequestJournal.Recorder();
  private final RequestJournal journal = new RequestJournal(BASE_PATH, recorder);
  private final AtomicLong lastConnectionId = new AtomicLong();
  private final Set<HttpConnection> openConnections = ConcurrentHashMap.newKeySet();
  /** Each connection's end: true when the peer closed it, false when this server did. */
  private final Map<Long, CompletableFuture<Boolean>> connectionEnds = new ConcurrentHashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AdminApi admin = new AdminApi(this);

  private FakeNebulyServer(int port, List<String> keys) {
    keys.forEach(this::acceptApiKey);
    try {
      // A large backlog, so that hundreds of clients connecting at once are not refused.
      this.listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("the fake Nebuly server could not listen on port " + port, e);
    }
    this.baseUrl = URI.create("http://127.0.0.1:" + listener.getLocalPort() + BASE_PATH);
    Thread acceptor = new Thread(this::accept, "fake-nebuly-" + number + "-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
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
  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Accepts one more API key in {@code Authorization: Bearer <key>}.
   *
   * @param apiKey the key
   * @return this server
   * @throws IllegalArgumentException if the key is null or blank
   */
  @Override
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
  @Override
  public FakeNebulyServer seed(Conversation conversation) {
    FakeNebulyControl.super.seed(conversation);
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
  @Override
  public FakeNebulyServer seedRaw(ConversationId id, String json) {
    return store(conversations, Arguments.requireNonNull(id, "id").value(), json);
  }

  /**
   * Serves a deep link to an interaction.
   *
   * @param id the interaction
   * @param url the link to answer with
   * @return this server
   * @throws IllegalArgumentException if an argument is null
   */
  @Override
  public FakeNebulyServer seedInteractionLink(InteractionId id, URI url) {
    FakeNebulyControl.super.seedInteractionLink(id, url);
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
  @Override
  public FakeNebulyServer seedConversationLink(ConversationId id, URI url) {
    FakeNebulyControl.super.seedConversationLink(id, url);
    return this;
  }

  /**
   * Answers the interaction deep-link endpoint for {@code id} with a document exactly as given,
   * byte for byte, in place of {@code {"url": "…"}}.
   *
   * @param id the interaction
   * @param json the document; not checked
   * @return this server
   * @throws IllegalArgumentException if an argument is null
   */
  @Override
  public FakeNebulyServer seedRawInteractionLink(InteractionId id, String json) {
    return store(interactionLinks, Arguments.requireNonNull(id, "id").value(), json);
  }

  /**
   * Answers the conversation deep-link endpoint for {@code id} with a document exactly as given,
   * byte for byte, in place of {@code {"url": "…"}}.
   *
   * @param id the conversation
   * @param json the document; not checked
   * @return this server
   * @throws IllegalArgumentException if an argument is null
   */
  @Override
  public FakeNebulyServer seedRawConversationLink(ConversationId id, String json) {
    return store(conversationLinks, Arguments.requireNonNull(id, "id").value(), json);
  }

  /**
   * Lists interaction summaries at {@code POST /get-interactions}, each written as a row document
   * by {@link NebulyDocuments#interactionRow}; a row replaces any with the same id.
   *
   * @param rows the rows
   * @return this server
   * @throws IllegalArgumentException if the collection or a row is null
   */
  @Override
  public FakeNebulyServer seedInteractionRows(java.util.Collection<InteractionSummary> rows) {
    FakeNebulyControl.super.seedInteractionRows(rows);
    return this;
  }

  /**
   * Lists conversation summaries at {@code POST /get-interaction-aggregates}, each written as a
   * row document by {@link NebulyDocuments#conversationRow}; a row replaces any with the same id.
   *
   * @param rows the rows
   * @return this server
   * @throws IllegalArgumentException if the collection or a row is null
   */
  @Override
  public FakeNebulyServer seedConversationRows(java.util.Collection<ConversationSummary> rows) {
    FakeNebulyControl.super.seedConversationRows(rows);
    return this;
  }

  /**
   * Lists interaction row documents exactly as given (re-serialized, numbers kept exact), keyed by
   * their {@code id}.
   *
   * @param rows the row documents, each a JSON object
   * @return this server
   * @throws IllegalArgumentException if the list is null, or a row is not a JSON object
   */
  @Override
  public FakeNebulyServer seedRawInteractionRows(List<String> rows) {
    listings.seedInteractionRows(checkedRows(rows));
    return this;
  }

  /**
   * Lists conversation row documents exactly as given (re-serialized, numbers kept exact), keyed by
   * their {@code group_name}.
   *
   * @param rows the row documents, each a JSON object
   * @return this server
   * @throws IllegalArgumentException if the list is null, or a row is not a JSON object
   */
  @Override
  public FakeNebulyServer seedRawConversationRows(List<String> rows) {
    listings.seedConversationRows(checkedRows(rows));
    return this;
  }

  private static List<String> checkedRows(List<String> rows) {
    Arguments.requireNonNull(rows, "rows").forEach(row -> Arguments.requireNonNull(row, "a row"));
    return List.copyOf(rows);
  }

  private FakeNebulyServer store(Map<String, String> documents, String id, String json) {
    documents.put(id, Arguments.requireNonNull(json, "json"));
    return this;
  }

  /**
   * Seeds from a seed file's text: {@code {"conversations": [<conversation documents>],
   * "interaction_links": {"<id>": "<url>"}, "conversation_links": {"<id>": "<url>"},
   * "interaction_rows": [<rows of get-interactions>], "conversation_rows": [<rows of
   * get-interaction-aggregates>]}}, every member optional. Each conversation document is served as
   * given (re-serialized, numbers kept exact) under its {@code id}; each row is listed as given.
   *
   * @param seedJson the seed file's content
   * @return this server
   * @throws IllegalArgumentException if the text is not such a document
   */
  @Override
  public FakeNebulyServer seedFromJson(String seedJson) {
    Arguments.requireNonNull(seedJson, "seedJson");
    JsonNode root;
    try {
      root = JSON.readTree(seedJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the seed is not JSON: " + e.getOriginalMessage(), e);
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
    seedRawInteractionRows(arrayOf(root, "interaction_rows").stream().map(JsonNode::toString).toList());
    seedRawConversationRows(arrayOf(root, "conversation_rows").stream().map(JsonNode::toString).toList());
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
    Map<String, URI> result = new LinkedHashMap<>();
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
  @Override
  public FakeNebulyServer fault(Fault fault) {
    faults.add(new ScriptedFault(Arguments.requireNonNull(fault, "fault")));
    return this;
  }

  /**
   * Removes every fault. Requests already held or delayed go on as scripted.
   *
   * @return this server
   */
  @Override
  public FakeNebulyServer clearFaults() {
    faults.clear();
    return this;
  }

  /**
   * Returns the journal of the requests received.
   *
   * @return the journal
   */
  @Override
  public RequestJournal journal() {
    return journal;
  }

  /**
   * Returns how many connections are open now: accepted, and closed by neither side.
   *
   * @return the count
   */
  @Override
  public int openConnections() {
    return openConnections.size();
  }

  /**
   * Waits until the client closes a connection (or resets it), or the timeout passes. A connection
   * that this server closed (a {@link Fault#dropConnection() dropped} one, one the client asked to
   * close, or all of them when the server stops) was not closed by the peer.
   *
   * @param connectionId a {@link RecordedRequest#connectionId()}
   * @param timeout the longest wait
   * @return true once the peer has closed the connection; false if it is still open at the
   *     timeout, or this server closed it
   * @throws IllegalArgumentException if {@code timeout} is null, or the server has no such
   *     connection (none was accepted with that number, or it ended before the last {@link
   *     #reset()})
   * @throws IllegalStateException if the waiting thread is interrupted
   */
  @Override
  public boolean awaitClosedByPeer(long connectionId, Duration timeout) {
    Arguments.requireNonNull(timeout, "timeout");
    CompletableFuture<Boolean> end = connectionEnds.get(connectionId);
    if (end == null) {
      throw new IllegalArgumentException("the fake Nebuly server has no connection " + connectionId);
    }
    try {
      return end.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a connection to close", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a connection's end is never exceptional", e);
    }
  }

  /**
   * Clears the seeded conversations, links and rows, the faults and the journal, and forgets the
   * connections that have ended. The accepted API keys stay; requests already held or delayed go on
   * as scripted.
   *
   * @return this server
   */
  @Override
  public FakeNebulyServer reset() {
    conversations.clear();
    interactionLinks.clear();
    conversationLinks.clear();
    listings.clear();
    faults.clear();
    recorder.clear();
    connectionEnds.values().removeIf(CompletableFuture::isDone);
    return this;
  }

  /** Stops the server: held and delayed requests end, open connections are closed. Idempotent. */
  @Override
  public void close() {
    if (isStopped()) {
      return;
    }
    stopped.countDown();
    try {
      listener.close();
    } catch (IOException e) {
      // Not listening any more either way.
    }
    openConnections.forEach(HttpConnection::close);
  }

  /** Describes the server without its API keys. */
  @Override
  public String toString() {
    return "FakeNebulyServer[" + baseUrl + ", " + apiKeys.size() + " API key(s)]";
  }

  private boolean isStopped() {
    return stopped.getCount() == 0;
  }

  private void accept() {
    while (!isStopped()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
        // A passing failure (out of file descriptors, say): try again shortly, without spinning.
        awaitStop(Duration.ofMillis(10));
        continue;
      }
      long id = lastConnectionId.incrementAndGet();
      HttpConnection connection;
      try {
        connection = new HttpConnection(id, socket);
      } catch (IOException e) {
        closeQuietly(socket);
        continue;
      }
      connectionEnds.put(id, new CompletableFuture<>());
      openConnections.add(connection);
      if (isStopped()) {
        // close() may have run before this connection was added: it must not stay open.
        connection.close();
      }
      Thread thread = new Thread(() -> serve(connection), "fake-nebuly-" + number + "-connection-" + id);
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void awaitStop(Duration timeout) {
    try {
      stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }

  /** Serves one connection's requests until either side closes it. */
  private void serve(HttpConnection connection) {
    boolean peerClosed = false;
    try {
      while (!isStopped()) {
        Optional<IncomingRequest> request =
            connection.readRequest(
                head -> AdminApi.serves(head.rawPath()) ? MAX_ADMIN_BODY : MAX_REQUEST_BODY);
        if (request.isEmpty()) {
          peerClosed = true;
          break;
        }
        Outcome outcome = exchange(connection, request.get());
        if (outcome != Outcome.KEEP) {
          peerClosed = outcome == Outcome.PEER_GONE;
          break;
        }
      }
    } catch (HttpConnection.BadRequest e) {
      try {
        connection.send(Response.error(400, "Bad Request: " + e.getMessage()), true);
      } catch (IOException gone) {
        peerClosed = true;
      }
    } catch (IOException e) {
      // A read or write failed: the peer closed or reset the connection (or the server stopped).
      peerClosed = true;
    } finally {
      boolean byPeer = peerClosed && !connection.closedByServer();
      connection.close();
      openConnections.remove(connection);
      connectionEnds.getOrDefault(connection.id(), new CompletableFuture<>()).complete(byPeer);
    }
  }

  /** What becomes of a connection after an exchange. */
  private enum Outcome {
    KEEP,
    CLOSE,
    PEER_GONE
  }

  private Outcome exchange(HttpConnection connection, IncomingRequest request) throws IOException {
    String rawPath = request.rawPath();
    boolean keepAlive = request.keepAlive();
    if (AdminApi.serves(rawPath)) {
      return send(connection, admin.handle(request), keepAlive);
    }
    recorder.record(
        new RecordedRequest(
            request.method(),
            rawPath,
            request.rawQuery(),
            request.headers(),
            new String(request.body(), StandardCharsets.UTF_8),
            Instant.now(),
            connection.id()));
    Route route = Route.of(request.method(), rawPath, request.body());
    if (route.error().isPresent()) {
      return send(connection, route.error().get(), keepAlive);
    }
    for (ScriptedFault scripted : faults) {
      if (!scripted.fault.scope().matches(route.endpoint(), route.id()) || !scripted.claim()) {
        continue;
      }
      Fault fault = scripted.fault;
      boolean peerStayed;
      if (fault instanceof Fault.Delay delay) {
        peerStayed = connection.await(this::isStopped, deadlineAfter(delay.delay()), Long.MAX_VALUE);
      } else if (fault instanceof Fault.Hold hold) {
        AtomicBoolean released = new AtomicBoolean();
        hold.release().whenComplete((value, failure) -> released.set(true));
        peerStayed =
            connection.await(() -> released.get() || isStopped(), Long.MAX_VALUE, HOLD_CHECK_MILLIS);
      } else {
        return answerWithFault(connection, request, route, fault, keepAlive);
      }
      if (!peerStayed) {
        return Outcome.PEER_GONE;
      }
      if (isStopped()) {
        return Outcome.CLOSE;
      }
    }
    return send(connection, answer(request, route), keepAlive);
  }

  private static Outcome send(HttpConnection connection, Response response, boolean keepAlive)
      throws IOException {
    connection.send(response, !keepAlive);
    return keepAlive ? Outcome.KEEP : Outcome.CLOSE;
  }

  /** A {@link System#nanoTime()} deadline; a wait beyond a year is as good as endless. */
  private static long deadlineAfter(Duration wait) {
    return wait.compareTo(Duration.ofDays(365)) > 0
        ? Long.MAX_VALUE
        : System.nanoTime() + wait.toNanos();
  }

  private Response answer(IncomingRequest request, Route route) {
    if (!authorized(request.values("Authorization"))) {
      return Response.error(401, "Invalid or missing API key").header("WWW-Authenticate", "Bearer");
    }
    return switch (route.endpoint()) {
      case INTERACTION_LINK -> link(interactionLinks.get(route.id().orElseThrow()), "Interaction not found");
      case CONVERSATION_LINK -> link(conversationLinks.get(route.id().orElseThrow()), "Conversation not found");
      case CONVERSATION_DETAIL -> conversationDetail(request.body());
      case INTERACTIONS -> listings.interactions(request.body());
      case INTERACTION_AGGREGATES -> listings.aggregates(request.body());
    };
  }

  private boolean authorized(List<String> authorization) {
    if (authorization.size() != 1) {
      return false;
    }
    String value = authorization.get(0).strip();
    int space = value.indexOf(' ');
    return space > 0
        && value.substring(0, space).equalsIgnoreCase("Bearer")
        && apiKeys.contains(value.substring(space + 1).strip());
  }

  private static Response link(String document, String notFound) {
    return document == null ? Response.error(404, notFound) : Response.json(200, document);
  }

  private Response conversationDetail(byte[] body) {
    JsonNode request = parse(body).orElse(null);
    JsonNode id = request == null || !request.isObject() ? null : request.get("conversation_id");
    if (id == null || id.isNull()) {
      return invalid(NebulyDocuments.MISSING_CONVERSATION_ID);
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
        ? Response.error(404, "Conversation not found")
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

  private Outcome answerWithFault(
      HttpConnection connection, IncomingRequest request, Route route, Fault fault, boolean keepAlive)
      throws IOException {
    if (fault instanceof Fault.Status status) {
      Response response = Response.json(status.status(), status.jsonBody());
      status.retryAfter().ifPresent(value -> response.header("Retry-After", value));
      return send(connection, response, keepAlive);
    }
    if (fault instanceof Fault.HtmlPage page) {
      return send(connection, Response.of(page.status(), "text/html; charset=utf-8", page.html()), keepAlive);
    }
    if (fault instanceof Fault.EmptyBody empty) {
      return send(connection, Response.empty(empty.status()), keepAlive);
    }
    if (fault instanceof Fault.MalformedJson) {
      return send(connection, Response.json(200, MALFORMED_JSON), keepAlive);
    }
    if (fault instanceof Fault.Redirect redirect) {
      return send(
          connection,
          Response.empty(redirect.status()).header("Location", redirect.location().toString()),
          keepAlive);
    }
    if (fault instanceof Fault.DropConnection) {
      dropMidBody(connection);
      return Outcome.CLOSE;
    }
    if (fault instanceof Fault.HugeBody huge) {
      return streamHugeBody(connection, huge, keepAlive);
    }
    if (fault instanceof Fault.Trickle trickle) {
      return trickle(connection, answer(request, route), trickle, keepAlive);
    }
    throw new IllegalStateException("a fault that only pauses reached the answers: " + fault);
  }

  /** Announces a whole document, sends half of it and closes the connection. */
  private static void dropMidBody(HttpConnection connection) throws IOException {
    byte[] document =
        NebulyDocuments.deepLink(URI.create("https://example.com/" + "x".repeat(2000)))
            .getBytes(StandardCharsets.UTF_8);
    connection.writeHead(200, Map.of("Content-Type", "application/json"), document.length, false);
    connection.body().write(document, 0, document.length / 2);
    connection.body().flush();
  }

  /** Streams a body of {@code size} bytes made of one chunk reused, never held whole. */
  private Outcome streamHugeBody(HttpConnection connection, Fault.HugeBody huge, boolean keepAlive)
      throws IOException {
    int status = huge.status();
    long size = huge.bytes();
    boolean chunked = huge.chunked();
    boolean json = status == 200;
    byte[] start =
        (json ? "{\"url\": \"https://example.com/" : "<html><head><title>" + status + " Error</title></head><body>")
            .getBytes(StandardCharsets.US_ASCII);
    connection.writeHead(
        status,
        Map.of("Content-Type", json ? "application/json" : "text/html; charset=utf-8"),
        chunked ? -1 : size,
        !keepAlive);
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) 'a');
    System.arraycopy(start, 0, chunk, 0, start.length);
    OutputStream out = connection.body();
    long written = 0;
    while (written < size) {
      if (isStopped()) {
        return Outcome.CLOSE;
      }
      int length = (int) Math.min(CHUNK, size - written);
      if (chunked) {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(chunk, 0, length);
      if (chunked) {
        out.write('\r');
        out.write('\n');
      }
      if (written == 0) {
        Arrays.fill(chunk, 0, start.length, (byte) 'a');
      }
      written += length;
    }
    if (chunked) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
    return keepAlive ? Outcome.KEEP : Outcome.CLOSE;
  }

  /** Sends the head at once, then the body a few bytes at a time, watching the peer meanwhile. */
  private Outcome trickle(
      HttpConnection connection, Response response, Fault.Trickle trickle, boolean keepAlive)
      throws IOException {
    byte[] body = response.body();
    connection.writeHead(response.status(), response.headers(), body.length, !keepAlive);
    connection.body().flush();
    for (int offset = 0; offset < body.length; offset += trickle.bytes()) {
      if (offset > 0
          && !connection.await(this::isStopped, deadlineAfter(trickle.every()), Long.MAX_VALUE)) {
        return Outcome.PEER_GONE;
      }
      if (isStopped()) {
        return Outcome.CLOSE;
      }
      connection.body().write(body, offset, Math.min(trickle.bytes(), body.length - offset));
      connection.body().flush();
    }
    return keepAlive ? Outcome.KEEP : Outcome.CLOSE;
  }

  /**
   * Where a request goes, or the error answer of a request that goes nowhere.
   *
   * @param endpoint the endpoint, null with an error
   * @param id the request's id, if it has one
   * @param error the answer of an unknown path or a wrong method
   */
  private record Route(Endpoint endpoint, Optional<String> id, Optional<Response> error) {

    static Route of(String method, String rawPath, byte[] body) {
      if (!rawPath.startsWith(BASE_PATH + "/")) {
        return notFound();
      }
      String path = rawPath.substring(BASE_PATH.length());
      for (Endpoint endpoint : Endpoint.values()) {
        if (!endpoint.idInPath()) {
          if (path.equals(endpoint.path())) {
            return checked(endpoint, method, bodyIdOf(endpoint, body));
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
            Optional.of(Response.error(405, "Method Not Allowed").header("Allow", endpoint.method())));
      }
      return new Route(endpoint, id, Optional.empty());
    }

    private static Route notFound() {
      return new Route(null, Optional.empty(), Optional.of(Response.error(404, "Not Found")));
    }

    /** The id a fault's scope sees: the detail's {@code conversation_id}, a listing's {@code offset}. */
    private static Optional<String> bodyIdOf(Endpoint endpoint, byte[] body) {
      Optional<JsonNode> request = parse(body);
      return endpoint == Endpoint.CONVERSATION_DETAIL
          ? request.map(json -> json.get("conversation_id")).filter(JsonNode::isTextual).map(JsonNode::asText)
          : request
              .map(json -> json.get("offset"))
              .filter(offset -> offset.isIntegralNumber() && offset.canConvertToLong())
              .map(offset -> Long.toString(offset.asLong()));
    }
  }

  /** A fault with its remaining count. */
  private static final class ScriptedFault {
    final Fault fault;
    final AtomicInteger remaining;

    ScriptedFault(Fault fault) {
      this.fault = fault;
      this.remaining = new AtomicInteger(fault.scope().count().orElse(-1));
    }

    /** Takes one use of the fault; false when it is used up. */
    boolean claim() {
      if (fault.scope().count().isEmpty()) {
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
