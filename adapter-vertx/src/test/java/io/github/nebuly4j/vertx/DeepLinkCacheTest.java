package io.github.nebuly4j.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link NebulyVertxOptions#setDeepLinkCache}: off by default, and when set, one request per link. */
class DeepLinkCacheTest {
  private static final String KEY = "cache-test-key";
  private static final URI INTERACTION = URI.create("https://nebuly.example/i/cached");
  private static final URI CONVERSATION = URI.create("https://nebuly.example/c/cached");

  private Vertx vertx;
  private FakeNebulyServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = FakeNebulyServer.builder().apiKey(KEY).start();
    server.seedInteractionLink(InteractionId.of("cached"), INTERACTION);
    server.seedConversationLink(ConversationId.of("cached"), CONVERSATION);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    server.close();
  }

  private NebulyVertxOptions options() {
    return new NebulyVertxOptions().setBaseUrl(server.baseUrl().toString()).setApiKey(KEY);
  }

  @Test
  void offByDefaultEveryCallAsksNebuly() throws Exception {
    assertThat(new NebulyVertxOptions().getDeepLinkCache()).isEmpty();
    try (NebulyVertxClient client = NebulyVertxClient.create(vertx, options())) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.interactionLink(InteractionId.of("cached")).get(10, TimeUnit.SECONDS).uri()).isEqualTo(INTERACTION);
      }
      assertThat(server.journal().requestsTo(Endpoint.INTERACTION_LINK)).hasSize(3);
      assertThat(client.toString()).contains("deepLinkCache=off");
    }
  }

  @Test
  void withACacheConcurrentAndLaterCallsShareOneRequest() throws Exception {
    DeepLinkCachePolicy policy = DeepLinkCachePolicy.defaults();
    try (NebulyVertxClient client = NebulyVertxClient.create(vertx, options().setDeepLinkCache(policy))) {
      List<CompletableFuture<DeepLink>> concurrent = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        concurrent.add(client.interactionLink(InteractionId.of("cached")));
      }
      for (CompletableFuture<DeepLink> call : concurrent) {
        assertThat(call.get(10, TimeUnit.SECONDS).uri()).isEqualTo(INTERACTION);
      }
      assertThat(client.interactionLinkFuture(InteractionId.of("cached")).toCompletionStage().toCompletableFuture()
              .get(10, TimeUnit.SECONDS).uri())
          .isEqualTo(INTERACTION);
      assertThat(client.conversationLink(ConversationId.of("cached")).get(10, TimeUnit.SECONDS).uri()).isEqualTo(CONVERSATION);
      assertThat(client.conversationLink(ConversationId.of("cached")).get(10, TimeUnit.SECONDS).uri()).isEqualTo(CONVERSATION);

      assertThat(server.journal().requestsTo(Endpoint.INTERACTION_LINK)).as("101 calls, one request").hasSize(1);
      assertThat(server.journal().requestsTo(Endpoint.CONVERSATION_LINK)).hasSize(1);
      assertThat(client.toString()).contains("deepLinkCache=on");
    }
  }

  @Test
  void theOptionsSayThePolicyAndRefuseNone() {
    DeepLinkCachePolicy policy = DeepLinkCachePolicy.builder().maximumSize(5).build();
    NebulyVertxOptions options = new NebulyVertxOptions().setDeepLinkCache(policy);

    assertThat(options.getDeepLinkCache()).contains(policy);
    assertThat(options.toString()).contains("deepLinkCache=" + policy);
    assertThatThrownBy(() -> new NebulyVertxOptions().setDeepLinkCache(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("policy must not be null");
  }
}
