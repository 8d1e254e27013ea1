package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.NebulyDocuments;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The HTTP behaviour every adapter must have, checked against {@link
 * io.github.nebuly4j.testkit.server.FakeNebulyServer} through its journal: the wire format, the
 * mapping of each status of Nebuly's API to a typed {@link NebulyException}, faults (HTML and
 * empty bodies, malformed JSON, dropped connections, huge bodies), timeouts, retries, lenient
 * decoding, and an API key that never appears in a message.
 *
 * <p>Every endpoint is called, the listing ones ({@code get-interactions}, {@code
 * get-interaction-aggregates}) for their first page: what the suite checks of a status, a fault, a
 * retry or a cancellation holds for them too. What a listing sends and how it pages is checked by
 * {@link HttpInteractionSearchContract} and {@link HttpConversationListingContract}.
 *
 * <p>It also checks what a transport owes its caller beyond the answers: cancelling a stage aborts
 * its request (the server sees the connection closed) and logs nothing; a body that trickles in
 * still ends at the attempt deadline; connections are kept alive; a redirect is not followed; an
 * error page is bounded like any body; and a cancelled or aborted call leaves no connection behind.
 *
 * <p>An adapter's test class implements it by giving {@link #server()} and {@link
 * #adapter(ContractSettings)}; the suite configures the adapter with {@link
 * ContractSettings#standard}: 1 s connect and attempt timeouts, 3 attempts, 10–100 ms backoff,
 * {@code Retry-After} honoured up to 3 s, 16 MiB bound, a pool of 64; the cases about connections
 * ask for a pool of one ({@link ContractSettings#withMaxConnections}), and the cases about
 * cancellation for a one-minute attempt timeout ({@link ContractSettings#withAttemptTimeout}):
 * otherwise the attempt deadline would close a held request's connection one second later, and an
 * adapter that ignores cancellation would pass. Every stage is awaited with a bound. Log lines are
 * captured through {@link #captureLogs()}.
 *
 * <p>Timeouts, thought through: the server delays every detail request by 5 s; the standard policy
 * retries timeouts, so the adapter makes 3 attempts, each ending after the 1 s attempt timeout. The
 * suite expects {@link NebulyException.Timeout}, 3 requests in the journal, and an elapsed time of
 * at least 3 × 1 s (less 100 ms of timer slack) and well under 3 × 5 s (under 9 s: an adapter that
 * waited for the server would have got the answer instead). A body sent one byte every 100 ms is
 * timed the same way: its whole takes minutes, so only a deadline on the whole attempt (not an idle
 * timeout, which each byte resets) ends it near 3 × 1 s.
 */
public interface HttpAdapterContract extends FakeServerBinding {
  /** The attempt timeout of the cancellation cases: far longer than any wait of theirs. */
  Duration PATIENT = Duration.ofMinutes(1);

  /** Each endpoint gets the documented method, path, bearer key, Accept header and body. */
  @Test
  default void sendsTheDocumentedRequestToEveryEndpoint() {
    Conversation conversation = ContractData.fullConversation("c-1");
    server()
        .seedInteractionLink(InteractionId.of("i-1"), ContractData.linkTo(InteractionId.of("i-1")))
        .seedConversationLink(conversation.id(), ContractData.linkTo(conversation.id()))
        .seed(conversation);
    AdapterUnderTest adapter = standardAdapter();

    Stages.await(adapter.deepLinkResolver().interactionLink(InteractionId.of("i-1")), "interactionLink");
    Stages.await(adapter.deepLinkResolver().conversationLink(conversation.id()), "conversationLink");
    Stages.await(adapter.conversationRepository().findById(conversation.id()), "findById");

    List<RecordedRequest> requests = server().journal().requests();
    assertEquals(3, requests.size(), "one request per call: " + requests);
    for (RecordedRequest request : requests) {
      assertAll(
          request.toString(),
          () ->
              assertEquals(
                  Optional.of("Bearer " + ContractSettings.API_KEY),
                  request.header("Authorization"),
                  "Authorization: Bearer <key>"),
          () -> assertTrue(acceptsJson(request), "Accept: application/json"));
    }
    RecordedRequest interaction = requests.get(0);
    RecordedRequest conversationLink = requests.get(1);
    RecordedRequest detail = requests.get(2);
    assertAll(
        () -> assertEquals("GET", interaction.method(), "interaction link method"),
        () ->
            assertEquals(
                basePath() + "/deeplinks/interaction/i-1",
                interaction.rawPath(),
                "interaction link path"),
        () -> assertEquals("GET", conversationLink.method(), "conversation link method"),
        () ->
            assertEquals(
                basePath() + "/deeplinks/conversation/c-1",
                conversationLink.rawPath(),
                "conversation link path"),
        () -> assertEquals("POST", detail.method(), "conversation detail method"),
        () ->
            assertEquals(
                basePath() + "/get-conversation-detail", detail.rawPath(), "conversation detail path"),
        () ->
            assertTrue(
                detail.header("Content-Type").map(HttpAdapterContract::isJson).orElse(false),
                "Content-Type: application/json, got " + detail.header("Content-Type")),
        () ->
            assertEquals(
                ContractJson.detailRequest("c-1"),
                ContractJson.tree(detail.body()),
                "the body is exactly {\"conversation_id\": id}"));
  }

  /** An id that needs encoding reaches a deep-link endpoint as exactly one path segment. */
  @Test
  default void idsThatNeedEncodingArriveAsOnePathSegment() {
    AdapterUnderTest adapter = standardAdapter();
    for (String id : ContractData.AWKWARD_IDS) {
      server()
          .seedInteractionLink(InteractionId.of(id), ContractData.linkTo(InteractionId.of(id)))
          .seedConversationLink(ConversationId.of(id), ContractData.linkTo(ConversationId.of(id)));

      Stages.await(adapter.deepLinkResolver().interactionLink(InteractionId.of(id)), "interactionLink(" + id + ")");
      assertOneSegment(server().journal().lastRequest(), "/deeplinks/interaction/", id);
      Stages.await(adapter.deepLinkResolver().conversationLink(ConversationId.of(id)), "conversationLink(" + id + ")");
      assertOneSegment(server().journal().lastRequest(), "/deeplinks/conversation/", id);
    }
  }

  /** An id that needs encoding reaches the detail endpoint unchanged in the JSON body. */
  @Test
  default void idsThatNeedEncodingArriveUnchangedInTheBody() {
    AdapterUnderTest adapter = standardAdapter();
    for (String id : ContractData.AWKWARD_IDS) {
      Conversation conversation = ContractData.fullConversation(id);
      server().seed(conversation);

      assertEquals(
          Optional.of(conversation),
          Stages.await(adapter.conversationRepository().findById(conversation.id()), "findById(" + id + ")"));
      RecordedRequest request = server().journal().lastRequest();
      assertEquals(basePath() + "/get-conversation-detail", request.rawPath(), "path for '" + id + "'");
      assertEquals(ContractJson.detailRequest(id), ContractJson.tree(request.body()), "body for '" + id + "'");
    }
  }

  /** A wrong key is 401: Authentication, sent once (never retried), with the configured key sent. */
  @Test
  default void wrongApiKeyIsAnAuthenticationErrorSentOnce() {
    String wrongKey = "wrong-contract-key-3Fh8";
    AdapterUnderTest adapter = adapter(settings().withApiKey(wrongKey));
    seedEverything("known");

    for (Endpoint endpoint : Endpoint.values()) {
      NebulyException.Authentication failure =
          expectFailure(call(adapter, endpoint, "known"), NebulyException.Authentication.class, endpoint);
      assertEquals(401, failure.httpStatus().orElse(-1), endpoint + ": status kept");
      List<RecordedRequest> sent = server().journal().requestsTo(endpoint);
      assertEquals(1, sent.size(), endpoint + ": 401 is never retried");
      assertEquals(Optional.of("Bearer " + wrongKey), sent.get(0).header("Authorization"));
    }
  }

  /** 403 is Authentication too, sent once. */
  @Test
  default void status403IsAnAuthenticationErrorSentOnce() {
    seedEverything("known");
    server().fault(Fault.status(403));

    for (Endpoint endpoint : Endpoint.values()) {
      NebulyException.Authentication failure =
          expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.Authentication.class, endpoint);
      assertEquals(403, failure.httpStatus().orElse(-1), endpoint + ": status kept");
      assertEquals(1, server().journal().requestsTo(endpoint).size(), endpoint + ": 403 is never retried");
    }
  }

  /**
   * 404 is NotFound for a link and Optional.empty() for a conversation; at a listing endpoint
   * (where it means a wrong base URL) NotFound too. Each is sent once.
   */
  @Test
  default void status404IsNotFoundForLinksAndEmptyForConversations() {
    AdapterUnderTest adapter = standardAdapter();

    expectFailure(
        adapter.deepLinkResolver().interactionLink(InteractionId.of("missing")),
        NebulyException.NotFound.class,
        Endpoint.INTERACTION_LINK);
    expectFailure(
        adapter.deepLinkResolver().conversationLink(ConversationId.of("missing")),
        NebulyException.NotFound.class,
        Endpoint.CONVERSATION_LINK);
    assertEquals(
        Optional.empty(),
        Stages.await(adapter.conversationRepository().findById(ConversationId.of("missing")), "findById(missing)"));
    server().fault(Fault.status(404, NebulyDocuments.error("Not Found")).on(Endpoint.INTERACTIONS));
    server().fault(Fault.status(404, NebulyDocuments.error("Not Found")).on(Endpoint.INTERACTION_AGGREGATES));
    expectFailure(call(adapter, Endpoint.INTERACTIONS, "missing"), NebulyException.NotFound.class, Endpoint.INTERACTIONS);
    expectFailure(
        call(adapter, Endpoint.INTERACTION_AGGREGATES, "missing"),
        NebulyException.NotFound.class,
        Endpoint.INTERACTION_AGGREGATES);
    for (Endpoint endpoint : Endpoint.values()) {
      assertEquals(1, server().journal().requestsTo(endpoint).size(), endpoint + ": 404 is never retried");
    }
  }

  /** 422 is InvalidRequest with FastAPI's violations, sent once. */
  @Test
  default void status422IsAnInvalidRequestWithTheViolations() {
    seedEverything("known");
    server().fault(Fault.status(422));

    for (Endpoint endpoint : Endpoint.values()) {
      NebulyException.InvalidRequest failure =
          expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.InvalidRequest.class, endpoint);
      assertEquals(422, failure.httpStatus().orElse(-1), endpoint + ": status kept");
      assertEquals(
          List.of(new RequestViolation(List.of("body", "conversation_id"), "field required", "value_error.missing")),
          failure.violations(),
          endpoint + ": violations");
      assertEquals(1, server().journal().requestsTo(endpoint).size(), endpoint + ": 422 is never retried");
    }
  }

  /** 429 with {@code Retry-After: 120} is RateLimited with 120 s; longer than 3 s, so not retried. */
  @Test
  default void status429WithRetryAfterInSecondsIsRateLimited() {
    seedEverything("known");
    server().fault(Fault.rateLimited(Duration.ofSeconds(120)));

    for (Endpoint endpoint : Endpoint.values()) {
      NebulyException.RateLimited failure =
          expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.RateLimited.class, endpoint);
      assertEquals(Optional.of(Duration.ofSeconds(120)), failure.retryAfter(), endpoint + ": retryAfter");
      assertEquals(
          1,
          server().journal().requestsTo(endpoint).size(),
          endpoint + ": a Retry-After beyond maxRetryAfter ends the call at once");
    }
  }

  /** 429 with an HTTP-date 120 s ahead is RateLimited with about 120 s. */
  @Test
  default void status429WithRetryAfterAsHttpDateIsRateLimited() {
    seedEverything("known");
    server().fault(Fault.rateLimitedUntil(Instant.now().plusSeconds(120)));

    for (Endpoint endpoint : Endpoint.values()) {
      NebulyException.RateLimited failure =
          expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.RateLimited.class, endpoint);
      Duration retryAfter =
          failure.retryAfter().orElseThrow(() -> new AssertionError(endpoint + ": no retryAfter"));
      // An HTTP-date has whole seconds, and the call took some time: a tolerance either way.
      assertTrue(
          retryAfter.compareTo(Duration.ofSeconds(100)) >= 0
              && retryAfter.compareTo(Duration.ofSeconds(121)) <= 0,
          endpoint + ": retryAfter should be about 120 s, got " + retryAfter);
      assertEquals(1, server().journal().requestsTo(endpoint).size(), endpoint + ": not retried");
    }
  }

  /** 500, 502, 503 and 504 are retried, then reported as ServiceFailure with the status. */
  @Test
  default void serverErrorsAreServiceFailuresAfterTheRetries() {
    for (int status : new int[] {500, 502, 503, 504}) {
      server().reset();
      seedEverything("known");
      server().fault(Fault.status(status));
      for (Endpoint endpoint : List.of(Endpoint.INTERACTION_LINK, Endpoint.CONVERSATION_DETAIL, Endpoint.INTERACTIONS)) {
        NebulyException.ServiceFailure failure =
            expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.ServiceFailure.class, endpoint);
        assertEquals(status, failure.httpStatus().orElse(-1), endpoint + ": status kept");
        assertEquals(
            3,
            server().journal().requestsTo(endpoint).size(),
            endpoint + ": HTTP " + status + " is retried up to maxAttempts (3)");
      }
    }
  }

  /** 503 twice, then 200: the call succeeds after 3 requests. */
  @Test
  default void transientFailuresAreRetriedUntilSuccess() {
    Conversation conversation = ContractData.fullConversation("flaky");
    server().seed(conversation);
    server().seedInteractionLink(InteractionId.of("flaky"), ContractData.linkTo(InteractionId.of("flaky")));
    server().fault(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).times(2));
    server().fault(Fault.status(502).on(Endpoint.INTERACTION_LINK).times(2));

    assertEquals(
        Optional.of(conversation),
        Stages.await(standardAdapter().conversationRepository().findById(conversation.id()), "findById"));
    assertEquals(
        DeepLink.toInteraction(InteractionId.of("flaky"), ContractData.linkTo(InteractionId.of("flaky"))),
        Stages.await(standardAdapter().deepLinkResolver().interactionLink(InteractionId.of("flaky")), "interactionLink"));
    assertEquals(3, server().journal().requestsTo(Endpoint.CONVERSATION_DETAIL).size(), "detail requests");
    assertEquals(3, server().journal().requestsTo(Endpoint.INTERACTION_LINK).size(), "link requests");
  }

  /** A short Retry-After (1 s, under maxRetryAfter) is waited for, then the call succeeds. */
  @Test
  default void shortRetryAfterIsHonouredThenTheCallSucceeds() {
    InteractionId id = InteractionId.of("rate-limited-once");
    server().seedInteractionLink(id, ContractData.linkTo(id));
    server().fault(Fault.rateLimited(Duration.ofSeconds(1)).times(1));

    assertEquals(
        DeepLink.toInteraction(id, ContractData.linkTo(id)),
        Stages.await(standardAdapter().deepLinkResolver().interactionLink(id), "interactionLink"));
    List<RecordedRequest> requests = server().journal().requests();
    assertEquals(2, requests.size(), "one 429, one retry");
    Duration waited = Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt());
    assertTrue(
        waited.compareTo(Duration.ofMillis(950)) >= 0,
        "the retry should wait for Retry-After (1 s), waited " + waited);
  }

  /** An HTML error page becomes the typed error of its status; the page is not dumped. */
  @Test
  default void htmlErrorPagesBecomeTypedErrorsWithoutThePage() {
    String page =
        "<!DOCTYPE html><html><head><title>Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
            + "<p>The upstream server failed.</p>".repeat(100)
            + "<p>END-OF-PAGE-MARKER</p></body></html>";
    Map<Integer, Class<? extends NebulyException>> cases =
        Map.of(
            401, NebulyException.Authentication.class,
            502, NebulyException.ServiceFailure.class,
            503, NebulyException.ServiceFailure.class);
    seedEverything("known");
    for (Map.Entry<Integer, Class<? extends NebulyException>> expected : cases.entrySet()) {
      server().clearFaults().fault(Fault.htmlPage(expected.getKey(), page));
      NebulyException failure =
          expectFailure(
              call(standardAdapter(), Endpoint.CONVERSATION_DETAIL, "known"),
              expected.getValue(),
              Endpoint.CONVERSATION_DETAIL);
      String message = failure.getMessage();
      assertAll(
          "HTML " + expected.getKey(),
          () -> assertEquals(expected.getKey(), failure.httpStatus().orElse(-1), "status kept"),
          () -> assertFalse(message.contains("END-OF-PAGE-MARKER"), "the page is cut: " + message),
          () ->
              assertTrue(
                  message.length() <= NebulyException.MAX_DETAIL_LENGTH + 600,
                  "the message is short, got " + message.length() + " characters"));
    }
  }

  /** An error with no body at all becomes the typed error of its status. */
  @Test
  default void emptyErrorBodiesBecomeTypedErrors() {
    Map<Integer, Class<? extends NebulyException>> cases =
        Map.of(
            401, NebulyException.Authentication.class,
            403, NebulyException.Authentication.class,
            404, NebulyException.NotFound.class,
            429, NebulyException.RateLimited.class,
            503, NebulyException.ServiceFailure.class);
    seedEverything("known");
    for (Map.Entry<Integer, Class<? extends NebulyException>> expected : cases.entrySet()) {
      server().clearFaults().fault(Fault.emptyBody(expected.getKey()));
      NebulyException failure =
          expectFailure(
              call(standardAdapter(), Endpoint.INTERACTION_LINK, "known"),
              expected.getValue(),
              Endpoint.INTERACTION_LINK);
      assertEquals(expected.getKey(), failure.httpStatus().orElse(-1), "empty " + expected.getKey() + ": status kept");
    }
  }

  /** A 200 whose body is not JSON is MalformedResponse, not retried. */
  @Test
  default void malformedJsonIsAMalformedResponse() {
    seedEverything("known");
    server().fault(Fault.malformedJson());

    for (Endpoint endpoint : Endpoint.values()) {
      expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.MalformedResponse.class, endpoint);
      assertEquals(1, server().journal().requestsTo(endpoint).size(), endpoint + ": not retried");
    }
  }

  /** A 200 with no body is MalformedResponse. */
  @Test
  default void emptySuccessBodyIsAMalformedResponse() {
    seedEverything("known");
    server().fault(Fault.emptyBody(200));

    for (Endpoint endpoint : Endpoint.values()) {
      expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.MalformedResponse.class, endpoint);
    }
  }

  /** A connection dropped in the middle of the body is Transport (or MalformedResponse), never a hang. */
  @Test
  default void droppedConnectionIsATransportFailureNotAHang() {
    seedEverything("known");
    server().fault(Fault.dropConnection());

    for (Endpoint endpoint : Endpoint.values()) {
      NebulyException failure =
          expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.class, endpoint);
      assertTrue(
          failure instanceof NebulyException.Transport
              || failure instanceof NebulyException.MalformedResponse,
          endpoint + ": expected Transport or MalformedResponse, got " + failure);
    }
  }

  /** A body announced larger than maxBodySize is MalformedResponse. */
  @Test
  default void bodyLargerThanTheBoundIsAMalformedResponse() {
    seedEverything("known");
    server().fault(Fault.hugeBody(settings().maxBodySize() + 1024 * 1024));

    for (Endpoint endpoint : List.of(Endpoint.INTERACTION_LINK, Endpoint.CONVERSATION_DETAIL)) {
      expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.MalformedResponse.class, endpoint);
    }
  }

  /**
   * A body that does not end (chunked, no length) is cut at maxBodySize: the adapter does not
   * wait for the whole body.
   */
  @Test
  default void endlessBodyIsCutAtTheBound() {
    seedEverything("known");
    server().fault(Fault.hugeChunkedBody(Long.MAX_VALUE));

    for (Endpoint endpoint : List.of(Endpoint.CONVERSATION_LINK, Endpoint.CONVERSATION_DETAIL)) {
      expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.MalformedResponse.class, endpoint);
    }
  }

  /** See the class description: 3 attempts, each ending at the 1 s attempt timeout. */
  @Test
  default void attemptTimeoutFiresOnEveryAttempt() {
    seedEverything("slow");
    server().fault(Fault.delay(Duration.ofSeconds(5)).on(Endpoint.CONVERSATION_DETAIL));

    assertThreeAttemptsEndAtTheirDeadline("slow", "the server's 5 s delays");
  }

  /** Cancelling a stage aborts its request in flight: the server sees the client close the connection. */
  @Test
  default void cancellingAStageAbortsItsRequest() {
    seedEverything("held");
    AdapterUnderTest patient = adapter(settings().withAttemptTimeout(PATIENT));
    CompletableFuture<Void> release = new CompletableFuture<>();
    server().fault(Fault.holdUntil(release));
    try {
      Endpoint[] endpoints = Endpoint.values();
      for (int i = 0; i < endpoints.length; i++) {
        CompletionStage<?> call = call(patient, endpoints[i], "held");
        RecordedRequest held = awaitRequest(i + 1, endpoints[i] + ": the held request");

        call.toCompletableFuture().cancel(true);

        assertTrue(
            server().awaitClosedByPeer(held.connectionId(), Stages.CALL),
            endpoints[i] + ": cancelling the stage should close the request's connection");
      }
    } finally {
      release.complete(null);
    }
  }

  /** A body sent a byte at a time (no idle timeout ever fires) still ends at the attempt deadline. */
  @Test
  default void aTricklingBodyEndsAtTheAttemptDeadline() {
    Conversation conversation = ContractData.fullConversation("trickled");
    server().seed(conversation);
    Duration every = Duration.ofMillis(100);
    server().fault(Fault.trickle(1, every).on(Endpoint.CONVERSATION_DETAIL));
    Duration wholeTrickle = every.multipliedBy(NebulyDocuments.conversation(conversation).length());

    assertThreeAttemptsEndAtTheirDeadline("trickled", "the " + wholeTrickle + " of the trickle");
  }

  /**
   * A call made from the completion of the one before, as a closed loop or a paged stream makes
   * it, keeps nothing of the calls before it: while such a chain runs, its first call's result can
   * be collected. (An adapter that left each attempt in a context the next call inherits kept every
   * result of the chain for as long as the chain ran, and a closed loop ran out of memory.)
   */
  @Test
  default void callsChainedFromCompletionsKeepNoEarlierResult() throws InterruptedException {
    // An attempt deadline far beyond the test: a timer that outlives its call must keep nothing.
    AdapterUnderTest adapter = adapter(settings().withAttemptTimeout(PATIENT));
    seedEverything("known");
    int before = 200;
    CompletableFuture<WeakReference<Conversation>> first = new CompletableFuture<>();
    CompletableFuture<Integer> reached = new CompletableFuture<>();
    CompletableFuture<Integer> stopped = new CompletableFuture<>();
    AtomicBoolean stop = new AtomicBoolean();
    chainCalls(adapter, 0, before, stop, first, reached, stopped);

    boolean collected;
    try {
      Stages.await(reached, "a chain of " + before + " calls, each made from the completion of the one before");
      WeakReference<Conversation> kept = Stages.await(first, "the first call of the chain");
      // Collected while the chain still runs: what the running chain keeps is what a loop keeps.
      for (int i = 0; i < 50 && kept.get() != null; i++) {
        System.gc();
        Thread.sleep(20);
      }
      collected = kept.get() == null;
    } finally {
      stop.set(true);
    }
    int made = Stages.await(stopped, "the end of the chain");
    assertTrue(collected, "the first result of a running chain is still reachable after " + made + " chained calls");
  }

  /**
   * Makes call number {@code made} of a chain, and the next one from its completion until told to
   * stop; completes {@code reached} once {@code count} calls are made, and {@code stopped} with the
   * number made.
   */
  private static void chainCalls(
      AdapterUnderTest adapter,
      int made,
      int count,
      AtomicBoolean stop,
      CompletableFuture<WeakReference<Conversation>> first,
      CompletableFuture<Integer> reached,
      CompletableFuture<Integer> stopped) {
    adapter
        .conversationRepository()
        .findById(ConversationId.of("known"))
        .whenComplete(
            (found, failure) -> {
              if (failure != null || found.isEmpty()) {
                AssertionError broken = new AssertionError("call " + made + " of the chain found no conversation", failure);
                reached.completeExceptionally(broken);
                stopped.completeExceptionally(broken);
                return;
              }
              if (made == 0) {
                first.complete(new WeakReference<>(found.get()));
              }
              if (made + 1 == count) {
                reached.complete(count);
              }
              if (stop.get()) {
                stopped.complete(made + 1);
              } else {
                chainCalls(adapter, made + 1, count, stop, first, reached, stopped);
              }
            });
  }

  /** Keep-alive: sequential calls, whatever their endpoint, use one connection. */
  @Test
  default void sequentialCallsShareOneConnection() {
    seedEverything("known");
    AdapterUnderTest single = adapter(settings().withMaxConnections(1));

    for (int i = 0; i < 6; i++) {
      Endpoint endpoint = Endpoint.values()[i % Endpoint.values().length];
      Stages.await(call(single, endpoint, "known"), "sequential call " + i + " (" + endpoint + ")");
    }

    List<Long> connections =
        server().journal().requests().stream().map(RecordedRequest::connectionId).toList();
    assertEquals(6, connections.size(), "one request per call");
    assertEquals(
        1,
        connections.stream().distinct().count(),
        "6 sequential calls through a pool of one should keep one connection alive, used " + connections);
  }

  /** A 3xx answer is not followed (its Location would answer 200): a ServiceFailure, sent once. */
  @Test
  default void redirectsAreNotFollowed() {
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      for (Endpoint endpoint : Endpoint.values()) {
        server().reset();
        seedEverything("known");
        URI sameResource = URI.create(server().baseUrl() + pathOf(endpoint, "known"));
        server().fault(Fault.redirect(status, sameResource).on(endpoint).times(1));

        NebulyException.ServiceFailure failure =
            expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.ServiceFailure.class, endpoint);

        assertEquals(status, failure.httpStatus().orElse(-1), endpoint + ": status " + status + " kept");
        assertFalse(failure.isRetryable(), endpoint + ": " + status + " is not retryable");
        assertEquals(
            1,
            server().journal().requestsTo(endpoint).size(),
            endpoint + ": " + status + " is neither followed nor retried");
      }
    }
  }

  /**
   * An error page far larger than maxBodySize (announced, or endless) is cut at the bound and typed
   * by its status: an adapter that read it whole would never end the endless one.
   */
  @Test
  default void oversizedErrorPagesAreCutAndTypedByTheirStatus() {
    seedEverything("known");
    List<Fault> pages =
        List.of(Fault.hugeChunkedBody(503, Long.MAX_VALUE), Fault.hugeBody(503, settings().maxBodySize() * 4));
    for (Fault page : pages) {
      for (Endpoint endpoint : List.of(Endpoint.INTERACTION_LINK, Endpoint.CONVERSATION_DETAIL)) {
        server().clearFaults().fault(page.on(endpoint));
        int before = server().journal().requestsTo(endpoint).size();

        NebulyException.ServiceFailure failure =
            expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.ServiceFailure.class, endpoint);

        assertEquals(503, failure.httpStatus().orElse(-1), endpoint + ": typed by the status of " + page);
        assertEquals(
            3,
            server().journal().requestsTo(endpoint).size() - before,
            endpoint + ": a 503 is retried up to maxAttempts (3), page or not");
      }
    }
  }

  /** With a pool of one, a call cancelled in flight leaves no connection behind. */
  @Test
  default void aCancelledCallLeavesNoConnectionBehind() {
    AdapterUnderTest single = adapter(settings().withAttemptTimeout(PATIENT).withMaxConnections(1));
    seedEverything("known");
    CompletableFuture<Void> release = new CompletableFuture<>();
    server().fault(Fault.holdUntil(release).times(1));
    try {
      CompletionStage<?> held = call(single, Endpoint.INTERACTION_LINK, "known");
      awaitRequest(1, "the held request");

      held.toCompletableFuture().cancel(true);

      assertServedAtOnce(single, "a cancelled call");
    } finally {
      release.complete(null);
    }
  }

  /** With a pool of one, calls aborted at the attempt deadline or at the body bound leave no connection behind. */
  @Test
  default void anAbortedCallLeavesNoConnectionBehind() {
    AdapterUnderTest single = adapter(settings().withMaxConnections(1));
    seedEverything("known");

    server().fault(Fault.delay(Duration.ofSeconds(5)).on(Endpoint.CONVERSATION_DETAIL).times(3));
    expectFailure(call(single, Endpoint.CONVERSATION_DETAIL, "known"), NebulyException.Timeout.class, Endpoint.CONVERSATION_DETAIL);
    assertServedAtOnce(single, "3 attempts that timed out");

    server().clearFaults().fault(Fault.hugeChunkedBody(Long.MAX_VALUE).on(Endpoint.CONVERSATION_LINK).times(1));
    expectFailure(call(single, Endpoint.CONVERSATION_LINK, "known"), NebulyException.MalformedResponse.class, Endpoint.CONVERSATION_LINK);
    assertServedAtOnce(single, "an endless body cut at the bound");
  }

  /**
   * Calls cancelled while they wait for the pool's only connection, and the call that holds it, log
   * nothing at WARN or above; afterwards the pool serves the next calls.
   */
  @Test
  default void cancelledCallsLogNothingAtWarnOrAbove() {
    AdapterUnderTest single = adapter(settings().withAttemptTimeout(PATIENT).withMaxConnections(1));
    seedEverything("known");
    CompletableFuture<Void> release = new CompletableFuture<>();
    server().fault(Fault.holdUntil(release).times(1));
    try (LogCapture logs = captureLogs()) {
      CompletionStage<?> inFlight = call(single, Endpoint.CONVERSATION_DETAIL, "known");
      awaitRequest(1, "the held request");
      List<CompletionStage<?>> waiting = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        waiting.add(call(single, Endpoint.values()[i % Endpoint.values().length], "known"));
      }

      waiting.forEach(stage -> stage.toCompletableFuture().cancel(true));
      inFlight.toCompletableFuture().cancel(true);
      release.complete(null);
      assertServedAtOnce(single, "cancelled calls");

      assertEquals(List.of(), logs.warnings(), "cancelled calls should log nothing at WARN or above");
    } finally {
      release.complete(null);
    }
  }

  /**
   * Calls cancelled while they wait for the pool's only connection are never sent, neither when it
   * frees nor later: the call queued behind them gets it, and the journal holds no request of
   * theirs.
   */
  @Test
  default void callsCancelledWhileWaitingForAConnectionAreNeverSent() {
    AdapterUnderTest single = adapter(settings().withAttemptTimeout(PATIENT).withMaxConnections(1));
    seedEverything("known");
    String cancelledId = "cancelled-while-waiting";
    CompletableFuture<Void> release = new CompletableFuture<>();
    server().fault(Fault.holdUntil(release).times(1));
    try {
      CompletionStage<?> holding = call(single, Endpoint.CONVERSATION_DETAIL, "known");
      awaitRequest(1, "the held request");
      List<CompletionStage<?>> waiting = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        waiting.add(call(single, Endpoint.values()[i % Endpoint.values().length], cancelledId));
      }
      CompletionStage<?> behind = call(single, Endpoint.INTERACTION_LINK, "known");

      waiting.forEach(stage -> stage.toCompletableFuture().cancel(true));
      release.complete(null);
      Stages.await(holding, "the held call, once released");
      Stages.await(behind, "the call queued behind the cancelled ones");
      assertServedAtOnce(single, "calls cancelled while they waited");

      List<RecordedRequest> sent = server().journal().requests();
      assertEquals(
          List.of(),
          sent.stream().filter(request -> request.rawPath().contains(cancelledId) || request.body().contains(cancelledId)).toList(),
          "a call cancelled while it waited for a connection should never be sent");
      assertEquals(
          2 + Endpoint.values().length,
          sent.size(),
          "the held call, the one behind the cancelled calls and one per endpoint after them, each sent once: " + sent);
    } finally {
      release.complete(null);
    }
  }

  /**
   * Cancelling a call leaves alone the connection it gave back: while the call waits to retry (a
   * 429 with a Retry-After of 2 s), its connection serves another call, which must succeed on its
   * first request. On HTTP/1.1 an abort closes the connection, so an abort of an attempt whose
   * answer has ended breaks whichever call uses the connection next.
   */
  @Test
  default void cancellingACallLeavesTheConnectionItGaveBackAlone() {
    // A pool of its own (a distinct attempt timeout), so that no other case's connection is in it.
    AdapterUnderTest single = adapter(settings().withAttemptTimeout(PATIENT.plusSeconds(1)).withMaxConnections(1));
    seedEverything("known");
    CompletableFuture<Void> release = new CompletableFuture<>();
    server().fault(Fault.rateLimited(Duration.ofSeconds(2)).forId("waits-to-retry").times(1));
    server().fault(Fault.holdUntil(release).forId("known").times(1));
    try {
      CompletionStage<?> retrying = call(single, Endpoint.INTERACTION_LINK, "waits-to-retry");
      RecordedRequest limited = awaitRequest(1, "the request answered 429");
      CompletionStage<?> using = call(single, Endpoint.CONVERSATION_LINK, "known");
      RecordedRequest held = awaitRequest(2, "the request of the call that takes the connection over");

      retrying.toCompletableFuture().cancel(true);
      release.complete(null);

      Stages.await(using, "the call on the connection the cancelled call gave back");
      assertEquals(
          limited.connectionId(),
          held.connectionId(),
          "with a pool of one, the second call should reuse the connection of the first");
      assertEquals(
          2,
          server().journal().count(),
          "the call on that connection should succeed on its first request, and the cancelled call never retry: "
              + server().journal());
    } finally {
      release.complete(null);
    }
  }

  /** Every documented variant is read: timestamps, numbers, tag values, nulls, unknown fields. */
  @Test
  default void lenientDecodingOfTheDocumentedVariants() {
    String document =
        "{\"id\": \"lenient\", \"session_length\": 3.0, \"session_time\": 0.123456789,"
            + " \"start_session\": \"2024-05-30T11:27:52.420+02:00\", \"end_session\": \"2024-05-30 09:27:53.5\","
            + " \"cost\": 1523.75, \"tags\": {\"text\": \"web\", \"count\": 42, \"flag\": true, \"ratio\": 1.5},"
            + " \"emotions\": [\"joy\"], \"custom_aggregates\": {\"escalations\": 7, \"resolved\": false},"
            + " \"project_id\": \"unknown field\", \"nested_unknown\": {\"a\": [1, {\"b\": null}]},"
            + " \"conversation\": ["
            + interaction("t0", "2024-05-30T09:27:52Z", ", \"unknown\": {\"x\": 1}")
            + ", " + interaction("t1", "2024-05-30T09:27:52.4Z", "")
            + ", " + interaction("t2", "2024-05-30T09:27:52.42Z", "")
            + ", " + interaction("t3", "2024-05-30T09:27:52.420Z", "")
            + ", " + interaction("t4", "2024-05-30T09:27:52.4201Z", "")
            + ", " + interaction("t5", "2024-05-30T09:27:52.42012Z", "")
            + ", " + interaction("t6", "2024-05-30T09:27:52.420123Z", "")
            + ", " + interaction("t7", "2024-05-30T09:27:52.4201234Z", "")
            + ", " + interaction("t8", "2024-05-30T09:27:52.42012345Z", "")
            + ", " + interaction("t9", "2024-05-30T09:27:52.420123456Z", "")
            + ", " + interaction("offset", "2024-05-30T11:27:52.420+02:00", "")
            + ", " + interaction("no-offset", "2024-05-30T09:27:52.420", "")
            + ", " + interaction("space", "2024-05-30 09:27:52.420Z", "")
            + "]}";
    server().seedRaw(ConversationId.of("lenient"), document);

    Conversation found =
        Stages.await(standardAdapter().conversationRepository().findById(ConversationId.of("lenient")), "findById(lenient)")
            .orElseThrow(() -> new AssertionError("the lenient document was not found"));

    Instant base = Instant.parse("2024-05-30T09:27:52Z");
    long[] nanos = {0, 400_000_000, 420_000_000, 420_000_000, 420_100_000, 420_120_000, 420_123_000, 420_123_400, 420_123_450, 420_123_456};
    List<Instant> expectedTimestamps = new ArrayList<>();
    for (long n : nanos) {
      expectedTimestamps.add(base.plusNanos(n));
    }
    Instant standard = Instant.parse("2024-05-30T09:27:52.420Z");
    expectedTimestamps.addAll(List.of(standard, standard, standard));
    List<Instant> timestamps = found.interactions().stream().map(i -> i.timestamp().orElse(null)).toList();
    assertAll(
        () -> assertEquals(expectedTimestamps, timestamps, "timestamps: Z, +02:00, no offset, 0-9 digits, space"),
        () -> assertEquals(13, found.interactions().size(), "interactions"),
        () -> assertEquals(3, found.sessionLength().orElse(-1), "session_length 3.0"),
        () -> assertEquals(Optional.of(Duration.ofNanos(123_456_789)), found.sessionTime(), "session_time"),
        () -> assertEquals(Optional.of(standard), found.startSession(), "start_session with +02:00"),
        () -> assertEquals(Optional.of(Instant.parse("2024-05-30T09:27:53.500Z")), found.endSession(), "end_session with a space and no offset"),
        () -> assertEquals(Optional.of(MicroDollars.parse("1523.75")), found.cost(), "cost"),
        () -> assertEquals(Map.of("text", "web", "count", "42", "flag", "true", "ratio", "1.5"), found.tags(), "tag values keep their JSON text"),
        () -> assertEquals(Map.of("escalations", "7", "resolved", "false"), found.customAggregates(), "custom aggregate values keep their JSON text"),
        () -> assertEquals(List.of("joy"), found.emotions(), "emotions"));
  }

  /** Nullable fields may be null or absent, and the interactions may be empty. */
  @Test
  default void nullAndAbsentNullableFieldsAreEmpty() {
    server().seedRaw(
        ConversationId.of("nulls"),
        "{\"id\": \"nulls\", \"session_length\": null, \"session_time\": null, \"start_session\": null,"
            + " \"end_session\": null, \"cost\": null, \"tags\": null, \"emotions\": null,"
            + " \"custom_aggregates\": null, \"conversation\": [{\"id\": \"n1\", \"input\": \"i\","
            + " \"output\": \"o\", \"timestamp\": \"2024-05-30T09:27:52.420Z\","
            + " \"end_timestamp\": \"2024-05-30T09:27:53.420Z\", \"user_query\": null, \"topic\": null,"
            + " \"sentiment\": null, \"type_of_risk\": null, \"moderation_issue\": null,"
            + " \"business_issue\": null}]}");
    server().seedRaw(
        ConversationId.of("absent"),
        "{\"id\": \"absent\", \"conversation\": [{\"id\": \"n1\", \"input\": \"i\", \"output\": \"o\","
            + " \"timestamp\": \"2024-05-30T09:27:52.420Z\", \"end_timestamp\": \"2024-05-30T09:27:53.420Z\"}]}");
    server().seedRaw(ConversationId.of("no-interactions"), "{\"id\": \"no-interactions\", \"conversation\": []}");

    Conversation nulls = findRaw("nulls");
    Conversation absent = findRaw("absent");
    Conversation empty = findRaw("no-interactions");
    assertAll(
        () -> assertEquals(withOnlyInteraction("nulls"), nulls, "null fields"),
        () -> assertEquals(withOnlyInteraction("absent"), absent, "absent fields"),
        () -> assertEquals(ContractData.emptyConversation("no-interactions"), empty, "no interactions"),
        () -> assertTrue(nulls.tags().isEmpty() && nulls.customAggregates().isEmpty(), "null maps are empty"));
  }

  /** Exact money: {@code 0.1} and {@code 1523.75} µUSD arrive exactly, never through double. */
  @Test
  default void costIsExact() {
    server().seedRaw(ConversationId.of("tenth"), "{\"id\": \"tenth\", \"cost\": 0.1, \"conversation\": []}");
    server().seedRaw(ConversationId.of("big"), "{\"id\": \"big\", \"cost\": 123456789012345.000001, \"conversation\": []}");

    assertEquals(Optional.of(MicroDollars.parse("0.1")), findRaw("tenth").cost(), "0.1");
    assertEquals(
        Optional.of(MicroDollars.parse("123456789012345.000001")), findRaw("big").cost(), "a cost beyond double's precision");
  }

  /** The API key never appears in a message, even when the server echoes it back in every way. */
  @Test
  default void apiKeyNeverAppearsInErrorMessages() {
    String key = ContractSettings.API_KEY;
    seedEverything("known");
    List<Fault> echoes =
        List.of(
            Fault.status(401, NebulyDocuments.error("Invalid key " + key)),
            Fault.status(403, NebulyDocuments.error("Key " + key + " is revoked")),
            Fault.status(404, NebulyDocuments.error("Nothing for Bearer " + key)),
            Fault.status(
                422,
                NebulyDocuments.validationError(
                    List.of(new RequestViolation(List.of("header", key), "bad " + key, "value_error." + key)))),
            Fault.status(429, NebulyDocuments.error("Slow down, " + key)),
            Fault.status(500, NebulyDocuments.error("Upstream rejected Authorization: Bearer " + key)),
            Fault.htmlPage(502, "<html><body>Bearer " + key + "</body></html>"),
            Fault.status(200, "{\"url\": \"https://example.com/" + key));
    for (Fault echo : echoes) {
      server().clearFaults().fault(echo);
      for (Endpoint endpoint : List.of(Endpoint.INTERACTION_LINK, Endpoint.CONVERSATION_LINK)) {
        expectFailure(call(standardAdapter(), endpoint, "known"), NebulyException.class, endpoint);
      }
    }
    server().clearFaults().fault(Fault.dropConnection());
    expectFailure(call(standardAdapter(), Endpoint.CONVERSATION_DETAIL, "known"), NebulyException.class, Endpoint.CONVERSATION_DETAIL);
    server().clearFaults().fault(Fault.hugeBody(settings().maxBodySize() + 1));
    expectFailure(call(standardAdapter(), Endpoint.CONVERSATION_DETAIL, "known"), NebulyException.class, Endpoint.CONVERSATION_DETAIL);
  }

  private ContractSettings settings() {
    return ContractSettings.standard(server().baseUrl());
  }

  private AdapterUnderTest standardAdapter() {
    return adapter(settings());
  }

  private String basePath() {
    return server().baseUrl().getRawPath();
  }

  /** Seeds a link of each kind, a conversation and a row of each listing, all with the same id. */
  private void seedEverything(String id) {
    Instant at = ListingContract.RANGE.start().plus(Duration.ofHours(1));
    server()
        .seedInteractionLink(InteractionId.of(id), ContractData.linkTo(InteractionId.of(id)))
        .seedConversationLink(ConversationId.of(id), ContractData.linkTo(ConversationId.of(id)))
        .seed(ContractData.fullConversation(id))
        .seedInteractionRows(List.of(ListingData.fullInteraction(id, at)))
        .seedConversationRows(List.of(ListingData.fullConversation(id, at)));
  }

  private Conversation findRaw(String id) {
    return Stages.await(standardAdapter().conversationRepository().findById(ConversationId.of(id)), "findById(" + id + ")")
        .orElseThrow(() -> new AssertionError("conversation '" + id + "' was not found"));
  }

  private static Conversation withOnlyInteraction(String id) {
    Conversation minimal = ContractData.minimalConversation(id);
    return minimal.withInteractions(
        minimal.interactions().get(0).withId(InteractionId.of("n1")).withInput("i").withOutput("o")
            .withTimestamp(Instant.parse("2024-05-30T09:27:52.420Z"))
            .withEndTimestamp(Instant.parse("2024-05-30T09:27:53.420Z")));
  }

  private static String interaction(String id, String timestamp, String extra) {
    return "{\"id\": \"" + id + "\", \"input\": \"in\", \"output\": \"out\", \"timestamp\": \""
        + timestamp + "\", \"end_timestamp\": \"" + timestamp + "\"" + extra + "}";
  }

  /**
   * Calls the endpoint; the switch has no default, so a new endpoint must be given its call. A
   * listing endpoint is asked for its first page over {@link ListingContract#RANGE}, whatever the
   * id.
   */
  private static CompletionStage<?> call(AdapterUnderTest adapter, Endpoint endpoint, String id) {
    return switch (endpoint) {
      case INTERACTION_LINK -> adapter.deepLinkResolver().interactionLink(InteractionId.of(id));
      case CONVERSATION_LINK -> adapter.deepLinkResolver().conversationLink(ConversationId.of(id));
      case CONVERSATION_DETAIL -> adapter.conversationRepository().findById(ConversationId.of(id));
      case INTERACTIONS ->
          adapter.interactionSearch().interactionPage(InteractionQuery.builder().timeRange(ListingContract.RANGE).build(), 0);
      case INTERACTION_AGGREGATES ->
          adapter
              .conversationListing()
              .conversationPage(ConversationQuery.builder().timeRange(ListingContract.RANGE).build(), 0);
    };
  }

  /** The path below the base URL that a call of the endpoint for {@code id} requests. */
  private static String pathOf(Endpoint endpoint, String id) {
    return endpoint.idInPath() ? endpoint.path() + id : endpoint.path();
  }

  /**
   * Calls the detail endpoint for {@code id}, whose every attempt the server makes slow, and
   * expects a Timeout after 3 attempts that each ended at the attempt deadline.
   */
  private void assertThreeAttemptsEndAtTheirDeadline(String id, String slowness) {
    ContractSettings settings = settings();
    long start = System.nanoTime();
    expectFailure(
        call(standardAdapter(), Endpoint.CONVERSATION_DETAIL, id),
        NebulyException.Timeout.class,
        Endpoint.CONVERSATION_DETAIL);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    Duration attempts = settings.attemptTimeout().multipliedBy(3);
    assertEquals(
        3,
        server().journal().requestsTo(Endpoint.CONVERSATION_DETAIL).size(),
        "a timeout is retried up to maxAttempts (3)");
    assertTrue(
        elapsed.compareTo(attempts.minusMillis(100)) >= 0,
        "3 attempts of " + settings.attemptTimeout() + " each should take at least " + attempts + ", took " + elapsed);
    assertTrue(
        elapsed.compareTo(Duration.ofSeconds(9)) < 0,
        "each attempt should end at its deadline, not after " + slowness + "; took " + elapsed);
  }

  /** Calls every endpoint once and expects each answer at once: the pool has a connection to give. */
  private void assertServedAtOnce(AdapterUnderTest adapter, String after) {
    for (Endpoint endpoint : Endpoint.values()) {
      Stages.await(
          call(adapter, endpoint, "known"),
          endpoint + " after " + after + " (with a pool of one, a connection left behind starves it)");
    }
  }

  /** Waits for the {@code number}th request of the test and returns it. */
  private RecordedRequest awaitRequest(int number, String what) {
    assertTrue(
        server().journal().awaitCount(number, Stages.CALL),
        what + " never reached the server: " + server().journal());
    return server().journal().requests().get(number - 1);
  }

  /** Expects a failure of the given type whose messages never contain the API key. */
  private static <E extends NebulyException> E expectFailure(
      CompletionStage<?> stage, Class<E> type, Endpoint endpoint) {
    E failure = Stages.failure(stage, type, endpoint.toString());
    Stages.assertNoSecret(failure, ContractSettings.API_KEY);
    assertFalse(
        failure.detail().orElse("").contains(ContractSettings.API_KEY),
        endpoint + ": the API key appears in detail()");
    return failure;
  }

  private void assertOneSegment(RecordedRequest request, String endpointPath, String id) {
    String prefix = basePath() + endpointPath;
    assertAll(
        "id '" + id + "' sent as " + request.rawPath(),
        () -> assertTrue(request.rawPath().startsWith(prefix), "path starts with " + prefix),
        () -> assertFalse(request.rawPath().substring(Math.min(prefix.length(), request.rawPath().length())).contains("/"), "one segment"),
        () -> assertEquals(Optional.empty(), request.rawQuery(), "no query"),
        () -> assertEquals(Optional.of(id), request.decodedLastSegment(), "the segment decodes to the id"));
  }

  private static boolean acceptsJson(RecordedRequest request) {
    return request.headerValues("Accept").stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .anyMatch(HttpAdapterContract::isJson);
  }

  private static boolean isJson(String mediaType) {
    return mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
  }
}
