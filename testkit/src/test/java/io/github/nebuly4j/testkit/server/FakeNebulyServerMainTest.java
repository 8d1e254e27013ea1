package io.github.nebuly4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeNebulyServerMainTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void badArgumentsPrintTheUsageAndStartNothing() {
    List<String[]> bad =
        List.of(
            new String[] {},
            new String[] {"--port"},
            new String[] {"--port", "x", "--api-key", "k"},
            new String[] {"--port", "70000", "--api-key", "k"},
            new String[] {"--port", "0"},
            new String[] {"--api-key", "k"},
            new String[] {"--port", "0", "--api-key", " "},
            new String[] {"--port", "0", "--port", "1", "--api-key", "k"},
            new String[] {"--port", "0", "--api-key", "k", "--verbose"},
            new String[] {"--port", "0", "--api-key", "k", "--seed", "/no/such/seed.json"});
    for (String[] args : bad) {
      err.reset();
      assertThat(launch(args)).as(String.join(" ", args)).isEmpty();
      assertThat(text(err)).as(String.join(" ", args)).contains("error: ", "Usage: ");
    }
    assertThat(FakeNebulyServerMain.USAGE_ERROR).isEqualTo(2);
  }

  @Test
  void servesTheDemoDataAsTheApiPagesCallIt() throws Exception {
    try (FakeNebulyServer server = launch("--port", "0", "--api-key", "demo-key").orElseThrow()) {
      assertThat(text(out))
          .contains(server.baseUrl().toString(), "http://127.0.0.1:" + server.port() + "/_fake-nebuly")
          .doesNotContain("demo-key");

      // The Python snippet of the deep-link page: GET with only the Authorization header.
      HttpResponse<String> link =
          CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create(server.baseUrl() + "/deeplinks/interaction/5e1c7a90-3d4b-4f2e-8a61-0b9d2c7e4f11"))
                  .header("Authorization", "Bearer demo-key")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(link.statusCode()).isEqualTo(200);
      assertThat(json(link).get("url").asText()).contains("interactionId=5e1c7a90-3d4b-4f2e-8a61-0b9d2c7e4f11");

      // curl -X POST {base}/get-conversation-detail -H 'Authorization: Bearer …'
      //      -H 'Content-Type: application/json' -d '{"conversation_id": "…"}'
      HttpResponse<String> detail =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/get-conversation-detail"))
                  .header("Authorization", "Bearer demo-key")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"conversation_id\": \"" + DemoConversations.all().get(0).conversation().id().value() + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(detail.statusCode()).isEqualTo(200);
      assertThat(json(detail).get("conversation")).hasSize(3);
      assertThat(detail.body()).contains("\"cost\":1523.75");

      HttpResponse<String> conversationLink =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deeplinks/conversation/" + DemoConversations.all().get(1).conversation().id().value()))
                  .header("Authorization", "Bearer demo-key")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(json(conversationLink).get("url").asText()).contains("liveActivityPageTab=conversations");

      // Every demo conversation is listed, newest first, and every one of their interactions too.
      String listing =
          "{\"time_range\": {\"start\": \"2026-05-01T00:00:00Z\", \"end\": \"2026-07-01T00:00:00Z\"},"
              + " \"filters\": [], \"limit\": 100, \"offset\": 0, \"group_by\": {\"kind\": \"conversation_id\"}}";
      JsonNode conversations = json(postTo(server, "/get-interaction-aggregates", listing));
      List<String> newestFirst =
          DemoConversations.all().stream()
              .map(DemoConversation::conversation)
              .sorted(Comparator.comparing((Conversation c) -> c.startSession().orElseThrow()).reversed())
              .map(c -> c.id().value())
              .toList();
      assertThat(conversations.get("total").asInt()).isEqualTo(DemoConversations.all().size());
      List<String> listed = new ArrayList<>();
      conversations.get("data").forEach(row -> listed.add(row.get("group_name").asText()));
      assertThat(listed).isEqualTo(newestFirst);
      int interactions = DemoConversations.all().stream().mapToInt(demo -> demo.conversation().interactions().size()).sum();
      assertThat(json(postTo(server, "/get-interactions", listing)).get("total").asInt()).isEqualTo(interactions);
    }
  }

  private static HttpResponse<String> postTo(FakeNebulyServer server, String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Authorization", "Bearer demo-key")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesASeedFileInsteadOfTheDemo(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(
        seed,
        "{\"conversations\": [{\"id\": \"seeded\", \"conversation\": []}],"
            + " \"interaction_links\": {\"i-7\": \"https://example.com/i-7\"}}");

    try (FakeNebulyServer server =
        launch("--port", "0", "--api-key", "k1", "--api-key", "k2", "--seed", seed.toString()).orElseThrow()) {
      HttpResponse<String> link =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deeplinks/interaction/i-7"))
                  .header("Authorization", "Bearer k2")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> demo =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deeplinks/conversation/" + DemoConversations.all().get(0).conversation().id().value()))
                  .header("Authorization", "Bearer k1")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(json(link).get("url").asText()).isEqualTo("https://example.com/i-7");
      assertThat(demo.statusCode()).as("no demo data with a seed file").isEqualTo(404);
    }
  }

  @Test
  void aBadSeedFileIsAUsageError(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"conversations\": 3}");

    assertThat(launch("--port", "0", "--api-key", "k", "--seed", seed.toString())).isEmpty();
    assertThat(text(err)).contains("bad seed file", "Usage: ");
  }

  private Optional<FakeNebulyServer> launch(String... args) {
    return FakeNebulyServerMain.launch(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
