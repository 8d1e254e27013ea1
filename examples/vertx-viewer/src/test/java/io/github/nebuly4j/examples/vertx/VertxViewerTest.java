package io.github.nebuly4j.examples.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.examples.view.ConversationJson;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Vert.x viewer over HTTP, started as its main starts it, on a free port. */
class VertxViewerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Vertx vertx;
  private static VertxViewer embedded;

  @BeforeAll
  static void startOnTheEmbeddedDemoBackend() throws Exception {
    vertx = Vertx.vertx();
    embedded = start(config(Optional.empty(), Optional.empty()));
  }

  @AfterAll
  static void stop() throws Exception {
    embedded.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theJsonOfEveryDemoConversationShowsEveryField() throws Exception {
    for (DemoConversation demo : DemoConversations.all()) {
      Conversation conversation = demo.conversation();
      HttpResponse<String> response = get(embedded, "/api/conversations/" + conversation.id().value());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      ConversationJson.assertShows(ConversationJson.parse(response.body()), conversation);
    }
  }

  @Test
  void anUnknownIdIsA404AndAnInvalidOneA400() throws Exception {
    HttpResponse<String> unknown = get(embedded, "/api/conversations/no-such-conversation");
    assertThat(unknown.statusCode()).isEqualTo(404);
    JsonNode error = ConversationJson.parse(unknown.body());
    assertThat(error.get("kind").asText()).isEqualTo("not-found");
    assertThat(error.get("message").asText()).contains("no-such-conversation");

    HttpResponse<String> invalid = get(embedded, "/api/conversations/" + "x".repeat(300));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(ConversationJson.parse(invalid.body()).get("message").asText()).contains("at most 256");
  }

  @Test
  void anIdIsReadAsOneDecodedPathSegment() throws Exception {
    String id = "ünknown id";
    HttpResponse<String> response =
        get(embedded, "/api/conversations/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ConversationJson.parse(response.body()).get("message").asText()).contains("'" + id + "'");
  }

  @Test
  void aWrongKeyIsA502ThatSaysSoAndNeitherAnswerNorLogShowsTheKey() throws Exception {
    Conversation conversation = DemoConversations.all().get(0).conversation();
    try (FakeNebulyServer nebuly = FakeNebulyServer.builder().apiKey("the-project-key").start()) {
      nebuly.seed(conversation);
      List<String> logged = new CopyOnWriteArrayList<>();
      Handler capture =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      java.util.logging.Logger log = java.util.logging.Logger.getLogger(VertxViewer.class.getName());
      log.addHandler(capture);
      VertxViewer viewer;
      try {
        viewer = start(config(Optional.of("a-wrong-key"), Optional.of(nebuly.baseUrl().toString())));
      } finally {
        log.removeHandler(capture);
      }
      assertThat(logged).anySatisfy(line -> assertThat(line).contains(nebuly.baseUrl().toString()));
      assertThat(logged).noneSatisfy(line -> assertThat(line).contains("a-wrong-key"));
      try {
        HttpResponse<String> response = get(viewer, "/api/conversations/" + conversation.id().value());
        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = ConversationJson.parse(response.body());
        assertThat(error.get("kind").asText()).isEqualTo("authentication");
        assertThat(error.get("message").asText()).contains("API key is wrong").doesNotContain("a-wrong-key");
      } finally {
        viewer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theStartPageIsTheQuarkusViewersWithEveryDemoConversation() throws Exception {
    HttpResponse<String> page = get(embedded, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    for (DemoConversation demo : DemoConversations.all()) {
      assertThat(page.body())
          .contains("href=\"/conversations/" + demo.conversation().id().value() + "\"")
          .contains(demo.title().replace("'", "&#39;"));
    }
    assertThat(page.body())
        .contains("<link rel=\"stylesheet\" href=\"/style.css\">")
        .contains("action=\"/conversations\"")
        .contains("placeholder=\"e.g. " + DemoConversations.all().get(0).conversation().id().value() + "\"")
        .contains("Embedded demo Nebuly");
    assertThat(get(embedded, "/style.css").statusCode()).isEqualTo(200);
  }

  @Test
  void withAKeyTheStartPageListsNebulysConversationsPageByPageWithItsFilters() throws Exception {
    try (FakeNebulyServer nebuly = FakeNebulyServer.builder().apiKey("the-project-key").start()) {
      Instant now = Instant.now();
      for (int i = 0; i < 25; i++) {
        nebuly.seedListed(
            Conversation.builder()
                .id(ConversationId.of("listed-" + i))
                .startSession(now.minus(Duration.ofHours(i + 1)))
                .endSession(now.minus(Duration.ofHours(i + 1)).plusSeconds(30))
                .addInteractions(
                    Interaction.builder()
                        .id(InteractionId.of("listed-" + i + "-1"))
                        .timestamp(now.minus(Duration.ofHours(i + 1)))
                        .endTimestamp(now.minus(Duration.ofHours(i + 1)).plusSeconds(30))
                        .topic(i % 5 == 0 ? "refunds" : "shipping")
                        .build())
                .build());
      }
      VertxViewer viewer = start(config(Optional.of("the-project-key"), Optional.of(nebuly.baseUrl().toString())));
      try {
        HttpResponse<String> first = get(viewer, "/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("1–20 of 25").contains("href=\"/conversations/listed-0\"").doesNotContain("listed-20\"");
        assertThat(nebuly.journal().requests())
            .as("one listing request for the page")
            .singleElement()
            .satisfies(request -> assertThat(request.rawPath()).endsWith(Endpoint.INTERACTION_AGGREGATES.path()));
        String older = first.body().replaceAll("(?s).*rel=\"next\" href=\"([^\"]*)\".*", "$1").replace("&amp;", "&");

        HttpResponse<String> second = get(viewer, older);
        assertThat(second.body()).contains("21–25 of 25").contains("href=\"/conversations/listed-24\"").doesNotContain("rel=\"next\"");

        HttpResponse<String> refunds = get(viewer, "/?topic=refunds");
        assertThat(refunds.body()).contains("1–5 of 5");
        for (int i = 0; i < 25; i += 5) {
          assertThat(refunds.body()).contains("href=\"/conversations/listed-" + i + "\"");
        }

        HttpResponse<String> invalid = get(viewer, "/?from=not-a-day");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("&#39;not-a-day&#39; (from) is not a date");
        assertThat(nebuly.journal().requestsTo(Endpoint.INTERACTION_AGGREGATES)).as("the invalid query asked nothing").hasSize(3);
      } finally {
        viewer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aConversationPageShowsEveryInteractionWithItsOpenInNebulyRoute() throws Exception {
    Conversation conversation = DemoConversations.all().get(1).conversation();

    HttpResponse<String> page = get(embedded, "/conversations/" + conversation.id().value());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"conversation-id\">" + conversation.id().value() + "<")
        .contains("href=\"/go/conversation/" + conversation.id().value() + "\"");
    for (var interaction : conversation.interactions()) {
      assertThat(page.body())
          .contains("data-interaction-id=\"" + interaction.id().value() + "\"")
          .contains("href=\"/go/interaction/" + interaction.id().value() + "\"");
    }
    assertThat(page.body().split("<li class=\"interaction", -1)).hasSize(conversation.interactions().size() + 1);
  }

  @Test
  void unknownIdsAndPathsAreErrorPagesWithoutAStackTrace() throws Exception {
    HttpResponse<String> unknown = get(embedded, "/conversations/no-such-conversation");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No such conversation").contains("no-such-conversation");
    HttpResponse<String> unknownLink = get(embedded, "/go/interaction/no-such-interaction");
    assertThat(unknownLink.statusCode()).isEqualTo(404);
    assertThat(unknownLink.body()).contains("Not found in Nebuly");
    HttpResponse<String> nowhere = get(embedded, "/no/such/page");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("There is no page here");
    for (HttpResponse<String> page : List.of(unknown, unknownLink, nowhere)) {
      assertThat(page.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
    }
  }

  @Test
  void aConversationPageSendsOneRequestAndALinkIsAskedForOnceWhenFollowed() throws Exception {
    Conversation conversation = DemoConversations.all().get(0).conversation();
    try (FakeNebulyServer nebuly = FakeNebulyServer.builder().apiKey("the-project-key").start()) {
      DemoConversations.seed(nebuly);
      VertxViewer viewer = start(config(Optional.of("the-project-key"), Optional.of(nebuly.baseUrl().toString())));
      try {
        HttpResponse<String> page = get(viewer, "/conversations/" + conversation.id().value());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(nebuly.journal().requests())
            .as("one request for the page, none for its %d links", conversation.interactions().size() + 1)
            .singleElement()
            .satisfies(request -> assertThat(request.rawPath()).endsWith(Endpoint.CONVERSATION_DETAIL.path()));

        InteractionId clicked = conversation.interactions().get(1).id();
        for (int click = 0; click < 3; click++) {
          HttpResponse<String> redirect = get(viewer, "/go/interaction/" + clicked.value());
          assertThat(redirect.statusCode()).isEqualTo(303);
          assertThat(redirect.headers().firstValue("Location"))
              .contains(DemoConversations.LINKS.linkTo(clicked).uri().toString());
        }
        assertThat(nebuly.journal().requestsTo(Endpoint.INTERACTION_LINK)).as("three clicks, one request").hasSize(1);
      } finally {
        viewer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void withTheProjectAndOrganizationIdsLinksAreBuiltOfflineAndNebulyIsAskedNothing() throws Exception {
    try (FakeNebulyServer nebuly = FakeNebulyServer.builder().apiKey("the-project-key").start()) {
      VertxViewer viewer =
          start(
              new ViewerConfig(
                  Optional.of("the-project-key"), Optional.of(nebuly.baseUrl().toString()),
                  Optional.of("offline-project"), Optional.of("offline-organization"), "127.0.0.1", 0));
      try {
        HttpResponse<String> redirect = get(viewer, "/go/conversation/any-conversation");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location"))
            .contains(
                OfflineDeepLinks.builder()
                    .projectId(ProjectId.of("offline-project"))
                    .organizationId(OrganizationId.of("offline-organization"))
                    .build()
                    .linkTo(ConversationId.of("any-conversation"))
                    .uri()
                    .toString());
        assertThat(nebuly.journal().count()).isZero();
      } finally {
        viewer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void whatAConversationSaysIsEscapedInThePage() throws Exception {
    Conversation hostile =
        Conversation.builder()
            .id(ConversationId.of("hostile"))
            .addInteractions(
                Interaction.builder().id(InteractionId.of("h-1")).input("<script>alert('x')</script>").output("fine").build())
            .build();
    try (FakeNebulyServer nebuly = FakeNebulyServer.builder().apiKey("the-project-key").start()) {
      nebuly.seed(hostile);
      VertxViewer viewer = start(config(Optional.of("the-project-key"), Optional.of(nebuly.baseUrl().toString())));
      try {
        HttpResponse<String> page = get(viewer, "/conversations/hostile");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
      } finally {
        viewer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closingStopsTheEmbeddedBackendToo() throws Exception {
    VertxViewer viewer = start(config(Optional.empty(), Optional.empty()));
    int port = viewer.port();
    assertThat(get(viewer, "/").statusCode()).isEqualTo(200);
    viewer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> HTTP.send(request(port, "/"), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theConfigurationComesFromTheEnvironmentAndHidesTheKey() {
    ViewerConfig defaults = ViewerConfig.fromEnvironment(Map.of());
    assertThat(defaults.port()).isEqualTo(8081);
    assertThat(defaults.host()).as("loopback only, unless HOST says otherwise").isEqualTo("127.0.0.1");
    assertThat(ViewerConfig.fromEnvironment(Map.of("HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
    assertThat(defaults.apiKey()).isEmpty();

    ViewerConfig configured =
        ViewerConfig.fromEnvironment(Map.of("NEBULY_API_KEY", "secret-key-123", "NEBULY_BASE_URL", "https://nebuly.example/api/external", "PORT", "9090"));
    assertThat(configured.port()).isEqualTo(9090);
    assertThat(configured.apiKey()).contains("secret-key-123");
    assertThat(configured.toString()).doesNotContain("secret-key-123").contains("https://nebuly.example/api/external");

    assertThat(ViewerConfig.fromEnvironment(Map.of("NEBULY_API_KEY", "  ")).apiKey()).isEmpty();
    assertThatThrownBy(() -> ViewerConfig.fromEnvironment(Map.of("PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT");
    assertThatThrownBy(() -> ViewerConfig.fromEnvironment(Map.of("PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65535");
  }

  @Test
  void anUnusableBaseUrlFailsTheStartWithAClearMessage() {
    ViewerConfig config = config(Optional.of("secret-key-123"), Optional.of("not a url"));
    assertThatThrownBy(() -> VertxViewer.start(vertx, config).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .satisfies(failure -> assertThat(failure.getCause().getMessage()).doesNotContain("secret-key-123"));
  }

  private static ViewerConfig config(Optional<String> apiKey, Optional<String> baseUrl) {
    return new ViewerConfig(apiKey, baseUrl, Optional.empty(), Optional.empty(), ViewerConfig.DEFAULT_HOST, 0);
  }

  private static VertxViewer start(ViewerConfig config) throws Exception {
    return VertxViewer.start(vertx, config).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> get(VertxViewer viewer, String path) throws IOException, InterruptedException {
    return HTTP.send(request(viewer.port(), path), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build();
  }
}
