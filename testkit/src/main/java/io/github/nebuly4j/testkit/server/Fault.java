package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A way for {@link FakeNebulyServer} to misbehave, and the requests it applies to. Immutable:
 * {@link #on}, {@link #forId}, {@link #times} and {@link #always} return copies.
 *
 * <pre>{@code
 * server.fault(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).times(2)); // then success
 * server.fault(Fault.rateLimited(Duration.ofSeconds(120)));                   // every request
 * server.fault(Fault.delay(Duration.ofSeconds(5)).forId("slow-id").times(1));
 * }</pre>
 *
 * <p>By default a fault applies to every endpoint, every id, and always. Delays and holds come
 * first and the request then goes on (to the next matching fault, or the normal answer); any other
 * fault is the answer. A fault applies after routing (an unknown path is still 404, a wrong method
 * 405) and before the API key is checked, the way a proxy in front of Nebuly would fail.
 */
public final class Fault {
  /** The API's own shape of a rejected request, used by {@link #status(int)} for 422. */
  static final RequestViolation MISSING_CONVERSATION_ID =
      new RequestViolation(List.of("body", "conversation_id"), "field required", "value_error.missing");

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  enum Kind {
    DELAY,
    HOLD,
    STATUS,
    HTML,
    EMPTY_BODY,
    MALFORMED_JSON,
    DROP_CONNECTION,
    HUGE_BODY,
    HUGE_CHUNKED_BODY
  }

  private final Kind kind;
  private final int status;
  private final String body;
  private final String retryAfter;
  private final Duration delay;
  private final CompletionStage<?> release;
  private final long size;
  private final Endpoint endpoint;
  private final String id;
  private final int times;

  private Fault(
      Kind kind,
      int status,
      String body,
      String retryAfter,
      Duration delay,
      CompletionStage<?> release,
      long size,
      Endpoint endpoint,
      String id,
      int times) {
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
    this.delay = delay;
    this.release = release;
    this.size = size;
    this.endpoint = endpoint;
    this.id = id;
    this.times = times;
  }

  private static Fault of(Kind kind, int status, String body) {
    return new Fault(kind, status, body, null, null, null, 0, null, null, -1);
  }

  /**
   * Waits before handling the request, without blocking other requests.
   *
   * @param delay how long to wait
   * @return the fault
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public static Fault delay(Duration delay) {
    Arguments.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    return new Fault(Kind.DELAY, 0, null, null, delay, null, 0, null, null, -1);
  }

  /**
   * Holds the request until {@code release} completes (or the server stops), then handles it: a
   * test can so have many requests in flight at once without guessing a delay.
   *
   * @param release completes when the held requests may go on
   * @return the fault
   * @throws IllegalArgumentException if {@code release} is null
   */
  public static Fault holdUntil(CompletionStage<?> release) {
    Arguments.requireNonNull(release, "release");
    return new Fault(Kind.HOLD, 0, null, null, null, release, 0, null, null, -1);
  }

  /**
   * Answers with an HTTP status and the API's JSON error body: {@code {"detail": "…"}}, or for 422
   * FastAPI's list ({@code [{"loc": ["body", "conversation_id"], "msg": "field required", "type":
   * "value_error.missing"}]}).
   *
   * @param status 100 to 599
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range
   */
  public static Fault status(int status) {
    return status(
        status,
        status == 422
            ? NebulyDocuments.validationError(List.of(MISSING_CONVERSATION_ID))
            : NebulyDocuments.error("Simulated failure (HTTP " + requireStatus(status) + ")"));
  }

  /**
   * Answers with an HTTP status and the given JSON body.
   *
   * @param status 100 to 599
   * @param jsonBody the body, sent with {@code Content-Type: application/json}
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range or the body null
   */
  public static Fault status(int status, String jsonBody) {
    Arguments.requireNonNull(jsonBody, "jsonBody");
    return of(Kind.STATUS, requireStatus(status), jsonBody);
  }

  /**
   * Answers 429 with {@code Retry-After} in whole seconds.
   *
   * @param retryAfter the wait to announce; rounded down to seconds
   * @return the fault
   * @throws IllegalArgumentException if {@code retryAfter} is null or negative
   */
  public static Fault rateLimited(Duration retryAfter) {
    Arguments.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
    }
    return rateLimitedWithHeader(Long.toString(retryAfter.getSeconds()));
  }

  /**
   * Answers 429 with {@code Retry-After} as an HTTP-date (RFC 1123, GMT, whole seconds).
   *
   * @param retryAt when the client may retry
   * @return the fault
   * @throws IllegalArgumentException if {@code retryAt} is null
   */
  public static Fault rateLimitedUntil(Instant retryAt) {
    Arguments.requireNonNull(retryAt, "retryAt");
    return rateLimitedWithHeader(HTTP_DATE.format(retryAt));
  }

  /**
   * Answers 429 with the given {@code Retry-After} text, well-formed or not.
   *
   * @param retryAfter the header's value
   * @return the fault
   * @throws IllegalArgumentException if {@code retryAfter} is null
   */
  public static Fault rateLimitedWithHeader(String retryAfter) {
    Arguments.requireNonNull(retryAfter, "retryAfter");
    return new Fault(
        Kind.STATUS,
        429,
        NebulyDocuments.error("Too many requests"),
        retryAfter,
        null,
        null,
        0,
        null,
        null,
        -1);
  }

  /**
   * Answers 429 with no {@code Retry-After} header.
   *
   * @return the fault
   */
  public static Fault rateLimited() {
    return status(429, NebulyDocuments.error("Too many requests"));
  }

  /**
   * Answers with an HTML page, as a proxy in front of Nebuly would.
   *
   * @param status 100 to 599
   * @param html the page, sent as {@code text/html}
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range or the page null
   */
  public static Fault htmlPage(int status, String html) {
    Arguments.requireNonNull(html, "html");
    return of(Kind.HTML, requireStatus(status), html);
  }

  /**
   * Answers with a proxy's typical HTML error page.
   *
   * @param status 100 to 599
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range
   */
  public static Fault htmlPage(int status) {
    return htmlPage(
        status,
        "<html>\r\n<head><title>"
            + requireStatus(status)
            + " Error</title></head>\r\n<body>\r\n<center><h1>"
            + status
            + " Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
  }

  /**
   * Answers with a status and no body at all.
   *
   * @param status 100 to 599
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range
   */
  public static Fault emptyBody(int status) {
    return of(Kind.EMPTY_BODY, requireStatus(status), "");
  }

  /**
   * Answers 200 with {@code Content-Type: application/json} and a body that is not valid JSON.
   *
   * @return the fault
   */
  public static Fault malformedJson() {
    return of(Kind.MALFORMED_JSON, 200, "{\"url\": \"https://example.com/broken\", \"id\": ");
  }

  /**
   * Answers 200, announces a {@code Content-Length}, writes part of the body and closes the
   * connection.
   *
   * @return the fault
   */
  public static Fault dropConnection() {
    return of(Kind.DROP_CONNECTION, 200, "");
  }

  /**
   * Answers 200 with a body of {@code bytes} bytes announced by {@code Content-Length}, streamed
   * (never held in memory). The body starts like a JSON document and never ends like one.
   *
   * @param bytes the body's size
   * @return the fault
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public static Fault hugeBody(long bytes) {
    return sized(Kind.HUGE_BODY, bytes);
  }

  /**
   * Like {@link #hugeBody(long)}, but sent with chunked transfer encoding and no {@code
   * Content-Length}, so a client only finds out the size by reading; {@code Long.MAX_VALUE} is a
   * body that does not end while the client reads.
   *
   * @param bytes the body's size
   * @return the fault
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public static Fault hugeChunkedBody(long bytes) {
    return sized(Kind.HUGE_CHUNKED_BODY, bytes);
  }

  private static Fault sized(Kind kind, long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the body size must be positive, got " + bytes);
    }
    return new Fault(kind, 200, null, null, null, null, bytes, null, null, -1);
  }

  /**
   * Restricts the fault to one endpoint.
   *
   * @param endpoint the endpoint
   * @return a copy that applies only there
   * @throws IllegalArgumentException if {@code endpoint} is null
   */
  public Fault on(Endpoint endpoint) {
    Arguments.requireNonNull(endpoint, "endpoint");
    return new Fault(kind, status, body, retryAfter, delay, release, size, endpoint, id, times);
  }

  /**
   * Restricts the fault to requests for one id: the path id of a deep-link request, the {@code
   * conversation_id} of a detail request.
   *
   * @param id the id, as the client meant it (not percent-encoded)
   * @return a copy that applies only to that id
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Fault forId(String id) {
    Arguments.requireNonNull(id, "id");
    return new Fault(kind, status, body, retryAfter, delay, release, size, endpoint, id, times);
  }

  /**
   * Makes the fault apply to the next {@code count} matching requests only; later ones are
   * answered normally ("503 twice, then success").
   *
   * @param count at least 1
   * @return a copy with that count
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    return new Fault(kind, status, body, retryAfter, delay, release, size, endpoint, id, count);
  }

  /**
   * Makes the fault apply to every matching request (the default).
   *
   * @return a copy that always applies
   */
  public Fault always() {
    return new Fault(kind, status, body, retryAfter, delay, release, size, endpoint, id, -1);
  }

  Kind kind() {
    return kind;
  }

  int statusCode() {
    return status;
  }

  String body() {
    return body;
  }

  Optional<String> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  Duration delayTime() {
    return delay;
  }

  CompletionStage<?> release() {
    return release;
  }

  long size() {
    return size;
  }

  /** -1 when the fault always applies. */
  int count() {
    return times;
  }

  boolean matches(Endpoint requested, Optional<String> requestedId) {
    return (endpoint == null || endpoint == requested)
        && (id == null || requestedId.filter(id::equals).isPresent());
  }

  boolean isPause() {
    return kind == Kind.DELAY || kind == Kind.HOLD;
  }

  private static int requireStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be between 100 and 599, got " + status);
    }
    return status;
  }

  /** Describes the fault and its scope. */
  @Override
  public String toString() {
    return "Fault["
        + kind
        + (status == 0 ? "" : " " + status)
        + (retryAfter == null ? "" : " Retry-After=" + retryAfter)
        + (delay == null ? "" : " " + delay)
        + (size == 0 ? "" : " " + size + " bytes")
        + " on "
        + (endpoint == null ? "any endpoint" : endpoint)
        + (id == null ? "" : " for id '" + id + "'")
        + (times < 0 ? ", always" : ", " + times + " time(s)")
        + "]";
  }
}
