package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call made on a Vert.x event loop completes on the context it was made from, as a Vert.x
 * client's does: the caller's request-scoped locals (a request's context, its span) are there when
 * its callback runs, and a chain of calls, each made from the completion of the one before, does not
 * grow a chain of contexts (the REST Client runs each request on a new context that keeps the one it
 * was made from).
 */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class CallerContextTest {
  private static final String ID = "on-the-callers-context";
  private static final int CHAIN = 20;
  private static final String ELSEWHERE = "of " + CHAIN + " chained calls, those that completed on another context than the caller's";

  @InjectFakeServer FakeNebulyServer server;

  @Inject ConversationRepository conversations;

  @Inject Vertx vertx;

  @BeforeEach
  void seed() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
    server.seed(ContractData.fullConversation(ID));
  }

  @Test
  void aCallFromARequestsContextCompletesOnThatContext() throws Exception {
    Context request = VertxContext.newNestedContext(vertx.getOrCreateContext());
    request.putLocal("request", "the caller's");

    assertThat(completionsElsewhere(request)).as(ELSEWHERE).isZero();
    assertThat(localSeen(request)).isEqualTo("the caller's");
  }

  @Test
  void aCallFromAnEventLoopCompletesOnThatEventLoopsContext() throws Exception {
    Context loop = vertx.getOrCreateContext();

    assertThat(completionsElsewhere(loop)).as(ELSEWHERE).isZero();
  }

  /**
   * Makes a chain of calls on {@code start}, each from the completion of the one before, and
   * counts the completions that ran on another context.
   */
  private long completionsElsewhere(Context start) throws Exception {
    List<Context> seen = new ArrayList<>();
    CompletableFuture<List<Context>> done = new CompletableFuture<>();
    start.runOnContext(ignored -> chain(seen, done));
    return done.get(30, TimeUnit.SECONDS).stream().filter(on -> on != start).count();
  }

  private void chain(List<Context> seen, CompletableFuture<List<Context>> done) {
    conversations
        .findById(ConversationId.of(ID))
        .whenComplete(
            (found, failure) -> {
              if (failure != null) {
                done.completeExceptionally(failure);
                return;
              }
              seen.add(Vertx.currentContext());
              if (seen.size() == CHAIN) {
                done.complete(seen);
              } else {
                chain(seen, done);
              }
            });
  }

  private Object localSeen(Context start) throws Exception {
    CompletableFuture<Object> seen = new CompletableFuture<>();
    start.runOnContext(
        ignored ->
            conversations
                .findById(ConversationId.of(ID))
                .whenComplete((found, failure) -> seen.complete(Vertx.currentContext().getLocal("request"))));
    return seen.get(30, TimeUnit.SECONDS);
  }
}
