package io.github.nebuly4j.vertx;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny scripted HTTP server on 127.0.0.1 and a free port, on its own Vert.x instance, so that a
 * client blocking its event loop could never stall the server too.
 *
 * <p>Each path answers with the next scripted responder; the last one repeats. Every request is
 * journaled with its body and the connection it came on, and the server counts the connections it
 * accepted and those that closed.
 */
final class LoopbackServer implements AutoCloseable {

  /** A request as received. */
  record Received(String method, String uri, MultiMap headers, String body, HttpConnection connection) {}

  /** Answers one request; the body is read already. */
  @FunctionalInterface
  interface Responder {
    void respond(HttpServerRequest request, String body);
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Map<String, ConcurrentLinkedQueue<Responder>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Responder> fallbacks = new ConcurrentHashMap<>();
  private final List<Received> journal = new CopyOnWriteArrayList<>();
  private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger closedConnections = new AtomicInteger();
  private volatile Responder otherwise = (request, body) -> request.response().setStatusCode(404).end();

  LoopbackServer() throws Exception {
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
            .connectionHandler(connection -> {
              connections.add(connection);
              connection.closeHandler(ignored -> closedConnections.incrementAndGet());
            })
            .requestHandler(request -> request.body().onSuccess(body -> {
              Received received = new Received(
                  request.method().name(), request.uri(), request.headers(), body.toString(), request.connection());
              journal.add(received);
              next(request.path()).respond(request, received.body());
            }))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  /** The base URL, as a client is configured with it. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/api/external";
  }

  /** Scripts answers for a path below the base URL, in order; the last one repeats. */
  LoopbackServer on(String path, Responder... responders) {
    String full = "/api/external" + path;
    fallbacks.put(full, responders[responders.length - 1]);
    scripts.put(full, new ConcurrentLinkedQueue<>(List.of(responders)));
    return this;
  }

  /** Answers every path that has no script of its own; by default with a bare 404. */
  LoopbackServer otherwise(Responder responder) {
    otherwise = responder;
    return this;
  }

  List<Received> journal() {
    return journal;
  }

  /** How many connections the server accepted. */
  int connectionsAccepted() {
    return connections.size();
  }

  /** How many connections were closed, by either side. */
  int connectionsClosed() {
    return closedConnections.get();
  }

  private Responder next(String path) {
    ConcurrentLinkedQueue<Responder> queue = scripts.get(path);
    Responder next = queue == null ? null : queue.poll();
    if (next != null) {
      return next;
    }
    return fallbacks.getOrDefault(path, otherwise);
  }

  static Responder json(int status, String json) {
    return (request, body) ->
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
  }

  /** Never answers. */
  static Responder silent() {
    return (request, body) -> { };
  }

  /** Sends the status and headers, then {@code chunk} again and again every {@code everyMillis}. */
  static Responder trickle(int status, String start, String chunk, long everyMillis) {
    return (request, body) -> {
      HttpServerResponse response = request.response().setStatusCode(status).setChunked(true)
          .putHeader("Content-Type", "application/json");
      response.write(start);
      Vertx vertx = Vertx.currentContext().owner();
      vertx.setPeriodic(everyMillis, id -> {
        if (response.closed()) {
          vertx.cancelTimer(id);
        } else {
          response.write(chunk);
        }
      });
    };
  }

  /** Sends the status and headers, then as many bytes as the connection takes, for ever. */
  static Responder endless(int status, String start) {
    return (request, body) -> {
      HttpServerResponse response = request.response().setStatusCode(status).setChunked(true)
          .putHeader("Content-Type", "text/html");
      response.write(start);
      streamForever(response, Buffer.buffer("a".repeat(8192)));
    };
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

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
