package io.github.nebuly4j.vertx;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A tiny scripted HTTP server on 127.0.0.1 and a free port, on its own Vert.x instance, so that a
 * client blocking its event loop could never stall the server too.
 *
 * <p>Each path answers with the next scripted responder; the last one repeats. Every request is
 * journaled with its body.
 */
final class LoopbackServer implements AutoCloseable {

  /** A request as received. */
  record Received(String method, String uri, MultiMap headers, String body) {}

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
  private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();
  private volatile Responder otherwise = (request, body) -> request.response().setStatusCode(404).end();

  LoopbackServer() throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(request -> request.body().onSuccess(body -> {
              Received received =
                  new Received(request.method().name(), request.uri(), request.headers(), body.toString());
              journal.add(received);
              listeners.forEach(listener -> listener.accept(received));
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
    ConcurrentLinkedQueue<Responder> queue = new ConcurrentLinkedQueue<>(List.of(responders));
    fallbacks.put(full, responders[responders.length - 1]);
    scripts.put(full, queue);
    return this;
  }

  /** Answers every path that has no script of its own; by default with a bare 404. */
  LoopbackServer otherwise(Responder responder) {
    otherwise = responder;
    return this;
  }

  /** Calls {@code listener} for every request received, as soon as its body is read. */
  void onReceived(Consumer<Received> listener) {
    listeners.add(listener);
  }

  List<Received> journal() {
    return journal;
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

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
