package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.RequestViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorDecoderTest {
  private static final String KEY = "nb-SECRET-key-123";
  /** The reader the exchange gives the decoder: wire's own codec. */
  private static final Function<String, ErrorDocument> READER = new NebulyCodec(KEY)::errorDocument;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);
  private static final ErrorDecoder DECODER = new ErrorDecoder(KEY, READER, CLOCK);
  private static final String RESOURCE = "interaction 'abc'";

  private static NebulyException decode(int status, String contentType, String body) {
    return DECODER.decode(new ErrorResponse(status, null, contentType, body), RESOURCE);
  }

  private static NebulyException json(int status, String body) {
    return decode(status, "application/json", body);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void authentication(int status) {
    NebulyException e = json(status, "{\"detail\": \"Invalid API key\"}");
    assertThat(e).isInstanceOf(NebulyException.Authentication.class);
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.detail()).contains("Invalid API key");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void notFoundNamesTheResource() {
    NebulyException e = json(404, "{\"detail\": \"Interaction not found\"}");
    assertThat(e).isInstanceOf(NebulyException.NotFound.class);
    assertThat(((NebulyException.NotFound) e).resource()).isEqualTo(RESOURCE);
    assertThat(e.detail()).contains("Interaction not found");
  }

  @Test
  void unprocessableEntityListsFastApiViolationsKeepingIntegerLocations() {
    NebulyException e =
        json(
            422,
            "{\"detail\": [{\"loc\": [\"body\", \"conversation_id\"], \"msg\": \"field required\","
                + " \"type\": \"value_error.missing\"}, {\"loc\": [\"body\", \"items\", 3], \"msg\": \"bad\","
                + " \"type\": \"type_error\", \"input\": {\"x\": 1}}]}");
    assertThat(e).isInstanceOf(NebulyException.InvalidRequest.class);
    assertThat(e.httpStatus()).hasValue(422);
    assertThat(((NebulyException.InvalidRequest) e).violations())
        .containsExactly(
            new RequestViolation(List.of("body", "conversation_id"), "field required", "value_error.missing"),
            new RequestViolation(List.of("body", "items", "3"), "bad", "type_error"));
    assertThat(e.getMessage()).contains("body.conversation_id: field required");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void violationsWithMissingPartsAreStillRead() {
    NebulyException e = json(422, "{\"detail\": [{\"msg\": \"m\"}, {\"loc\": \"body\", \"msg\": null, \"type\": \"t\"}, \"junk\", 7]}");
    assertThat(((NebulyException.InvalidRequest) e).violations())
        .containsExactly(new RequestViolation(List.of(), "m", ""), new RequestViolation(List.of("body"), "", "t"));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 405, 409, 413, 418, 499})
  void otherClientErrorsAreInvalidRequests(int status) {
    NebulyException e = json(status, "{\"detail\": \"nope\"}");
    assertThat(e).isInstanceOf(NebulyException.InvalidRequest.class);
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.detail()).contains("nope");
    assertThat(((NebulyException.InvalidRequest) e).violations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void retryableServiceFailures(int status) {
    NebulyException e = json(status, "{\"detail\": \"Internal Server Error\"}");
    assertThat(e).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.httpStatus()).hasValue(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 505, 599})
  void otherServiceFailuresAreNotRetried(int status) {
    NebulyException e = decode(status, null, null);
    assertThat(e).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(e.isRetryable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 200, 204, 301, 302, 304, 399})
  void unexpectedStatusesAreNonRetryableServiceFailures(int status) {
    NebulyException e = decode(status, "text/plain", "Moved");
    assertThat(e).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.getMessage()).contains("base URL").contains("Moved");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 99, 600, 999})
  void statusesOutsideHttpAreTransportFailures(int status) {
    assertThat(decode(status, null, null)).isInstanceOf(NebulyException.Transport.class);
  }

  @Test
  void rateLimitedWithDeltaSeconds() {
    NebulyException e = DECODER.decode(new ErrorResponse(429, "7", null, "{\"detail\": \"slow down\"}"), RESOURCE);
    assertThat(e).isInstanceOf(NebulyException.RateLimited.class);
    assertThat(((NebulyException.RateLimited) e).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.detail()).contains("slow down");
  }

  @Test
  void rateLimitedWithAnHttpDateRelativeToTheClock() {
    NebulyException e = DECODER.decode(new ErrorResponse(429, "Sun, 22 Nov 2026 02:01:30 GMT", null, ""), RESOURCE);
    assertThat(((NebulyException.RateLimited) e).retryAfter()).contains(Duration.ofSeconds(90));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-5", "1.5", "", "Sun, 99 Nov 2026 02:01:30 GMT"})
  void rateLimitedWithAnUnusableRetryAfterHasNone(String header) {
    NebulyException e = DECODER.decode(new ErrorResponse(429, header, null, null), RESOURCE);
    assertThat(((NebulyException.RateLimited) e).retryAfter()).isEmpty();
  }

  @Test
  void anHtmlPageIsSummarizedByItsTitle() {
    String page =
        "<!DOCTYPE html><html><head><title>502 Bad Gateway &amp; friends</title><style>body{color:red}</style></head>"
            + "<body><h1>502</h1>" + "<p>lorem ipsum</p>".repeat(5000) + "</body></html>";
    NebulyException e = decode(502, "text/html; charset=utf-8", page);
    assertThat(e).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(e.detail()).contains("502 Bad Gateway & friends");
    assertThat(e.getMessage()).doesNotContain("lorem").doesNotContain("<");
  }

  @Test
  void anHtmlPageWithoutTitleIsItsTextCutShort() {
    String page = "<html><body><script>var x = 1;</script><!-- c --><h1>Service   Unavailable</h1><p>"
        + "word ".repeat(500) + "</p></body></html>";
    NebulyException e = decode(503, null, page);
    String detail = e.detail().orElseThrow();
    assertThat(detail).startsWith("Service Unavailable word word").doesNotContain("<").doesNotContain("var x");
    assertThat(detail.length()).isLessThanOrEqualTo(ErrorDecoder.SUMMARY_LENGTH + 1);
  }

  @Test
  void hostilePagesAreSummarizedInOnePass() {
    assertThat(decode(502, "text/html", "<".repeat(200_000)).detail().orElseThrow())
        .startsWith("<<<<")
        .hasSize(ErrorDecoder.SUMMARY_LENGTH + 1);
    assertThat(decode(502, "text/html", "<p>gateway</p>" + "<script>".repeat(50_000)).detail()).contains("gateway");
    assertThat(decode(502, "text/html", "<html><title>" + "<title>".repeat(5_000)).detail()).isEmpty();
    assertThat(decode(502, "text/html", "<b>a</b> <!-- hidden --> b <style>p{}</style>c").detail()).contains("a b c");
    assertThat(decode(502, "text/html", "x <!-- never closed").detail()).contains("x");
  }

  @Test
  void plainTextIsCutShort() {
    NebulyException e = decode(500, "text/plain", "x".repeat(10_000));
    assertThat(e.detail().orElseThrow()).hasSize(ErrorDecoder.SUMMARY_LENGTH + 1).endsWith("…");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void anEmptyBodyHasNoDetail(String body) {
    NebulyException e = decode(500, "application/json", body);
    assertThat(e.detail()).isEmpty();
    assertThat(decode(404, null, null).detail()).isEmpty();
  }

  @Test
  void malformedJsonIsReadAsText() {
    NebulyException e = json(500, "{\"detail\": \"unterminated");
    assertThat(e.detail()).contains("{\"detail\": \"unterminated");
  }

  @Test
  void jsonWithoutDetailIsReadAsText() {
    assertThat(json(500, "{\"error\": \"boom\"}").detail()).contains("{\"error\": \"boom\"}");
    assertThat(json(500, "{\"detail\": {\"nested\": 1}}").detail()).contains("{\"detail\": {\"nested\": 1}}");
    assertThat(json(500, "{\"detail\": 42}").detail()).contains("42");
  }

  @Test
  void aReaderThatReturnsNullOrThrowsAnythingIsHarmless() {
    ErrorDecoder nulls = new ErrorDecoder(KEY, body -> null, CLOCK);
    assertThat(nulls.decode(new ErrorResponse(500, null, "application/json", "{\"detail\": \"x\"}"), RESOURCE).detail())
        .contains("{\"detail\": \"x\"}");
    ErrorDecoder throwing = new ErrorDecoder(KEY, body -> { throw new IllegalStateException("boom"); }, CLOCK);
    assertThat(throwing.decode(new ErrorResponse(500, null, "application/json", "{\"detail\": \"x\"}"), RESOURCE))
        .isInstanceOf(NebulyException.ServiceFailure.class);
  }

  @Test
  void aNonJsonBodyIsNotGivenToTheReader() {
    AtomicInteger calls = new AtomicInteger();
    ErrorDecoder counting = new ErrorDecoder(KEY, body -> { calls.incrementAndGet(); return null; }, CLOCK);
    counting.decode(new ErrorResponse(500, null, "text/plain", "oops"), RESOURCE);
    assertThat(calls).hasValue(0);
  }

  @Test
  void theKeyIsRedactedFromEveryServerText() {
    String echoed = "key " + KEY + " is revoked";
    List<NebulyException> all =
        List.of(
            json(401, "{\"detail\": \"" + echoed + "\"}"),
            json(401, "{\"detail\": \"\\u006eb-SECRET-key-123 escaped\"}"),
            decode(500, "text/plain", echoed),
            decode(500, "text/html", "<html><title>" + echoed + "</title></html>"),
            decode(500, "text/html", "<html><body>" + echoed + "</body></html>"),
            decode(500, "text/plain", "y".repeat(190) + KEY + "z".repeat(100)),
            json(422, "{\"detail\": [{\"loc\": [\"header\", \"" + KEY + "\"], \"msg\": \"" + echoed + "\", \"type\": \"" + KEY + "\"}]}"),
            json(429, "{\"detail\": \"" + echoed + "\"}"),
            json(404, "{\"detail\": \"" + echoed + "\"}"),
            json(400, "{\"detail\": \"" + echoed + "\"}"));
    for (NebulyException e : all) {
      assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("SECRET");
      assertThat(e.toString()).doesNotContain(KEY);
      assertThat(e.detail().orElse("")).doesNotContain(KEY);
      if (e instanceof NebulyException.InvalidRequest invalid) {
        assertThat(invalid.violations().toString()).doesNotContain(KEY);
      }
    }
    assertThat(all.get(0).detail()).contains("key *** is revoked");
    assertThat(((NebulyException.InvalidRequest) all.get(6)).violations())
        .containsExactly(new RequestViolation(List.of("header", "***"), "key *** is revoked", "***"));
    assertThat(DECODER.toString()).doesNotContain(KEY);
  }

  @Test
  void aBodyTooLargeSaysTheBound() {
    var tooLarge = ErrorDecoder.bodyTooLarge(200, 16_777_216);
    assertThat(tooLarge.getMessage()).contains("larger than the configured maximum of 16777216 bytes");
    assertThat(tooLarge.httpStatus()).hasValue(200);
    assertThat(tooLarge.isRetryable()).isFalse();
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> new ErrorDecoder(null, READER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> new ErrorDecoder(KEY, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsonReader");
    assertThatThrownBy(() -> new ErrorDecoder(KEY, READER, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
    assertThatThrownBy(() -> DECODER.decode(null, RESOURCE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DECODER.decode(new ErrorResponse(500, null, null, null), null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(DECODER.redact(null)).isNull();
  }
}
