package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NebulyExceptionTest {

  private static final RequestViolation MISSING_ID =
      new RequestViolation(List.of("body", "conversation_id"), "field required", "value_error.missing");

  static Stream<NebulyException> everyKind() {
    return Stream.of(
        new NebulyException.Authentication(401, "Invalid API key"),
        new NebulyException.NotFound("interaction 'abc'", "Interaction not found"),
        new NebulyException.InvalidRequest(422, null, List.of(MISSING_ID)),
        new NebulyException.RateLimited(Duration.ofSeconds(30), null),
        new NebulyException.ServiceFailure(503, "upstream down"),
        new NebulyException.Timeout(Duration.ofSeconds(2), null),
        new NebulyException.Transport("connection refused by 127.0.0.1:1", new IOException("refused")),
        new NebulyException.MalformedResponse(200, "conversation[2].timestamp is missing", null));
  }

  /** Java 17 has no pattern switch yet; this chain is what a 17 caller writes, and covers every kind. */
  private static String handle(NebulyException failure) {
    if (failure instanceof NebulyException.Authentication) return "key";
    if (failure instanceof NebulyException.NotFound) return "404";
    if (failure instanceof NebulyException.InvalidRequest) return "invalid";
    if (failure instanceof NebulyException.RateLimited) return "later";
    if (failure instanceof NebulyException.ServiceFailure) return "outage";
    if (failure instanceof NebulyException.Timeout) return "slow";
    if (failure instanceof NebulyException.Transport) return "network";
    if (failure instanceof NebulyException.MalformedResponse) return "garbled";
    throw new AssertionError("unknown kind " + failure);
  }

  @Test
  void theHierarchyIsSealedOverExactlyTheDocumentedKinds() {
    assertThat(NebulyException.class.isSealed()).isTrue();
    assertThat(Stream.of(NebulyException.class.getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactlyInAnyOrder(
            "Authentication", "NotFound", "InvalidRequest", "RateLimited",
            "ServiceFailure", "Timeout", "Transport", "MalformedResponse");
    assertThat(everyKind().map(NebulyExceptionTest::handle))
        .containsExactly("key", "404", "invalid", "later", "outage", "slow", "network", "garbled");
  }

  @Test
  void onlyTransientFailuresAreRetryable() {
    assertThat(everyKind().filter(NebulyException::isRetryable).map(e -> e.getClass().getSimpleName()))
        .containsExactly("RateLimited", "ServiceFailure", "Timeout", "Transport");
    assertThat(new NebulyException.ServiceFailure(500, null).isRetryable()).isTrue();
    assertThat(new NebulyException.ServiceFailure(502, null).isRetryable()).isTrue();
    assertThat(new NebulyException.ServiceFailure(504, null).isRetryable()).isTrue();
    assertThat(new NebulyException.ServiceFailure(501, null).isRetryable()).isFalse();
    assertThat(new NebulyException.Authentication(403, null).isRetryable()).isFalse();
  }

  @Test
  void statusesAreKeptWhereThereIsAnAnswer() {
    assertThat(everyKind().map(e -> e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : -1))
        .containsExactly(401, 404, 422, 429, 503, -1, -1, 200);
  }

  @Test
  void messagesSayWhatHappenedAndWhatToDo() {
    assertThat(new NebulyException.Authentication(401, "Invalid API key").getMessage())
        .isEqualTo("Nebuly refused the API key (HTTP 401: Invalid API key). "
            + "Check that the key is set, current, and belongs to the project you query.");
    assertThat(new NebulyException.NotFound("conversation 'c-1'", null).getMessage())
        .isEqualTo("Nebuly has no conversation 'c-1' in the API key's project (HTTP 404). "
            + "Check the id, and that the key belongs to the project that holds it.");
    assertThat(new NebulyException.InvalidRequest(422, null, List.of(MISSING_ID)).getMessage())
        .isEqualTo("Nebuly rejected the request as invalid (HTTP 422; [body.conversation_id: field required]). "
            + "It is not retried; check the arguments of the call.");
    assertThat(new NebulyException.RateLimited(Duration.ofSeconds(30), null).getMessage())
        .isEqualTo("Nebuly is rate-limiting this API key (HTTP 429); it asks to retry after 30000 ms. "
            + "Send fewer requests, or retry later.");
    assertThat(new NebulyException.RateLimited(null, "slow down").getMessage())
        .startsWith("Nebuly is rate-limiting this API key (HTTP 429: slow down). ");
    assertThat(new NebulyException.Timeout(Duration.ofMillis(1500), null).getMessage())
        .isEqualTo("Nebuly did not answer within 1500 ms. Retry later, or raise the configured timeout.");
    assertThat(new NebulyException.Timeout(Duration.ofSeconds(5), NebulyException.Timeout.Phase.CONNECT, null).getMessage())
        .isEqualTo("Could not get a connection to Nebuly within 5000 ms: Nebuly did not accept one, or every"
            + " pooled connection stayed busy. Retry later, or raise the connect timeout or the number of connections.");
    assertThat(new NebulyException.MalformedResponse(200, "not JSON", null).getMessage())
        .isEqualTo("Nebuly's answer (HTTP 200) could not be read: not JSON. "
            + "Check that the base URL points at Nebuly's external API.");
  }

  @Test
  void nebulysTextIsCutSoThatAnHtmlPageCannotFloodAMessage() {
    String page = "<html>" + "x".repeat(10_000) + "</html>";
    NebulyException failure = new NebulyException.ServiceFailure(502, page);

    assertThat(failure.detail()).hasValueSatisfying(d -> assertThat(d).hasSize(NebulyException.MAX_DETAIL_LENGTH + 1).endsWith("…"));
    assertThat(failure.getMessage()).hasSizeLessThan(NebulyException.MAX_DETAIL_LENGTH + 200);
    assertThat(new NebulyException.ServiceFailure(500, "   ").detail()).isEmpty();
  }

  @Test
  void structuredFieldsAreExposed() {
    NebulyException.InvalidRequest invalid = new NebulyException.InvalidRequest(422, "bad", List.of(MISSING_ID));
    assertThat(invalid.violations()).containsExactly(MISSING_ID);
    assertThat(invalid.detail()).hasValue("bad");
    assertThat(new NebulyException.RateLimited(null, null).retryAfter()).isEmpty();
    assertThat(new NebulyException.Timeout(Duration.ofSeconds(1), null).limit()).isEqualTo(Duration.ofSeconds(1));
    assertThat(new NebulyException.Timeout(Duration.ofSeconds(1), null).phase()).isEqualTo(NebulyException.Timeout.Phase.ANSWER);
    assertThat(new NebulyException.Timeout(Duration.ofSeconds(1), NebulyException.Timeout.Phase.CONNECT, null).phase())
        .isEqualTo(NebulyException.Timeout.Phase.CONNECT);
    assertThat(new NebulyException.NotFound("interaction 'x'", null).resource()).isEqualTo("interaction 'x'");
    IOException cause = new IOException("reset");
    assertThat(new NebulyException.Transport("reset", cause)).hasCause(cause);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new NebulyException.Authentication(200, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HTTP status must be between 400 and 499, got 200");
    assertThatThrownBy(() -> new NebulyException.RateLimited(Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NebulyException.InvalidRequest(422, null, null))
        .hasMessage("violations must not be null");
    assertThatThrownBy(() -> new NebulyException.NotFound(null, null)).hasMessage("resource must not be null");
    assertThatThrownBy(() -> new NebulyException.Timeout(null, null)).hasMessage("limit must not be null");
    assertThatThrownBy(() -> new NebulyException.Timeout(Duration.ZERO, null, null)).hasMessage("phase must not be null");
    assertThatThrownBy(() -> new NebulyException.Transport(null, null)).hasMessage("problem must not be null");
  }

  @Test
  void violationsReadLikeFastApiLocations() {
    assertThat(MISSING_ID).hasToString("body.conversation_id: field required");
    assertThat(new RequestViolation(List.of(), "bad body", "")).hasToString("bad body");
    assertThatThrownBy(() -> new RequestViolation(java.util.Arrays.asList("body", null), "m", "t"))
        .hasMessage("location element must not be null");
  }
}
