package io.github.nebuly4j.wire;

import static io.github.nebuly4j.wire.ScriptedTransport.answer;
import static io.github.nebuly4j.wire.ScriptedTransport.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NebulyExchange} over a {@link ScriptedTransport}: nothing runs unless the test says so, so
 * every race (a timer against an answer, a cancellation against a send) is played in a fixed order.
 */
class NebulyExchangeTest {
  private static final String KEY = "nb-exchange-KEY-8f2d";
  private static final String BASE = "https://nebuly.example/prefix/api/external";
  private static final String LINK = "{\"url\": \"https://v2.platform.eu.nebuly.com/live-activity?x=1\"}";
  private static final String CONVERSATION = "{\"id\": \"c-1\", \"conversation\": []}";

  private final ScriptedTransport transport = new ScriptedTransport();

  private static NebulySettings.Builder settings() {
    return NebulySettings.builder()
        .baseUrl(BASE + "/")
        .apiKey(KEY)
        .connectTimeout(Duration.ofSeconds(2))
        .attemptTimeout(Duration.ofSeconds(5))
        .maxBodySize(1000)
        .retryPolicy(RetryPolicy.none());
  }

  private static RetryPolicy retries(int attempts, Duration backoff) {
    return RetryPolicy.builder()
        .maxAttempts(attempts)
        .initialBackoff(backoff)
        .maxBackoff(backoff)
        .jitter(0)
        .maxRetryAfter(Duration.ofSeconds(3))
        .deadline(Duration.ofMinutes(10))
        .build();
  }

  private NebulyExchange exchange(NebulySettings.Builder settings) {
    return NebulyExchange.create(settings.build(), transport, () -> 0.0, transport.nanos::get);
  }

  private NebulyExchange exchange() {
    return exchange(settings());
  }

  private static <T> T value(CompletableFuture<T> call) throws Exception {
    assertThat(call).isDone();
    return call.get();
  }

  private static Throwable failure(CompletableFuture<?> call) {
    assertThat(call).isCompletedExceptionally();
    try {
      call.get();
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the call succeeded");
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Nested
  class Requests {

    @ParameterizedTest
    @CsvSource(
        delimiterString = "|",
        value = {
          "3f1c2a9e-0b7d-4c55-9a11-2f3e4d5c6b7a | 3f1c2a9e-0b7d-4c55-9a11-2f3e4d5c6b7a",
          "a/b | a%2Fb",
          "../x | ..%2Fx",
          "x y | x%20y",
          "ü | %C3%BC",
          "?&#= | %3F%26%23%3D",
          "%2F | %252F",
          "a+b | a%2Bb",
          "... | ..."
        })
    void eachLinkIdIsPercentEncodedAsOneSegment(String id, String encoded) {
      NebulyExchange nebuly = exchange();

      nebuly.interactionLink(InteractionId.of(id));
      nebuly.conversationLink(ConversationId.of(id));

      WireRequest interaction = transport.sent.get(0).request;
      assertThat(interaction.endpoint()).isEqualTo(WireEndpoint.INTERACTION_LINK);
      assertThat(interaction.method()).isEqualTo("GET");
      assertThat(interaction.url()).isEqualTo(BASE + "/deeplinks/interaction/" + encoded);
      assertThat(interaction.pathId()).isEqualTo(encoded);
      assertThat(interaction.body()).isNull();
      WireRequest conversation = transport.sent.get(1).request;
      assertThat(conversation.endpoint()).isEqualTo(WireEndpoint.CONVERSATION_LINK);
      assertThat(conversation.method()).isEqualTo("GET");
      assertThat(conversation.url()).isEqualTo(BASE + "/deeplinks/conversation/" + encoded);
      assertThat(conversation.pathId()).isEqualTo(encoded);
    }

    @Test
    void anIdCannotClimbOutOfItsSegment() {
      exchange().interactionLink(InteractionId.of("../../x"));

      URI sent = URI.create(transport.last().request.url());
      assertThat(sent.normalize().getRawPath()).isEqualTo("/prefix/api/external/deeplinks/interaction/..%2F..%2Fx");
    }

    @Test
    void linkRequestsCarryTheKeyTheMediaTypeAndTheVersionAndNoBody() {
      exchange().interactionLink(InteractionId.of("i-1"));

      WireRequest request = transport.last().request;
      assertThat(request.headers())
          .containsOnlyKeys("Authorization", "Accept", "User-Agent")
          .containsEntry("Authorization", "Bearer " + KEY)
          .containsEntry("Accept", "application/json");
      assertThat(request.headers().get("User-Agent")).matches("nebuly4j/\\d+\\.\\d+\\.\\d+\\S*");
      assertThat(request.maxBodyBytes()).isEqualTo(1000);
    }

    @Test
    void findByIdPostsTheDocumentedBody() {
      exchange().findById(ConversationId.of("c/1 \"q\""));

      WireRequest request = transport.last().request;
      assertThat(request.endpoint()).isEqualTo(WireEndpoint.CONVERSATION_DETAIL);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.url()).isEqualTo(BASE + "/get-conversation-detail");
      assertThat(request.pathId()).isNull();
      assertThat(request.headers())
          .containsEntry("Content-Type", "application/json")
          .containsEntry("Authorization", "Bearer " + KEY)
          .containsEntry("Accept", "application/json")
          .containsKey("User-Agent");
      assertThat(text(request.body())).isEqualTo("{\"conversation_id\":\"c/1 \\\"q\\\"\"}");
    }

    @Test
    void aRequestDescribesItselfWithoutTheKey() {
      exchange().findById(ConversationId.of("c-1"));

      assertThat(transport.last().request.toString())
          .doesNotContain(KEY)
          .contains("POST", BASE + "/get-conversation-detail", "Authorization");
    }

    @Test
    void nullIdsAreRefusedBeforeAnythingIsSent() {
      NebulyExchange nebuly = exchange();

      assertThatThrownBy(() -> nebuly.interactionLink(null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nebuly.conversationLink(null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nebuly.findById(null)).isInstanceOf(IllegalArgumentException.class);
      assertThat(transport.sent).isEmpty();
      assertThatThrownBy(() -> NebulyExchange.create(null, transport)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> NebulyExchange.create(settings().build(), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Answers {

    @Test
    void linksAreRead() throws Exception {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> interaction = nebuly.interactionLink(InteractionId.of("i/1"));
      CompletableFuture<DeepLink> conversation = nebuly.conversationLink(ConversationId.of("c-1"));

      transport.sent.get(0).listener.connected();
      transport.sent.get(0).listener.answered(answer(200, LINK));
      transport.sent.get(1).listener.answered(answer(200, LINK));

      assertThat(value(interaction).uri()).isEqualTo(URI.create("https://v2.platform.eu.nebuly.com/live-activity?x=1"));
      assertThat(value(interaction).target()).isEqualTo(LinkTarget.INTERACTION);
      assertThat(value(interaction).targetId()).isEqualTo("i/1");
      assertThat(value(conversation).target()).isEqualTo(LinkTarget.CONVERSATION);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void onlyTheBytesUpToTheLengthAreRead() throws Exception {
      CompletableFuture<Optional<Conversation>> call = exchange().findById(ConversationId.of("c-1"));
      byte[] padded = (CONVERSATION + "GARBAGE AFTER THE LENGTH").getBytes(StandardCharsets.UTF_8);

      transport.last().listener.answered(new WireAnswer(200, name -> null, padded, CONVERSATION.length(), false));

      assertThat(value(call).orElseThrow().id()).isEqualTo(ConversationId.of("c-1"));
    }

    @Test
    void aMissingConversationIsEmptyButAMissingLinkIsNotFound() throws Exception {
      NebulyExchange nebuly = exchange();
      CompletableFuture<Optional<Conversation>> conversation = nebuly.findById(ConversationId.of("c-0"));
      CompletableFuture<DeepLink> link = nebuly.interactionLink(InteractionId.of("i-0"));

      transport.sent.get(0).listener.answered(answer(404, "{\"detail\": \"Conversation not found\"}"));
      transport.sent.get(1).listener.answered(answer(404, "{\"detail\": \"Interaction not found\"}"));

      assertThat(value(conversation)).isEmpty();
      assertThat(failure(link)).isInstanceOf(NebulyException.NotFound.class);
      assertThat(((NebulyException.NotFound) failure(link)).resource()).isEqualTo("interaction 'i-0'");
      assertThat(failure(link).getMessage()).contains("Interaction not found");
    }

    @ParameterizedTest
    @CsvSource({
      "401, Authentication, false",
      "403, Authentication, false",
      "400, InvalidRequest, false",
      "405, InvalidRequest, false",
      "409, InvalidRequest, false",
      "413, InvalidRequest, false",
      "422, InvalidRequest, false",
      "429, RateLimited, true",
      "500, ServiceFailure, true",
      "501, ServiceFailure, false",
      "502, ServiceFailure, true",
      "503, ServiceFailure, true",
      "504, ServiceFailure, true",
      "505, ServiceFailure, false",
      "301, ServiceFailure, false",
      "302, ServiceFailure, false",
      "304, ServiceFailure, false",
      "204, MalformedResponse, false",
      "600, Transport, true",
      "99, Transport, true"
    })
    void eachStatusIsItsErrorKind(int status, String kind, boolean retryable) {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(status, "{\"detail\": \"said the server\"}"));

      Throwable failure = failure(call);
      assertThat(failure.getClass().getSimpleName()).isEqualTo(kind);
      assertThat(((NebulyException) failure).isRetryable()).isEqualTo(retryable);
      if (status >= 100 && status <= 599) {
        assertThat(((NebulyException) failure).httpStatus()).hasValue(status);
      }
    }

    @Test
    void aRedirectIsNotFollowedAndSaysTheBaseUrlMayBeWrong() {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(302, Map.of("Location", "https://elsewhere.example/"), ""));

      assertThat(failure(call)).isInstanceOf(NebulyException.ServiceFailure.class).hasMessageContaining("base URL");
      assertThat(transport.sent).hasSize(1);
    }

    @Test
    void aRefusalIsTypedWithFastApisViolationsAndRateLimitsWithTheServersWait() {
      NebulyExchange nebuly = exchange();
      CompletableFuture<Optional<Conversation>> invalid = nebuly.findById(ConversationId.of("c-1"));
      CompletableFuture<Optional<Conversation>> limited = nebuly.findById(ConversationId.of("c-1"));

      transport.sent.get(0).listener.answered(answer(422,
          "{\"detail\": [{\"loc\": [\"body\", \"conversation_id\"], \"msg\": \"field required\", \"type\": \"missing\"}]}"));
      transport.sent.get(1).listener.answered(answer(429, Map.of("Retry-After", "7"), ""));

      assertThat(((NebulyException.InvalidRequest) failure(invalid)).violations())
          .containsExactly(new RequestViolation(List.of("body", "conversation_id"), "field required", "missing"));
      assertThat(((NebulyException.RateLimited) failure(limited)).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aTruncatedSuccessIsMalformedAndNamesTheBound() {
      CompletableFuture<Optional<Conversation>> call = exchange().findById(ConversationId.of("c-1"));

      transport.last().listener.answered(truncated(200, Map.of(), "{\"id\": \"c-1\", \"conversation\": [{\"id"));

      assertThat(failure(call)).isInstanceOf(NebulyException.MalformedResponse.class).hasMessageContaining("1000 bytes");
      assertThat(((NebulyException) failure(call)).httpStatus()).hasValue(200);
    }

    @Test
    void aTruncatedErrorPageIsStillTypedByItsStatus() {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> unavailable = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<DeepLink> refused = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<Optional<Conversation>> missing = nebuly.findById(ConversationId.of("c-1"));

      transport.sent.get(0).listener.answered(truncated(503, Map.of("Content-Type", "text/html"),
          "<html><head><title>Down for maintenance</title></head><body>" + "x".repeat(900)));
      transport.sent.get(1).listener.answered(truncated(401, Map.of(), "{\"detail\": \"bad key, and then a lo"));
      transport.sent.get(2).listener.answered(truncated(404, Map.of(), "{\"detail\": \"Conversation not fou"));

      assertThat(failure(unavailable)).isInstanceOf(NebulyException.ServiceFailure.class)
          .hasMessageContaining("Down for maintenance");
      assertThat(((NebulyException) failure(unavailable)).httpStatus()).hasValue(503);
      assertThat(failure(refused)).isInstanceOf(NebulyException.Authentication.class);
      assertThat(missing).isCompletedWithValue(Optional.empty());
    }

    /**
     * The transport contract lets a truncated answer carry only the first ERROR_TEXT_BYTES of an
     * error page and nothing of a success: the exchange must decide the same with that as with all.
     */
    @Test
    void aTruncatedAnswerNeedCarryOnlyTheStartOfAnErrorPageAndNothingOfASuccess() {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> givenWhole = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<DeepLink> givenStart = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<Optional<Conversation>> givenNothing = nebuly.findById(ConversationId.of("c-1"));
      byte[] page = ("<html><head><title>No entry here</title></head><body>" + "denied ".repeat(20_000)
          + "<p>the end of the page</p></body></html>").getBytes(StandardCharsets.UTF_8);
      assertThat(page.length).isGreaterThan(WireAnswer.ERROR_TEXT_BYTES);
      WireAnswer.Headers html = name -> name.equalsIgnoreCase("Content-Type") ? "text/html" : null;

      transport.sent.get(0).listener.answered(new WireAnswer(403, html, page, page.length, true));
      transport.sent.get(1).listener.answered(new WireAnswer(403, html, page, WireAnswer.ERROR_TEXT_BYTES, true));
      transport.sent.get(2).listener.answered(new WireAnswer(200, name -> null, new byte[0], 0, true));

      assertThat(failure(givenStart))
          .isInstanceOf(NebulyException.Authentication.class)
          .hasMessageContaining("No entry here")
          .hasMessage(failure(givenWhole).getMessage());
      assertThat(failure(givenNothing)).isInstanceOf(NebulyException.MalformedResponse.class).hasMessageContaining("1000 bytes");
    }

    @Test
    void aSuccessBodyThatIsNotTheDocumentIsMalformedKeepingTheStatus() {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> link = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<Optional<Conversation>> conversation = nebuly.findById(ConversationId.of("c-1"));

      transport.sent.get(0).listener.answered(answer(200, "{\"url\": "));
      transport.sent.get(1).listener.answered(answer(201, "<html>not json</html>"));

      assertThat(failure(link)).isInstanceOf(NebulyException.MalformedResponse.class);
      assertThat(((NebulyException) failure(link)).httpStatus()).hasValue(200);
      assertThat(((NebulyException) failure(conversation)).httpStatus()).hasValue(201);
    }

    @Test
    void theKeyNeverReachesAMessageEvenWhenTheServerEchoesIt() {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> refused = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<DeepLink> failed = nebuly.interactionLink(InteractionId.of("i-1"));

      transport.sent.get(0).listener.answered(answer(401, "{\"detail\": \"key " + KEY + " is revoked\"}"));
      transport.sent.get(1).listener.failed(new ConnectException("refused while sending Bearer " + KEY));

      assertThat(failure(refused).getMessage()).contains("revoked").doesNotContain(KEY);
      assertThat(failure(failed)).isInstanceOf(NebulyException.Transport.class);
      assertThat(failure(failed).getMessage()).contains("refused").doesNotContain(KEY);
      assertThat(nebuly.toString()).doesNotContain(KEY).contains(BASE);
    }

    @Test
    void anAnswerIsCheckedWhenTheTransportMakesIt() {
      WireAnswer.Headers none = name -> null;

      assertThatThrownBy(() -> new WireAnswer(200, none, new byte[2], 3, false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
      assertThatThrownBy(() -> new WireAnswer(200, none, new byte[2], -1, false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WireAnswer(200, null, new byte[2], 0, false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headers");
      assertThatThrownBy(() -> new WireAnswer(200, none, null, 0, false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
      assertThat(new WireAnswer(503, none, KEY.getBytes(StandardCharsets.UTF_8), 4, true))
          .hasToString("WireAnswer[status=503, length=4, truncated=true]");
    }

    @Test
    void anAnswerTheTransportCouldNotDescribeIsATypedFailure() {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> noAnswer = nebuly.interactionLink(InteractionId.of("i-1"));
      CompletableFuture<DeepLink> noCause = nebuly.interactionLink(InteractionId.of("i-1"));

      transport.sent.get(0).listener.answered(null);
      transport.sent.get(1).listener.failed(null);

      assertThat(failure(noAnswer)).isInstanceOf(NebulyException.Transport.class);
      assertThat(failure(noCause)).isInstanceOf(NebulyException.Transport.class);
    }
  }

  @Nested
  class Timeouts {

    @Test
    void noConnectionWithinTheConnectTimeoutIsAConnectTimeoutAndAbortsTheAttempt() {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));
      ScriptedTransport.Timer connect = transport.onlyPending();
      assertThat(connect.delayMillis).isEqualTo(2000);

      connect.fire();

      NebulyException.Timeout timeout = (NebulyException.Timeout) failure(call);
      assertThat(timeout.phase()).isEqualTo(NebulyException.Timeout.Phase.CONNECT);
      assertThat(timeout.limit()).isEqualTo(Duration.ofSeconds(2));
      assertThat(transport.last().aborts).isEqualTo(1);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void anAnswerNotCompleteWithinTheAttemptTimeoutIsAnAnswerTimeout() {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));
      transport.advanceMillis(300);
      transport.last().listener.connected();
      assertThat(call).isNotDone();

      // The connect timer runs on after the connection came, and then starts the attempt's.
      transport.onlyPending().fire();
      ScriptedTransport.Timer rest = transport.onlyPending();
      assertThat(rest.delayMillis).isEqualTo(3000);
      assertThat(call).isNotDone();
      rest.fire();

      NebulyException.Timeout timeout = (NebulyException.Timeout) failure(call);
      assertThat(timeout.phase()).isEqualTo(NebulyException.Timeout.Phase.ANSWER);
      assertThat(timeout.limit()).isEqualTo(Duration.ofSeconds(5));
      assertThat(transport.last().aborts).isEqualTo(1);
      assertThat(transport.timers).hasSize(2);
    }

    @Test
    void whatIsLeftOfTheAttemptIsRoundedUpToWholeMilliseconds() {
      exchange().interactionLink(InteractionId.of("i-1"));
      transport.last().listener.connected();
      // The connect timer fires 0.4 ms late, so 2,999.6 ms of the attempt are left.
      transport.nanos.addAndGet(2_000_400_000L);

      transport.onlyPending().fire();

      assertThat(transport.onlyPending().delayMillis).isEqualTo(3000);
    }

    @Test
    void boundsBelowAMillisecondStepAreRoundedUpToo() {
      CompletableFuture<DeepLink> call =
          exchange(settings().connectTimeout(Duration.ofNanos(1_200_000)).attemptTimeout(Duration.ofNanos(2_500_000)))
              .interactionLink(InteractionId.of("i-1"));

      assertThat(transport.onlyPending().delayMillis).isEqualTo(2);
      transport.last().listener.connected();
      transport.onlyPending().fire();
      assertThat(transport.onlyPending().delayMillis).isEqualTo(1);
      assertThat(call).isNotDone();
    }

    @Test
    void whenTheAttemptTimeoutIsTheShorterItIsTheOnlyTimer() {
      CompletableFuture<DeepLink> call =
          exchange(settings().connectTimeout(Duration.ofSeconds(5)).attemptTimeout(Duration.ofSeconds(2)))
              .interactionLink(InteractionId.of("i-1"));
      assertThat(transport.onlyPending().delayMillis).isEqualTo(2000);

      transport.onlyPending().fire();

      NebulyException.Timeout timeout = (NebulyException.Timeout) failure(call);
      assertThat(timeout.phase()).isEqualTo(NebulyException.Timeout.Phase.ANSWER);
      assertThat(timeout.limit()).isEqualTo(Duration.ofSeconds(2));
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void anAnswerInTimeCancelsTheTimerAndCostsOnlyOne() throws Exception {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));
      transport.last().listener.connected();

      transport.last().listener.answered(answer(200, LINK));

      assertThat(value(call).targetId()).isEqualTo("i-1");
      assertThat(transport.timers).hasSize(1);
      assertThat(transport.pending()).isEmpty();
      assertThat(transport.last().aborts).isZero();
    }

    @Test
    void listenerCallsAfterTheEndAreIgnored() throws Exception {
      NebulyExchange nebuly = exchange();
      CompletableFuture<DeepLink> answered = nebuly.interactionLink(InteractionId.of("i-1"));
      AttemptListener first = transport.last().listener;
      CompletableFuture<DeepLink> timedOut = nebuly.interactionLink(InteractionId.of("i-2"));
      AttemptListener second = transport.last().listener;

      first.answered(answer(200, LINK));
      first.failed(new ConnectException("late"));
      first.answered(answer(500, ""));
      first.connected();
      transport.onlyPending().fire();
      second.connected();
      second.answered(answer(200, LINK));
      second.failed(new ConnectException("late"));

      assertThat(value(answered).targetId()).isEqualTo("i-1");
      assertThat(failure(timedOut)).isInstanceOf(NebulyException.Timeout.class);
      assertThat(transport.sent.get(0).aborts).isZero();
      assertThat(transport.sent.get(1).aborts).isEqualTo(1);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void aTimerThatFiresWhileTheConnectionIsBeingReportedStillEndsTheAttemptOnce() {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));
      ScriptedTransport.Timer connect = transport.onlyPending();

      connect.fire();
      transport.last().listener.connected();
      transport.last().listener.answered(answer(200, LINK));

      assertThat(((NebulyException.Timeout) failure(call)).phase()).isEqualTo(NebulyException.Timeout.Phase.CONNECT);
      assertThat(transport.pending()).isEmpty();
    }
  }

  @Nested
  class Listings {
    private final InteractionQuery interactions =
        InteractionQuery.builder()
            .timeRange(TimeRange.of(Instant.parse("2024-05-30T00:00:00Z"), Instant.parse("2024-06-06T00:00:00Z")))
            .pageSize(2)
            .build();
    private final ConversationQuery conversations =
        ConversationQuery.builder().timeRange(interactions.timeRange()).pageSize(2).build();

    @Test
    void aPageIsAPostToItsEndpointWithTheKey() {
      NebulyExchange nebuly = exchange();

      nebuly.interactionPage(interactions, 4);
      nebuly.conversationPage(conversations, 0);

      WireRequest search = transport.sent.get(0).request;
      WireRequest listing = transport.sent.get(1).request;
      assertThat(search.endpoint()).isEqualTo(WireEndpoint.INTERACTIONS);
      assertThat(search.url()).isEqualTo(BASE + "/get-interactions");
      assertThat(listing.endpoint()).isEqualTo(WireEndpoint.INTERACTION_AGGREGATES);
      assertThat(listing.url()).isEqualTo(BASE + "/get-interaction-aggregates");
      for (WireRequest request : List.of(search, listing)) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathId()).isNull();
        assertThat(request.maxBodyBytes()).isEqualTo(1000);
        assertThat(request.headers())
            .containsEntry("Authorization", "Bearer " + KEY)
            .containsEntry("Content-Type", "application/json");
      }
      assertThat(text(search.body())).endsWith("\"limit\":2,\"offset\":4}");
      assertThat(text(listing.body())).contains("\"group_by\":{\"kind\":\"conversation_id\"}");
    }

    @Test
    void theConversationGroupingIsTheSetting() {
      exchange(settings().conversationGroupBy("{\"field\": \"conversation_id\", \"kind\": \"field\"}"))
          .conversationPage(conversations, 0);

      assertThat(text(transport.last().request.body()))
          .contains("\"group_by\":{\"kind\":\"field\",\"field\":\"conversation_id\"}");
    }

    @Test
    void aPageIsReadWithItsRows() throws Exception {
      CompletableFuture<Page<InteractionSummary>> search = exchange().interactionPage(interactions, 2);
      CompletableFuture<Page<ConversationSummary>> listing = exchange().conversationPage(conversations, 0);

      transport.sent.get(0).listener.answered(answer(200, "{\"total\": 3, \"offset\": 2, \"limit\": 2, \"data\": [{\"id\": \"i-3\"}]}"));
      transport.sent.get(1).listener.answered(answer(200, "{\"total\": 0, \"offset\": 0, \"limit\": 2, \"data\": []}"));

      Page<InteractionSummary> page = value(search);
      assertThat(page.total()).isEqualTo(3);
      assertThat(page.offset()).isEqualTo(2);
      assertThat(page.rows()).extracting(row -> row.id().value()).containsExactly("i-3");
      assertThat(page.isLast()).isTrue();
      assertThat(value(listing).rows()).isEmpty();
    }

    @Test
    void aPageOfAnotherOffsetIsMalformed() {
      CompletableFuture<Page<InteractionSummary>> call = exchange().interactionPage(interactions, 2);

      transport.last().listener.answered(answer(200, "{\"total\": 3, \"offset\": 0, \"data\": []}"));

      assertThat(failure(call))
          .isInstanceOf(NebulyException.MalformedResponse.class)
          .hasMessageContaining("offset: expected 2, the offset asked for, found 0");
    }

    @Test
    void aPageFailsAndIsRetriedLikeEveryCall() throws Exception {
      CompletableFuture<Page<InteractionSummary>> retried =
          exchange(settings().retryPolicy(retries(2, Duration.ofMillis(10)))).interactionPage(interactions, 0);
      transport.last().listener.answered(answer(503, ""));
      transport.onlyPending().fire();
      transport.last().listener.answered(answer(200, "{\"total\": 0, \"data\": []}"));
      CompletableFuture<Page<ConversationSummary>> missing = exchange().conversationPage(conversations, 0);
      transport.last().listener.answered(answer(404, "{\"detail\": \"Not Found\"}"));

      assertThat(transport.sent).hasSize(3);
      assertThat(value(retried).total()).isZero();
      assertThat(failure(missing)).isInstanceOf(NebulyException.NotFound.class).hasMessageContaining("the conversations at offset 0");
    }

    @Test
    void cancellingAPageAbortsItsAttempt() {
      CompletableFuture<Page<InteractionSummary>> call = exchange().interactionPage(interactions, 0);

      call.cancel(true);

      assertThat(transport.last().aborts).isEqualTo(1);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
      NebulyExchange nebuly = exchange();

      assertThatThrownBy(() -> nebuly.interactionPage(null, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nebuly.interactionPage(interactions, -1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nebuly.conversationPage(null, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nebuly.conversationPage(conversations, -2)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> nebuly.interactions(null)).isInstanceOf(IllegalArgumentException.class);
      assertThat(transport.sent).isEmpty();
    }
  }

  @Nested
  class Cancellation {

    @Test
    void cancellingAbortsTheAttemptAndEndsItsTimer() {
      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));
      transport.last().listener.connected();

      assertThat(call.cancel(true)).isTrue();

      assertThat(transport.last().aborts).isEqualTo(1);
      assertThat(transport.pending()).isEmpty();
      transport.last().listener.answered(answer(200, LINK));
      assertThat(call).isCancelled();
      assertThatThrownBy(call::get).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingAfterAFailedAttemptSchedulesNoRetryAndSendsNothingMore() {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(3, Duration.ofMillis(50)))).interactionLink(InteractionId.of("i-1"));
      transport.last().listener.answered(answer(503, ""));
      assertThat(transport.onlyPending().delayMillis).isEqualTo(50);

      call.cancel(true);

      assertThat(transport.pending()).isEmpty();
      assertThat(transport.sent).hasSize(1);
      assertThat(transport.last().aborts).isZero();
    }

    @Test
    void cancellingDuringAnAttemptStartsNoOtherEvenWhenTheAttemptThenFails() {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(3, Duration.ofMillis(50)))).interactionLink(InteractionId.of("i-1"));

      call.cancel(true);
      transport.last().listener.answered(answer(503, ""));
      transport.last().listener.failed(new ConnectException("late"));

      assertThat(transport.sent).hasSize(1);
      assertThat(transport.last().aborts).isEqualTo(1);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void aTimeoutBeforeSendReturnedItsHandleAbortsWithTheHandle() {
      // The transport is slow to return: the connect timer fires while send() is still running.
      transport.duringSend = () -> transport.onlyPending().fire();

      CompletableFuture<DeepLink> call = exchange().interactionLink(InteractionId.of("i-1"));

      assertThat(failure(call)).isInstanceOf(NebulyException.Timeout.class);
      assertThat(transport.last().aborts).isEqualTo(1);
    }

    @Test
    void aCancellationBeforeSendReturnedItsHandleAbortsWithTheHandle() {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(2, Duration.ofMillis(10)))).interactionLink(InteractionId.of("i-1"));
      transport.last().listener.answered(answer(503, ""));
      // The retry's send() is under way when the caller cancels.
      transport.duringSend = () -> call.cancel(true);

      transport.onlyPending().fire();

      assertThat(transport.sent).hasSize(2);
      assertThat(transport.last().aborts).isEqualTo(1);
      assertThat(call).isCancelled();
      assertThat(transport.pending()).isEmpty();
    }
  }

  @Nested
  class Retries {

    @Test
    void aRetryableFailureIsSentAgainAfterTheBackoffUntilSuccess() throws Exception {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(3, Duration.ofMillis(40)))).interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(503, "{\"detail\": \"busy\"}"));
      assertThat(transport.onlyPending().delayMillis).isEqualTo(40);
      transport.onlyPending().fire();
      transport.last().listener.failed(new ConnectException("refused"));
      transport.onlyPending().fire();
      transport.last().listener.answered(answer(200, LINK));

      assertThat(value(call).targetId()).isEqualTo("i-1");
      assertThat(transport.sent).hasSize(3);
      assertThat(transport.sent).allSatisfy(sent -> assertThat(sent.request).isSameAs(transport.sent.get(0).request));
    }

    @Test
    void theLastFailureIsReportedWhenTheAttemptsRunOut() {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(2, Duration.ofMillis(40)))).interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(503, ""));
      transport.onlyPending().fire();
      transport.last().listener.answered(answer(500, "{\"detail\": \"second\"}"));

      assertThat(failure(call)).isInstanceOf(NebulyException.ServiceFailure.class).hasMessageContaining("second");
      assertThat(transport.sent).hasSize(2);
      assertThat(transport.pending()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404, 422, 501})
    void aFailureThatIsNotRetryableIsSentOnce(int status) {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(3, Duration.ofMillis(40)))).interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(status, ""));

      assertThat(call).isCompletedExceptionally();
      assertThat(transport.sent).hasSize(1);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void waitsAreRoundedUpToWholeMilliseconds() {
      exchange(settings().retryPolicy(retries(3, Duration.ofNanos(1_200_000)))).interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(503, ""));

      assertThat(transport.onlyPending().delayMillis).isEqualTo(2);
    }

    @Test
    void theServersRetryAfterIsTheWait() {
      exchange(settings().retryPolicy(retries(3, Duration.ofMillis(40)))).interactionLink(InteractionId.of("i-1"));

      transport.last().listener.answered(answer(429, Map.of("retry-after", "2"), ""));

      assertThat(transport.onlyPending().delayMillis).isEqualTo(2000);
    }

    @Test
    void everyAttemptHasItsOwnTimeouts() {
      CompletableFuture<DeepLink> call =
          exchange(settings().retryPolicy(retries(2, Duration.ofMillis(40)))).interactionLink(InteractionId.of("i-1"));

      transport.onlyPending().fire();
      assertThat(transport.onlyPending().delayMillis).isEqualTo(40);
      transport.onlyPending().fire();
      assertThat(transport.onlyPending().delayMillis).isEqualTo(2000);
      transport.onlyPending().fire();

      assertThat(((NebulyException.Timeout) failure(call)).phase()).isEqualTo(NebulyException.Timeout.Phase.CONNECT);
      assertThat(transport.sent).hasSize(2).allSatisfy(sent -> assertThat(sent.aborts).isEqualTo(1));
    }
  }

  @Nested
  class TransportsThatMisbehave {

    @Test
    void aSendThatThrowsIsATransportFailureAndIsRetried() throws Exception {
      NebulyTransport throwing = new NebulyTransport() {
        private int sends;

        @Override
        public Cancellable send(WireRequest request, AttemptListener listener) {
          if (++sends == 1) {
            throw new IllegalStateException("the client is closed");
          }
          return transport.send(request, listener);
        }

        @Override
        public Cancellable schedule(long delayMillis, Runnable task) {
          return transport.schedule(delayMillis, task);
        }
      };
      CompletableFuture<DeepLink> call =
          NebulyExchange.create(settings().retryPolicy(retries(2, Duration.ofMillis(40))).build(), throwing,
                  () -> 0.0, transport.nanos::get)
              .interactionLink(InteractionId.of("i-1"));

      assertThat(transport.onlyPending().delayMillis).isEqualTo(40);
      transport.onlyPending().fire();
      transport.last().listener.answered(answer(200, LINK));

      assertThat(value(call).targetId()).isEqualTo("i-1");
    }

    @Test
    void aSendWithoutAnAbortHandleIsATypedFailure() {
      NebulyTransport handleless = new NebulyTransport() {
        @Override
        public Cancellable send(WireRequest request, AttemptListener listener) {
          return null;
        }

        @Override
        public Cancellable schedule(long delayMillis, Runnable task) {
          return transport.schedule(delayMillis, task);
        }
      };

      CompletableFuture<DeepLink> call =
          NebulyExchange.create(settings().build(), handleless).interactionLink(InteractionId.of("i-1"));

      assertThat(failure(call)).isInstanceOf(NebulyException.Transport.class);
      assertThat(transport.pending()).isEmpty();
    }

    @Test
    void aTimerThatCannotBeSetIsATypedFailure() {
      NebulyTransport timerless = new NebulyTransport() {
        @Override
        public Cancellable send(WireRequest request, AttemptListener listener) {
          return transport.send(request, listener);
        }

        @Override
        public Cancellable schedule(long delayMillis, Runnable task) {
          throw new IllegalStateException("Vert.x is closed");
        }
      };

      CompletableFuture<DeepLink> call =
          NebulyExchange.create(settings().build(), timerless).interactionLink(InteractionId.of("i-1"));

      assertThat(failure(call)).isInstanceOf(NebulyException.Transport.class).hasMessageContaining("Vert.x is closed");
    }
  }
}
