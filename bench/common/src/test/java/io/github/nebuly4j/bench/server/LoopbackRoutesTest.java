package io.github.nebuly4j.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.client.RawJdkClient;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.bench.fixture.PlainDeepLink;
import io.github.nebuly4j.bench.load.Workload;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopbackRoutesTest {

  @Test
  void routesTheApisPathsAndRefusesTheRest() {
    String bearer = "Bearer k";
    assertThat(LoopbackRoutes.route("POST", Workload.CONVERSATION.path(), bearer))
        .isEqualTo(LoopbackRoutes.Route.CONVERSATION_DETAIL);
    assertThat(LoopbackRoutes.route("GET", Workload.INTERACTION_LINK.path(), bearer))
        .isEqualTo(LoopbackRoutes.Route.INTERACTION_LINK);
    assertThat(LoopbackRoutes.route("GET", Workload.CONVERSATION_LINK.path(), bearer))
        .isEqualTo(LoopbackRoutes.Route.CONVERSATION_LINK);
    assertThat(LoopbackRoutes.route("GET", Workload.CONVERSATION.path(), bearer)).isEqualTo(LoopbackRoutes.Route.NOT_FOUND);
    assertThat(LoopbackRoutes.route("GET", Fixtures.API_PREFIX + "/deeplinks/interaction/", bearer))
        .isEqualTo(LoopbackRoutes.Route.NOT_FOUND);
    assertThat(LoopbackRoutes.route("GET", Fixtures.API_PREFIX + "/deeplinks/interaction/a/b", bearer))
        .isEqualTo(LoopbackRoutes.Route.NOT_FOUND);
    assertThat(LoopbackRoutes.route("GET", Workload.INTERACTION_LINK.path(), null)).isEqualTo(LoopbackRoutes.Route.UNAUTHORIZED);
    assertThat(LoopbackRoutes.route("GET", Workload.INTERACTION_LINK.path(), "Bearer ")).isEqualTo(LoopbackRoutes.Route.UNAUTHORIZED);
    assertThat(LoopbackRoutes.route("GET", Workload.INTERACTION_LINK.path(), "Basic x")).isEqualTo(LoopbackRoutes.Route.UNAUTHORIZED);
  }

  @Test
  void theRawJdkClientReadsWhatTheJdkServerServes() throws Exception {
    try (JdkLoopbackServer server = JdkLoopbackServer.start();
        RawJdkClient client = new RawJdkClient(server.baseUrl().toString())) {
      PlainConversation conversation =
          (PlainConversation) client.call(Workload.CONVERSATION).toCompletableFuture().get(10, TimeUnit.SECONDS);
      PlainDeepLink link =
          (PlainDeepLink) client.call(Workload.INTERACTION_LINK).toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(conversation.id()).isEqualTo(Fixtures.CONVERSATION_ID);
      assertThat(conversation.conversation()).hasSize(Fixtures.SERVED_INTERACTIONS);
      assertThat(conversation.tags()).containsEntry("ab_test", "2").containsEntry("vip", "true");
      assertThat(conversation.conversation().get(2).input()).contains("\"caf\u00e9\"").endsWith("?");
      assertThat(link.url()).contains("interactionId=" + Fixtures.INTERACTION_ID);
    }
  }
}
