package io.github.nebuly4j.examples.vertx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.github.nebuly4j.examples.view.ConversationViews;
import io.github.nebuly4j.examples.view.ViewerError;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * A Vert.x 5 server that sends one Nebuly conversation as JSON, {@code GET
 * /api/conversations/{id}}, through nebuly4j-adapter-vertx, with a small start page at {@code /}.
 * The JSON is the Quarkus viewer's: both use {@link ConversationViews}.
 *
 * <p>With no API key configured it starts an {@link EmbeddedNebuly} serving the demo
 * conversations, and stops it when it closes. Nothing in a request handler blocks the event loop.
 */
public final class VertxViewer {
  private static final Logger LOG = System.getLogger(VertxViewer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final NebulyVertxClient client;
  private final EmbeddedNebuly embedded;

  private VertxViewer(HttpServer server, NebulyVertxClient client, EmbeddedNebuly embedded) {
    this.server = server;
    this.client = client;
    this.embedded = embedded;
  }

  /**
   * Runs the viewer until the JVM stops: port from {@code PORT} (default 8081), Nebuly from {@code
   * NEBULY_API_KEY} and {@code NEBULY_BASE_URL}, the embedded demo backend without a key.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    start(vertx, ViewerConfig.fromEnvironment(System.getenv()))
        .onSuccess(
            viewer -> {
              LOG.log(Level.INFO, "Vert.x viewer ready on http://localhost:" + viewer.port() + "/");
              Runtime.getRuntime()
                  .addShutdownHook(new Thread(() -> viewer.close().eventually(vertx::close)));
            })
        .onFailure(
            failure -> {
              LOG.log(Level.ERROR, "The Vert.x viewer could not start", failure);
              vertx.close();
            });
  }

  /**
   * Starts the viewer on the given Vert.x instance.
   *
   * @param vertx the Vert.x instance; the viewer never closes it
   * @param config where to listen and which Nebuly to read
   * @return a future completing with the running viewer once it listens
   */
  public static Future<VertxViewer> start(Vertx vertx, ViewerConfig config) {
    EmbeddedNebuly embedded = config.apiKey().isPresent() ? null : EmbeddedNebuly.start();
    NebulyVertxClient client;
    try {
      client = NebulyVertxClient.create(vertx, options(config, embedded));
    } catch (IllegalArgumentException invalid) {
      closeQuietly(embedded);
      return Future.failedFuture(invalid);
    }
    if (embedded != null) {
      LOG.log(
          Level.INFO,
          "No Nebuly API key is configured (NEBULY_API_KEY): serving "
              + DemoConversations.all().size()
              + " demo conversations from an embedded fake Nebuly at "
              + embedded.baseUrl());
    } else {
      LOG.log(
          Level.INFO,
          "Reading conversations from Nebuly at "
              + config.baseUrl().orElse(NebulyVertxOptions.DEFAULT_BASE_URL)
              + " with the configured API key");
    }
    ConversationViews views = new ConversationViews(client, client);
    Router router = Router.router(vertx);
    router.get("/api/conversations/:id").handler(context -> conversation(context, views));
    router.get("/").handler(context -> startPage(context, embedded != null));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), "0.0.0.0")
        .map(server -> new VertxViewer(server, client, embedded))
        .onFailure(
            failure -> {
              client.close();
              closeQuietly(embedded);
            });
  }

  /**
   * Returns the port the viewer listens on.
   *
   * @return the port, the actual one when 0 was asked for
   */
  public int port() {
    return server.actualPort();
  }

  /**
   * Stops listening, closes the Nebuly client and stops the embedded demo backend, if any.
   *
   * @return a future completing once the server is closed
   */
  public Future<Void> close() {
    return server.close().eventually(() -> client.closeFuture()).andThen(done -> closeQuietly(embedded));
  }

  private static NebulyVertxOptions options(ViewerConfig config, EmbeddedNebuly embedded) {
    NebulyVertxOptions options = new NebulyVertxOptions();
    if (embedded != null) {
      return options.setBaseUrl(embedded.baseUrl().toString()).setApiKey(embedded.apiKey());
    }
    config.baseUrl().ifPresent(options::setBaseUrl);
    return options.setApiKey(config.apiKey().orElseThrow());
  }

  private static void conversation(RoutingContext context, ConversationViews views) {
    views
        .respond(
            context.pathParam("id"),
            view -> new Answer(200, json(view)),
            error -> new Answer(error.status(), json(error)))
        .whenComplete(
            (answer, failure) -> {
              // respond never fails, but a bug in writing the JSON must not leave the request hanging.
              Answer sent = failure == null ? answer : new Answer(500, json(ViewerError.of(failure)));
              context
                  .response()
                  .setStatusCode(sent.status())
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .end(sent.body());
            });
  }

  private static void startPage(RoutingContext context, boolean embedded) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>nebuly4j Vert.x viewer</title></head><body>"
                + "<h1>nebuly4j Vert.x viewer</h1>"
                + "<p>GET <code>/api/conversations/{id}</code> sends a conversation as JSON.</p>");
    if (embedded) {
      html.append("<p>No Nebuly API key is configured: these demo conversations come from an embedded fake Nebuly.</p><ul>");
      for (DemoConversation demo : DemoConversations.all()) {
        String id = demo.conversation().id().value();
        html.append("<li><a href=\"/api/conversations/").append(escape(id)).append("\">")
            .append(escape(demo.title())).append("</a> (").append(escape(demo.language())).append(")</li>");
      }
      html.append("</ul>");
    } else {
      html.append("<p>Reading conversations from Nebuly with the configured API key.</p>");
    }
    context.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html.append("</body></html>").toString());
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  private static void closeQuietly(EmbeddedNebuly embedded) {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** A status and a JSON body. */
  private record Answer(int status, String body) {}
}
