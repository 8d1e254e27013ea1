package io.github.nebuly4j.examples.vertx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.core.spi.PercentEncoding;
import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.ConversationViews;
import io.github.nebuly4j.examples.view.DeepLinkRedirects;
import io.github.nebuly4j.examples.view.StandalonePages;
import io.github.nebuly4j.examples.view.StartViews;
import io.github.nebuly4j.examples.view.ViewerError;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.github.nebuly4j.wire.NebulySettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A Vert.x 5 server with the Quarkus viewer's pages, through nebuly4j-adapter-vertx: the start page
 * at {@code /} (one page of a conversation listing: one request to Nebuly), a conversation at
 * {@code /conversations/{id}} (one request to Nebuly), its "Open in Nebuly" routes at {@code
 * /go/interaction/{id}} and {@code /go/conversation/{id}}, and the conversation as JSON at {@code
 * /api/conversations/{id}}. The pages are the same templates and view model as the Quarkus viewer's ({@link StandalonePages}, {@link StartViews}, {@link
 * ConversationViews}, {@link DeepLinkRedirects}).
 *
 * <p>With no API key configured it starts an {@link EmbeddedNebuly} serving the demo
 * conversations, and stops it when it closes. It listens on 127.0.0.1 unless {@code HOST} says
 * otherwise. Nothing in a request handler blocks the event loop.
 */
public final class VertxViewer {
  private static final Logger LOG = System.getLogger(VertxViewer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HTML = "text/html; charset=utf-8";
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final HttpServer server;
  private final NebulyVertxClient client;
  private final EmbeddedNebuly embedded;

  private VertxViewer(HttpServer server, NebulyVertxClient client, EmbeddedNebuly embedded) {
    this.server = server;
    this.client = client;
    this.embedded = embedded;
  }

  /**
   * Runs the viewer until the JVM stops, configured by environment variables ({@link
   * ViewerConfig#fromEnvironment}); the embedded demo backend without a key.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    ViewerConfig config = ViewerConfig.fromEnvironment(System.getenv());
    start(vertx, config)
        .onSuccess(
            viewer -> {
              LOG.log(Level.INFO, "Vert.x viewer ready on http://" + config.host() + ":" + viewer.port() + "/");
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
              + config.baseUrl().orElse(NebulySettings.DEFAULT_BASE_URL)
              + " with the configured API key");
    }
    StandalonePages pages = new StandalonePages();
    ConversationViews views = new ConversationViews(client);
    DeepLinkRedirects redirects = new DeepLinkRedirects(links(config, client));
    StartViews start = new StartViews(client, embedded != null, Clock.systemUTC());
    Router router = Router.router(vertx);
    router
        .get("/")
        .handler(
            context ->
                answer(context, start.respond(name -> context.queryParams().get(name), (status, view) -> new Answer(status, HTML, pages.start(view)))));
    router.get("/conversations").handler(VertxViewer::openForm);
    router
        .get("/conversations/:id")
        .handler(
            context ->
                conversation(
                    context, views, view -> new Answer(200, HTML, pages.conversation(view, embedded != null)),
                    error -> errorPage(pages, error)));
    router
        .get("/go/interaction/:id")
        .handler(context -> answer(context, redirects.interaction(context.pathParam("id"), VertxViewer::redirect, error -> errorPage(pages, error))));
    router
        .get("/go/conversation/:id")
        .handler(context -> answer(context, redirects.conversation(context.pathParam("id"), VertxViewer::redirect, error -> errorPage(pages, error))));
    router
        .get("/api/conversations/:id")
        .handler(
            context ->
                conversation(
                    context, views, view -> new Answer(200, JSON_TYPE, json(view)),
                    error -> new Answer(error.status(), JSON_TYPE, json(error))));
    // The stylesheet is demo-data's, on the class path, where Quarkus serves it from too.
    router
        .get("/style.css")
        .handler(context -> context.response().putHeader("Content-Type", "text/css; charset=utf-8").sendFile("META-INF/resources/style.css"));
    router.route().last().handler(context -> answer(context, notFound(pages)));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), config.host())
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
    return server.close().andThen(done -> {
      client.close();
      closeQuietly(embedded);
    });
  }

  private static NebulyVertxOptions options(ViewerConfig config, EmbeddedNebuly embedded) {
    // Links clicked again, or by another user, are asked for once.
    NebulyVertxOptions options = new NebulyVertxOptions().setDeepLinkCache(DeepLinkCachePolicy.defaults());
    if (embedded != null) {
      return options.setBaseUrl(embedded.baseUrl().toString()).setApiKey(embedded.apiKey());
    }
    config.baseUrl().ifPresent(options::setBaseUrl);
    return options.setApiKey(config.apiKey().orElseThrow());
  }

  /**
   * The links behind "Open in Nebuly": built offline when both ids are configured, else resolved
   * by the client, which keeps them ({@code setDeepLinkCache}).
   */
  private static DeepLinkResolver links(ViewerConfig config, NebulyVertxClient client) {
    if (config.projectId().isPresent() && config.organizationId().isPresent()) {
      LOG.log(Level.INFO, "Deep links are built offline from the configured project and organization ids");
      return OfflineDeepLinks.builder()
          .projectId(ProjectId.of(config.projectId().get()))
          .organizationId(OrganizationId.of(config.organizationId().get()))
          .build();
    }
    return client;
  }

  private static void openForm(RoutingContext context) {
    String id = context.queryParams().get("id");
    String location =
        id == null || id.isBlank()
            ? "/"
            : "/conversations/" + PercentEncoding.encode(id.strip());
    context.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /** Answers a request for one conversation, as a page or as JSON. */
  private static void conversation(
      RoutingContext context,
      ConversationViews views,
      Function<ConversationView, Answer> found,
      Function<ViewerError, Answer> failed) {
    answer(context, views.respond(context.pathParam("id"), found, failed));
  }

  private static Answer redirect(URI link) {
    return new Answer(303, HTML, "").withLocation(link.toString());
  }

  private static Answer errorPage(StandalonePages pages, ViewerError error) {
    return new Answer(error.status(), HTML, pages.error(error));
  }

  private static CompletionStage<Answer> notFound(StandalonePages pages) {
    return CompletableFuture.completedFuture(
        errorPage(
            pages,
            new ViewerError(404, "http-404", "Not Found", "There is no page here. Start from the list of conversations.")));
  }

  private static void answer(RoutingContext context, CompletionStage<Answer> answer) {
    answer.whenComplete(
        (sent, failure) -> {
          // The answers never fail, but a bug in rendering must not leave the request hanging.
          Answer given = failure == null ? sent : new Answer(500, JSON_TYPE, json(ViewerError.of(failure)));
          context.response().setStatusCode(given.status()).putHeader("Content-Type", given.contentType());
          if (given.location() != null) {
            context.response().putHeader("Location", given.location());
          }
          context.response().end(given.body());
        });
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(EmbeddedNebuly embedded) {
    if (embedded != null) {
      embedded.close();
    }
  }

  /** A status, a body of a content type, and where a redirect leads. */
  private record Answer(int status, String contentType, String body, String location) {
    Answer(int status, String contentType, String body) {
      this(status, contentType, body, null);
    }

    Answer withLocation(String where) {
      return new Answer(status, contentType, body, where);
    }
  }
}
