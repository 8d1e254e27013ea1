package io.github.nebuly4j.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client never blocks an event loop, and completes every call on the caller's context.
 *
 * <p>The client's Vert.x runs a blocked-thread checker every 10 ms with a 200 ms limit, and its
 * warnings are captured from {@code java.util.logging} (surefire selects Vert.x's JUL logging).
 * {@link #theBlockedThreadCheckerIsHeard()} proves that a blocked loop is reported, so that "no
 * warning" in the other tests means something.
 */
class EventLoopTest {
  private static final String KEY = "vx-loop-key-91ab";
  private static final String PROVOKED_BLOCK = "theBlockedThreadCheckerIsHeard";

  private static Vertx vertx;
  private static LoopbackServer server;
  private static NebulyVertxClient client;
  private static LogCapture blockedThreads;

  @BeforeAll
  static void start() throws Exception {
    // Captured, not printed: theBlockedThreadCheckerIsHeard provokes warnings on purpose.
    blockedThreads = LogCapture.start("io.vertx.core.impl.BlockedThreadChecker");
    vertx = Vertx.vertx(new VertxOptions()
        .setBlockedThreadCheckInterval(10)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(200)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setWarningExceptionTime(100)
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
    server = new LoopbackServer().otherwise(EventLoopTest::answerById);
    client = NebulyVertxClient.create(vertx, new NebulyVertxOptions().setBaseUrl(server.baseUrl()).setApiKey(KEY)
        .setRetryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(20)).jitter(0).build()));
    // Warm up class loading and Jackson's deserializers, which may take a while only once.
    client.interactionLink(InteractionId.of("warm-up")).toCompletableFuture().get(30, TimeUnit.SECONDS);
    client.findById(ConversationId.of("warm-up")).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    blockedThreads.close();
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    server.close();
  }

  /**
   * The blocked-thread checker's warnings, with the blocked thread's stack when Vert.x attached one,
   * but those about {@link #theBlockedThreadCheckerIsHeard()}'s loop: the checker may report that
   * block a moment after the test that provoked it has ended, during the next test.
   */
  private static List<String> warnings() {
    return blockedThreads.atOrAbove(Level.WARNING).stream()
        .filter(warning -> !warning.contains(PROVOKED_BLOCK))
        .toList();
  }

  @BeforeEach
  void clearWarnings() {
    blockedThreads.clear();
  }

  /** Links and conversations named after the id asked for, so that a mixed-up answer shows. */
  private static void answerById(HttpServerRequest request, String body) {
    String path = request.path();
    String json;
    if (path.startsWith("/api/external/deeplinks/interaction/")) {
      json = new JsonObject().put("url", "https://nebuly.example/i/" + path.substring(path.lastIndexOf('/') + 1)).encode();
    } else if (path.equals("/api/external/get-conversation-detail")) {
      String id = new JsonObject(body).getString("conversation_id");
      json = new JsonObject()
          .put("id", id)
          .put("conversation", List.of(new JsonObject()
              .put("id", "i-" + id).put("input", "asked in " + id).put("output", "answered")
              .put("timestamp", "2024-05-30T09:27:52Z").put("end_timestamp", "2024-05-30T09:27:53Z")))
          .encode();
    } else {
      request.response().setStatusCode(404).end();
      return;
    }
    request.response().putHeader("Content-Type", "application/json").end(json);
  }

  @Test
  void theBlockedThreadCheckerIsHeard() throws Exception {
    // The proof that the capture works: an event loop kept busy past the limit is reported.
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.runOnContext(ignored -> {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      done.complete(null);
    });
    done.get(10, TimeUnit.SECONDS);

    assertThat(blockedThreads.atOrAbove(Level.WARNING)).anyMatch(warning -> warning.contains(PROVOKED_BLOCK));
  }

  @Test
  void callsFromAnEventLoopReturnAtOnceAndCompleteOnItsContext() throws Exception {
    // The server answers only once it holds all three requests, and only 300 ms later: a call that
    // waited for its answer on the event loop would never let the next call start, or would be
    // reported by the blocked-thread checker.
    List<HttpServerRequest> held = new ArrayList<>();
    LoopbackServer.Responder gate = (request, body) -> {
      held.add(request);
      if (held.size() == 3) {
        Vertx.currentContext().owner().setTimer(300, ignored ->
            held.forEach(r -> answerById(r, "{\"conversation_id\": \"gated\"}")));
      }
    };
    server.on("/deeplinks/interaction/g-1", gate).on("/deeplinks/interaction/g-2", gate)
        .on("/get-conversation-detail", gate);
    CompletableFuture<List<Object>> outcome = new CompletableFuture<>();

    vertx.runOnContext(ignored -> {
      Context caller = Vertx.currentContext();
      Thread callerThread = Thread.currentThread();
      List<Future<?>> calls = List.of(
          client.interactionLinkFuture(InteractionId.of("g-1")),
          client.interactionLinkFuture(InteractionId.of("g-2")),
          client.findByIdFuture(ConversationId.of("gated")));
      List<Object> observed = new ArrayList<>();
      observed.add(calls.stream().noneMatch(Future::isComplete));
      List<Future<?>> checked = new ArrayList<>();
      for (Future<?> call : calls) {
        checked.add(call.map(value -> Vertx.currentContext() == caller && Thread.currentThread() == callerThread));
      }
      Future.all(checked).onComplete(all -> {
        if (all.failed()) {
          outcome.completeExceptionally(all.cause());
        } else {
          observed.addAll(all.result().list());
          outcome.complete(observed);
        }
      });
    });

    assertThat(outcome.get(20, TimeUnit.SECONDS)).containsExactly(true, true, true, true);
    assertThat(warnings()).isEmpty();
  }

  @Test
  void fiveHundredConcurrentCallsFromAVerticleAllGetTheirOwnAnswerOnItsContext() throws Exception {
    CompletableFuture<List<String>> problems = new CompletableFuture<>();
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        List<Future<?>> calls = new ArrayList<>();
        // Every callback runs on this verticle's context, so the plain list needs no lock.
        List<String> found = new ArrayList<>();
        // Issued in batches of 20 calls, each batch its own event-loop task: 500 calls in one task
        // would be a long task of the test's own making, which the blocked-thread checker reports
        // on a cold JVM.
        Promise<Void> allIssued = Promise.promise();
        issue(0, calls, found, allIssued);
        allIssued.future().compose(issued -> Future.join(calls)).onComplete(all -> problems.complete(found));
        return Future.succeededFuture();
      }

      private void issue(int from, List<Future<?>> calls, List<String> found, Promise<Void> allIssued) {
        for (int i = from; i < from + 10; i++) {
          String n = Integer.toString(i);
          calls.add(client.interactionLinkFuture(InteractionId.of("link-" + n)).onComplete(ar -> {
            checkContext(found, "link-" + n);
            if (ar.failed() || !ar.result().uri().equals(URI.create("https://nebuly.example/i/link-" + n))) {
              found.add("link-" + n + ": " + (ar.failed() ? ar.cause() : ar.result()));
            }
          }));
          calls.add(client.findByIdFuture(ConversationId.of("conv-" + n)).onComplete(ar -> {
            checkContext(found, "conv-" + n);
            Optional<Conversation> conversation = ar.succeeded() ? ar.result() : Optional.empty();
            if (!conversation.map(c -> c.id().value()).equals(Optional.of("conv-" + n))
                || !conversation.get().interactions().get(0).input().equals(Optional.of("asked in conv-" + n))) {
              found.add("conv-" + n + ": " + (ar.failed() ? ar.cause() : conversation));
            }
          }));
        }
        if (from + 10 < 250) {
          context.runOnContext(next -> issue(from + 10, calls, found, allIssued));
        } else {
          allIssued.complete();
        }
      }

      private void checkContext(List<String> found, String call) {
        if (Vertx.currentContext() != context) {
          found.add(call + " completed on another context: " + Vertx.currentContext());
        }
      }
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(problems.get(60, TimeUnit.SECONDS)).isEmpty();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void callsFromAPlainThreadCompleteOnAnEventLoopOfTheClientsVertx() throws Exception {
    // A Vert.x future runs its callbacks on its context even when it completed before they were
    // attached, so the check does not depend on timing.
    CompletableFuture<Boolean> onEventLoop = client.interactionLinkFuture(InteractionId.of("plain"))
        .map(link -> Context.isOnEventLoopThread() && Vertx.currentContext().owner() == vertx)
        .toCompletionStage()
        .toCompletableFuture();

    assertThat(onEventLoop.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void retriesAndTheirWaitsStayOnTheCallersContext() throws Exception {
    server.on("/deeplinks/interaction/retried", LoopbackServer.json(503, "{\"detail\": \"busy\"}"), EventLoopTest::answerById);
    CompletableFuture<List<Boolean>> onCaller = new CompletableFuture<>();

    vertx.runOnContext(ignored -> {
      Context caller = Vertx.currentContext();
      client.interactionLink(InteractionId.of("retried")).whenComplete((link, failure) ->
          onCaller.complete(List.of(failure == null, Vertx.currentContext() == caller)));
    });

    assertThat(onCaller.get(20, TimeUnit.SECONDS)).containsExactly(true, true);
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aTimeoutCompletesOnTheCallersContext() throws Exception {
    server.on("/deeplinks/interaction/silent", LoopbackServer.silent());
    NebulyVertxClient impatient = NebulyVertxClient.create(vertx, new NebulyVertxOptions()
        .setBaseUrl(server.baseUrl()).setApiKey(KEY)
        .setAttemptTimeout(Duration.ofMillis(200)).setRetryPolicy(RetryPolicy.none()));
    CompletableFuture<List<Object>> onCaller = new CompletableFuture<>();
    try {
      vertx.runOnContext(ignored -> {
        Context caller = Vertx.currentContext();
        impatient.interactionLinkFuture(InteractionId.of("silent")).onComplete(outcome ->
            onCaller.complete(List.of(outcome.cause().getClass(), Vertx.currentContext() == caller)));
      });

      assertThat(onCaller.get(20, TimeUnit.SECONDS)).containsExactly(NebulyException.Timeout.class, true);
    } finally {
      impatient.close();
    }
  }
}
