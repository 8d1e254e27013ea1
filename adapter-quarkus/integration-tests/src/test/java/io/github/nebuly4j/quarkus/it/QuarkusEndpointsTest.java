package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The beans work from a Quarkus REST endpoint on the event loop (Uni and CompletionStage) and from
 * one on a worker thread, called over HTTP like any client would.
 */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class QuarkusEndpointsTest {
  private static final Instant START = Instant.parse("2024-05-30T09:27:52.420Z");

  @InjectFakeServer FakeNebulyServer server;

  @TestHTTPResource("/nebuly-test")
  URI endpoints;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void resetServer() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
  }

  @Test
  void mutinyBeanWorksFromAnEndpointOnTheEventLoop() throws Exception {
    URI link = URI.create("https://nebuly.example/i/loop-1");
    server.seedInteractionLink(InteractionId.of("loop-1"), link);

    assertThat(get("/event-loop/interaction-link/loop-1")).isEqualTo("true " + link);
    assertThat(server.journal().count()).isEqualTo(1);
  }

  @Test
  void mutinyFailuresAreNebulyExceptionsOnTheEventLoop() throws Exception {
    assertThat(get("/event-loop/interaction-link/unknown")).isEqualTo("true NotFound");
  }

  @Test
  void completionStagePortWorksFromAnEndpointOnTheEventLoop() throws Exception {
    URI link = URI.create("https://nebuly.example/c/loop-2");
    server.seedConversationLink(ConversationId.of("loop-2"), link);

    assertThat(get("/event-loop/conversation-link/loop-2")).isEqualTo("true " + link);
  }

  @Test
  void repositoryWorksFromABlockingEndpointOnAWorkerThread() throws Exception {
    server.seed(
        Conversation.builder()
            .id(ConversationId.of("worker-1"))
            .addInteractions(
                Interaction.builder()
                    .id(InteractionId.of("worker-1-0"))
                    .input("hello")
                    .output("hi")
                    .timestamp(START)
                    .endTimestamp(START.plusSeconds(1))
                    .build())
            .build());

    assertThat(get("/worker/conversation/worker-1")).isEqualTo("false worker-1");
    assertThat(get("/worker/conversation/unknown")).isEqualTo("false none");
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoints + path)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }
}
