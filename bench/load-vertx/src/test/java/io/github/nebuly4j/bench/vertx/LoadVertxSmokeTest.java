package io.github.nebuly4j.bench.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.client.RawJdkClient;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.bench.load.ContextSpread;
import io.github.nebuly4j.bench.load.LoadOptions;
import io.github.nebuly4j.bench.load.Measurement;
import io.github.nebuly4j.bench.load.Workload;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.DeepLink;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of the Vert.x load runner: the loopback server answers as the API does, and every
 * client runs a short load against it with no error. Asserts nothing about speed.
 */
class LoadVertxSmokeTest {
  private static Vertx vertx;
  private static String baseUrl;
  private static int port;

  @BeforeAll
  static void startServer() throws Exception {
    vertx = Vertx.vertx();
    port = VertxLoopbackServer.start(vertx, 0, 2).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    baseUrl = "http://127.0.0.1:" + port + Fixtures.API_PREFIX;
  }

  @AfterAll
  static void stopServer() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void serverAnswersLikeTheApi() throws Exception {
    WebClient client = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> detail =
          client.post(port, "127.0.0.1", Workload.CONVERSATION.path())
              .putHeader("Authorization", "Bearer any")
              .sendBuffer(Buffer.buffer("{\"conversation_id\":\"x\"}"))
              .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(detail.statusCode()).isEqualTo(200);
      assertThat(detail.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(detail.body().getBytes()).isEqualTo(Fixtures.conversation(Fixtures.SERVED_INTERACTIONS));

      HttpResponse<Buffer> link =
          client.get(port, "127.0.0.1", Workload.INTERACTION_LINK.path())
              .putHeader("Authorization", "Bearer any")
              .send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(link.statusCode()).isEqualTo(200);
      assertThat(link.bodyAsString()).contains("interactionId=" + Fixtures.INTERACTION_ID);

      HttpResponse<Buffer> anonymous =
          client.get(port, "127.0.0.1", Workload.INTERACTION_LINK.path())
              .send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(anonymous.statusCode()).isEqualTo(401);

      HttpResponse<Buffer> unknown =
          client.get(port, "127.0.0.1", Fixtures.API_PREFIX + "/nothing")
              .putHeader("Authorization", "Bearer any")
              .send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(unknown.statusCode()).isEqualTo(404);
    } finally {
      client.close();
    }
  }

  @Test
  void everyClientDecodesTheWholeConversation() throws Exception {
    ContextSpread loops = ContextSpread.of(1, () -> task -> vertx.runOnContext(ignored -> task.run()));
    try (VertxAdapterClient adapter = new VertxAdapterClient(vertx, loops, baseUrl, 2);
        RawWebClient webClient = new RawWebClient(vertx, loops, baseUrl, 2);
        RawJdkClient jdk = new RawJdkClient(baseUrl)) {
      Conversation viaAdapter =
          (Conversation) adapter.call(Workload.CONVERSATION).toCompletableFuture().get(10, TimeUnit.SECONDS);
      PlainConversation viaWebClient =
          (PlainConversation) webClient.call(Workload.CONVERSATION).toCompletableFuture().get(10, TimeUnit.SECONDS);
      PlainConversation viaJdk =
          (PlainConversation) jdk.call(Workload.CONVERSATION).toCompletableFuture().get(10, TimeUnit.SECONDS);
      DeepLink link = (DeepLink) adapter.call(Workload.INTERACTION_LINK).toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(viaAdapter.id().value()).isEqualTo(Fixtures.CONVERSATION_ID);
      assertThat(viaAdapter.interactions()).hasSize(Fixtures.SERVED_INTERACTIONS);
      assertThat(viaWebClient).isEqualTo(viaJdk);
      assertThat(viaWebClient.conversation()).hasSize(Fixtures.SERVED_INTERACTIONS);
      assertThat(viaAdapter.interactions().get(5).output()).contains(viaWebClient.conversation().get(5).output());
      assertThat(link.uri().toString()).contains("interactionId=" + Fixtures.INTERACTION_ID);
    }
  }

  @Test
  void everyClientRunsALoadWithoutErrors(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("load.jsonl");
    LoadOptions options =
        LoadOptions.parse(
            new String[] {
              "--url", baseUrl, "--out", out.toString(), "--workloads", "conversation,interaction-link",
              "--concurrency", "2", "--warmup", "0.3", "--measure", "1", "--reps", "1"
            },
            VertxLoadMain.CLIENTS);

    List<Measurement> measured = VertxLoadMain.run(options);

    assertThat(measured)
        .extracting(Measurement::client)
        .containsExactly(
            "raw-webclient", "raw-webclient", "raw-jdk", "raw-jdk", "vertx-adapter", "vertx-adapter");
    assertThat(measured).allSatisfy(m -> {
      assertThat(m.errors()).as(m.client() + " " + m.workload() + ": " + m.firstError()).isZero();
      assertThat(m.requests()).as(m.client() + " " + m.workload()).isPositive();
      assertThat(m.allocatedBytesPerCall()).isPositive();
      assertThat(m.p99Micros()).isGreaterThanOrEqualTo(m.p50Micros()).isPositive();
    });
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(measured.size());
  }
}
