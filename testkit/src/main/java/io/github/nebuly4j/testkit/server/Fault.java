package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.core.spi.Arguments;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

/**
 * A way for {@link FakeNebulyServer} to misbehave, and the requests it applies to: one record per
 * kind, each with its own data and a common {@link Scope}. Immutable: {@link #on}, {@link #forId},
 * {@link #times} and {@link #always} return copies.
 *
 * <pre>{@code
 * server.fault(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).times(2)); // then success
 * server.fault(Fault.rateLimited(Duration.ofSeconds(120)));                   // every request
 * server.fault(Fault.delay(Duration.ofSeconds(5)).forId("slow-id").times(1));
 * }</pre>
 *
 * <p>By default a fault applies to every endpoint, every id, and always. {@link Delay} and {@link
 * Hold} come first and the request then goes on (to the next matching fault, or the normal
 * answer); any other fault is the answer. A fault applies after routing (an unknown path is still
 * 404, a wrong method 405) and before the API key is checked, the way a proxy in front of Nebuly
 * would fail; {@link Trickle} sends the normal answer, key check included, slowly.
 */
public sealed interface Fault
    permits Fault.Delay,
        Fault.Hold,
        Fault.Status,
        Fault.HtmlPage,
        Fault.EmptyBody,
        Fault.MalformedJson,
        Fault.DropConnection,
        Fault.HugeBody,
        Fault.Trickle,
        Fault.Redirect {

  /**
   * Returns which requests the fault applies to.
   *
   * @return the scope
   */
  Scope scope();

  /**
   * Returns a copy with another scope.
   *
   * @param scope the scope
   * @return the copy
   * @throws IllegalArgumentException if {@code scope} is null
   */
  Fault withScope(Scope scope);

  /**
   * Restricts the fault to one endpoint.
   *
   * @param endpoint the endpoint
   * @return a copy that applies only there
   * @throws IllegalArgumentException if {@code endpoint} is null
   */
  default Fault on(Endpoint endpoint) {
    Arguments.requireNonNull(endpoint, "endpoint");
    return withScope(new Scope(Optional.of(endpoint), scope().id(), scope().count()));
  }

  /**
   * Restricts the fault to requests for one id: the path id of a deep-link request, the {@code
   * conversation_id} of a detail request, the {@code offset} of a listing request written as a
   * decimal number (see {@link #atOffset}).
   *
   * @param id the id, as the client meant it (not percent-encoded)
   * @return a copy that applies only to that id
   * @throws IllegalArgumentException if {@code id} is null
   */
  default Fault forId(String id) {
    Arguments.requireNonNull(id, "id");
    return withScope(new Scope(scope().endpoint(), Optional.of(id), scope().count()));
  }

  /**
   * Restricts the fault to the listing requests ({@link Endpoint#INTERACTIONS}, {@link
   * Endpoint#INTERACTION_AGGREGATES}) of one page: those whose body's {@code offset} is {@code
   * offset}. A listing request's id is its offset, so this is {@code forId(Long.toString(offset))};
   * add {@link #on} to keep the fault off the other endpoints.
   *
   * <pre>{@code
   * server.fault(Fault.status(503).on(Endpoint.INTERACTIONS).atOffset(200));   // the third page of 100
   * }</pre>
   *
   * @param offset the page's offset, not negative
   * @return a copy that applies only to that page
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  default Fault atOffset(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    return forId(Long.toString(offset));
  }

  /**
   * Makes the fault apply to the next {@code count} matching requests only; later ones are
   * answered normally ("503 twice, then success").
   *
   * @param count at least 1
   * @return a copy with that count
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  default Fault times(int count) {
    return withScope(new Scope(scope().endpoint(), scope().id(), OptionalInt.of(count)));
  }

  /**
   * Makes the fault apply to every matching request (the default).
   *
   * @return a copy that always applies
   */
  default Fault always() {
    return withScope(new Scope(scope().endpoint(), scope().id(), OptionalInt.empty()));
  }

  /**
   * Waits before handling the request, without blocking other requests.
   *
   * @param delay how long to wait
   * @return the fault
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  static Fault delay(Duration delay) {
    return new Delay(delay, Scope.EVERY_REQUEST);
  }

  /**
   * Holds the request until {@code release} completes (or the server stops, or the client closes
   * the connection), then handles it: a test can so have many requests in flight at once without
   * guessing a delay.
   *
   * @param release completes when the held requests may go on
   * @return the fault
   * @throws IllegalArgumentException if {@code release} is null
   */
  static Fault holdUntil(CompletionStage<?> release) {
    return new Hold(release, Scope.EVERY_REQUEST);
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
  static Fault status(int status) {
    return status(
        status,
        status == 422
            ? NebulyDocuments.validationError(List.of(NebulyDocuments.MISSING_CONVERSATION_ID))
            : NebulyDocuments.error("Simulated failure (HTTP " + requireStatus(status, 100, 599) + ")"));
  }

  /**
   * Answers with an HTTP status and the given JSON body.
   *
   * @param status 100 to 599
   * @param jsonBody the body, sent with {@code Content-Type: application/json}
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range or the body null
   */
  static Fault status(int status, String jsonBody) {
    return new Status(status, jsonBody, Optional.empty(), Scope.EVERY_REQUEST);
  }

  /**
   * Answers 429 with {@code Retry-After} in whole seconds.
   *
   * @param retryAfter the wait to announce; rounded down to seconds
   * @return the fault
   * @throws IllegalArgumentException if {@code retryAfter} is null or negative
   */
  static Fault rateLimited(Duration retryAfter) {
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
  static Fault rateLimitedUntil(Instant retryAt) {
    Arguments.requireNonNull(retryAt, "retryAt");
    return rateLimitedWithHeader(
        DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(retryAt));
  }

  /**
   * Answers 429 with the given {@code Retry-After} text, well-formed or not.
   *
   * @param retryAfter the header's value
   * @return the fault
   * @throws IllegalArgumentException if {@code retryAfter} is null
   */
  static Fault rateLimitedWithHeader(String retryAfter) {
    Arguments.requireNonNull(retryAfter, "retryAfter");
    return new Status(
        429, NebulyDocuments.error("Too many requests"), Optional.of(retryAfter), Scope.EVERY_REQUEST);
  }

  /**
   * Answers 429 with no {@code Retry-After} header.
   *
   * @return the fault
   */
  static Fault rateLimited() {
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
  static Fault htmlPage(int status, String html) {
    return new HtmlPage(status, html, Scope.EVERY_REQUEST);
  }

  /**
   * Answers with a proxy's typical HTML error page.
   *
   * @param status 100 to 599
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range
   */
  static Fault htmlPage(int status) {
    return htmlPage(
        status,
        "<html>\r\n<head><title>"
            + requireStatus(status, 100, 599)
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
  static Fault emptyBody(int status) {
    return new EmptyBody(status, Scope.EVERY_REQUEST);
  }

  /**
   * Answers 200 with {@code Content-Type: application/json} and a body that is not valid JSON.
   *
   * @return the fault
   */
  static Fault malformedJson() {
    return new MalformedJson(Scope.EVERY_REQUEST);
  }

  /**
   * Answers 200, announces a {@code Content-Length}, writes part of the body and closes the
   * connection.
   *
   * @return the fault
   */
  static Fault dropConnection() {
    return new DropConnection(Scope.EVERY_REQUEST);
  }

  /**
   * Answers 200 with a body of {@code bytes} bytes announced by {@code Content-Length}, streamed
   * (never held in memory). The body starts like a JSON document and never ends like one.
   *
   * @param bytes the body's size
   * @return the fault
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  static Fault hugeBody(long bytes) {
    return hugeBody(200, bytes);
  }

  /**
   * Like {@link #hugeBody(long)} with another status: for a status other than 200, an HTML error
   * page that never ends like one.
   *
   * @param status 100 to 599
   * @param bytes the body's size
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range or {@code bytes} not positive
   */
  static Fault hugeBody(int status, long bytes) {
    return new HugeBody(status, bytes, false, Scope.EVERY_REQUEST);
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
  static Fault hugeChunkedBody(long bytes) {
    return hugeChunkedBody(200, bytes);
  }

  /**
   * Like {@link #hugeChunkedBody(long)} with another status: for a status other than 200, an HTML
   * error page, endless with {@code Long.MAX_VALUE}.
   *
   * @param status 100 to 599
   * @param bytes the body's size
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range or {@code bytes} not positive
   */
  static Fault hugeChunkedBody(int status, long bytes) {
    return new HugeBody(status, bytes, true, Scope.EVERY_REQUEST);
  }

  /**
   * Sends the normal answer, headers at once and then the body {@code bytes} bytes at a time with
   * a pause of {@code every} between: a client's idle timeout never fires, but the whole body takes
   * long. {@code trickle(1, Duration.ofMillis(100))} sends ten bytes a second.
   *
   * @param bytes the bytes sent at a time, at least 1
   * @param every the pause between two sends
   * @return the fault
   * @throws IllegalArgumentException if {@code bytes} is less than 1 or {@code every} null or
   *     negative
   */
  static Fault trickle(int bytes, Duration every) {
    return new Trickle(bytes, every, Scope.EVERY_REQUEST);
  }

  /**
   * Answers with a redirect: a 3xx status, a {@code Location} header and no body. A client of
   * Nebuly's API must not follow it.
   *
   * @param status 300 to 399
   * @param location where the answer points
   * @return the fault
   * @throws IllegalArgumentException if the status is out of range or {@code location} null
   */
  static Fault redirect(int status, URI location) {
    return new Redirect(status, location, Scope.EVERY_REQUEST);
  }

  private static int requireStatus(int status, int min, int max) {
    if (status < min || status > max) {
      throw new IllegalArgumentException(
          "HTTP status must be between " + min + " and " + max + ", got " + status);
    }
    return status;
  }

  private static Duration requireNotNegative(Duration duration, String name) {
    Arguments.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
    return duration;
  }

  /**
   * Which requests a fault applies to.
   *
   * @param endpoint the one endpoint, or every endpoint when empty
   * @param id the one id (the client's, not percent-encoded), or every id when empty
   * @param count how many matching requests it applies to, or every one when empty
   */
  record Scope(Optional<Endpoint> endpoint, Optional<String> id, OptionalInt count) {
    /** Every request, always: the scope of a new fault. */
    public static final Scope EVERY_REQUEST =
        new Scope(Optional.empty(), Optional.empty(), OptionalInt.empty());

    /**
     * Checks the scope.
     *
     * @throws IllegalArgumentException if an argument is null or the count less than 1
     */
    public Scope {
      Arguments.requireNonNull(endpoint, "endpoint");
      Arguments.requireNonNull(id, "id");
      Arguments.requireNonNull(count, "count");
      if (count.isPresent() && count.getAsInt() < 1) {
        throw new IllegalArgumentException("count must be at least 1, got " + count.getAsInt());
      }
    }

    /**
     * Tells whether a request is in scope (the count aside).
     *
     * @param requested the request's endpoint
     * @param requestedId the request's id, if it has one
     * @return true when both match
     */
    public boolean matches(Endpoint requested, Optional<String> requestedId) {
      return endpoint.map(requested::equals).orElse(true)
          && id.map(wanted -> requestedId.filter(wanted::equals).isPresent()).orElse(true);
    }

    /** Describes the scope, such as {@code on CONVERSATION_DETAIL for id 'x', 2 time(s)}. */
    @Override
    public String toString() {
      return "on "
          + endpoint.map(Endpoint::toString).orElse("any endpoint")
          + id.map(value -> " for id '" + value + "'").orElse("")
          + (count.isPresent() ? ", " + count.getAsInt() + " time(s)" : ", always");
    }
  }

  /**
   * Waits before handling the request.
   *
   * @param delay how long
   * @param scope the requests it applies to
   */
  record Delay(Duration delay, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if an argument is null or the delay negative
     */
    public Delay {
      requireNotNegative(delay, "delay");
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public Delay withScope(Scope scope) {
      return new Delay(delay, scope);
    }
  }

  /**
   * Holds the request until {@code release} completes.
   *
   * @param release completes when the held requests may go on
   * @param scope the requests it applies to
   */
  record Hold(CompletionStage<?> release, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public Hold {
      Arguments.requireNonNull(release, "release");
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public Hold withScope(Scope scope) {
      return new Hold(release, scope);
    }
  }

  /**
   * Answers with a status and a JSON body.
   *
   * @param status 100 to 599
   * @param jsonBody the body, sent as {@code application/json}
   * @param retryAfter the {@code Retry-After} header's value, if any
   * @param scope the requests it applies to
   */
  record Status(int status, String jsonBody, Optional<String> retryAfter, Scope scope)
      implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if an argument is null or the status out of range
     */
    public Status {
      requireStatus(status, 100, 599);
      Arguments.requireNonNull(jsonBody, "jsonBody");
      Arguments.requireNonNull(retryAfter, "retryAfter");
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public Status withScope(Scope scope) {
      return new Status(status, jsonBody, retryAfter, scope);
    }
  }

  /**
   * Answers with an HTML page.
   *
   * @param status 100 to 599
   * @param html the page, sent as {@code text/html}
   * @param scope the requests it applies to
   */
  record HtmlPage(int status, String html, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if an argument is null or the status out of range
     */
    public HtmlPage {
      requireStatus(status, 100, 599);
      Arguments.requireNonNull(html, "html");
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public HtmlPage withScope(Scope scope) {
      return new HtmlPage(status, html, scope);
    }
  }

  /**
   * Answers with a status and no body.
   *
   * @param status 100 to 599
   * @param scope the requests it applies to
   */
  record EmptyBody(int status, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if the scope is null or the status out of range
     */
    public EmptyBody {
      requireStatus(status, 100, 599);
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public EmptyBody withScope(Scope scope) {
      return new EmptyBody(status, scope);
    }
  }

  /**
   * Answers 200 with a body that is not valid JSON.
   *
   * @param scope the requests it applies to
   */
  record MalformedJson(Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if the scope is null
     */
    public MalformedJson {
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public MalformedJson withScope(Scope scope) {
      return new MalformedJson(scope);
    }
  }

  /**
   * Answers 200, announces a length, sends half and closes the connection.
   *
   * @param scope the requests it applies to
   */
  record DropConnection(Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if the scope is null
     */
    public DropConnection {
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public DropConnection withScope(Scope scope) {
      return new DropConnection(scope);
    }
  }

  /**
   * Answers with a streamed body, never held whole in memory.
   *
   * @param status 100 to 599; 200 sends the start of a JSON document, another an HTML page
   * @param bytes the body's size, positive; {@code Long.MAX_VALUE} with {@code chunked} does not
   *     end
   * @param chunked true to send the body chunked with no length, false to announce its {@code
   *     Content-Length}
   * @param scope the requests it applies to
   */
  record HugeBody(int status, long bytes, boolean chunked, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if the scope is null, the status out of range or the size
     *     not positive
     */
    public HugeBody {
      requireStatus(status, 100, 599);
      if (bytes <= 0) {
        throw new IllegalArgumentException("the body size must be positive, got " + bytes);
      }
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public HugeBody withScope(Scope scope) {
      return new HugeBody(status, bytes, chunked, scope);
    }
  }

  /**
   * Sends the normal answer's body a few bytes at a time.
   *
   * @param bytes the bytes sent at a time, at least 1
   * @param every the pause between two sends
   * @param scope the requests it applies to
   */
  record Trickle(int bytes, Duration every, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if an argument is null, {@code bytes} less than 1 or the
     *     pause negative
     */
    public Trickle {
      if (bytes < 1) {
        throw new IllegalArgumentException("bytes must be at least 1, got " + bytes);
      }
      requireNotNegative(every, "every");
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public Trickle withScope(Scope scope) {
      return new Trickle(bytes, every, scope);
    }
  }

  /**
   * Answers with a 3xx status and a {@code Location}.
   *
   * @param status 300 to 399
   * @param location the header's value
   * @param scope the requests it applies to
   */
  record Redirect(int status, URI location, Scope scope) implements Fault {
    /**
     * Checks the fault.
     *
     * @throws IllegalArgumentException if an argument is null or the status not a redirect
     */
    public Redirect {
      requireStatus(status, 300, 399);
      Arguments.requireNonNull(location, "location");
      Arguments.requireNonNull(scope, "scope");
    }

    @Override
    public Redirect withScope(Scope scope) {
      return new Redirect(status, location, scope);
    }
  }
}
