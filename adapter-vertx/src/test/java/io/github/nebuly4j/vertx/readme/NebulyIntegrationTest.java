package io.github.nebuly4j.vertx.readme;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.vertx.core.Vertx;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// The root and testkit READMEs' integration-test sample, run as the test it shows.
// BEGIN: testkit-server
@WithFakeNebulyServer(apiKey = "test-key")
class NebulyIntegrationTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }

  @Test
  void retriesAnOutage(FakeNebulyServer nebuly) throws Exception {
    nebuly.seed(ContractData.fullConversation("c-1"));
    nebuly.fault(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).times(2));   // then success
    NebulyVertxClient client = NebulyVertxClient.create(vertx,
        new NebulyVertxOptions().setBaseUrl(nebuly.baseUrl().toString()).setApiKey("test-key"));

    Optional<Conversation> found = client.findById(ConversationId.of("c-1")).get(10, SECONDS);

    assertEquals(ContractData.fullConversation("c-1"), found.orElseThrow());
    assertEquals(3, nebuly.journal().requestsTo(Endpoint.CONVERSATION_DETAIL).size());
    assertEquals(Optional.of("Bearer test-key"), nebuly.journal().lastRequest().header("Authorization"));
  }
}
// END: testkit-server
