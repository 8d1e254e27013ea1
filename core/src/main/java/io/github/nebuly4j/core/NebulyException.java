package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a call to Nebuly failed. The hierarchy is sealed, so a caller can handle every case:
 *
 * <pre>{@code
 * switch (failure) {
 *   case NebulyException.Authentication e -> showKeyProblem();
 *   case NebulyException.NotFound e -> show404();
 *   case NebulyException.RateLimited e -> retryLater(e.retryAfter());
 *   default -> showOutage(failure.getMessage());
 * }
 * }</pre>
 *
 * <p>Each message says what happened and what to do about it, and never contains the API key. Text
 * that Nebuly sent back (a FastAPI {@code detail}) is quoted, cut to {@value #MAX_DETAIL_LENGTH}
 * characters.
 */
public abstract sealed class NebulyException extends RuntimeException
    permits NebulyException.Authentication,
        NebulyException.NotFound,
        NebulyException.InvalidRequest,
        NebulyException.RateLimited,
        NebulyException.ServiceFailure,
        NebulyException.Timeout,
        NebulyException.Transport,
        NebulyException.MalformedResponse {

  /** The longest piece of Nebuly's own text that a message quotes. */
  public static final int MAX_DETAIL_LENGTH = 300;

  private static final long serialVersionUID = 1L;

  private final String detail;

  NebulyException(String message, String detail, Throwable cause) {
    super(message, cause);
    this.detail = detail == null || detail.isBlank() ? null : shorten(detail.strip());
  }

  /**
   * Tells whether sending the same request again may succeed. A retry policy consults it; see
   * {@code io.github.nebuly4j.core.retry.RetryPolicy}.
   *
   * @return true for rate limits, timeouts, transport failures and 500, 502, 503 or 504
   */
  public abstract boolean isRetryable();

  /**
   * Returns the HTTP status Nebuly answered with, when the failure is an HTTP answer.
   *
   * @return the status, or empty for timeouts and transport failures
   */
  public OptionalInt httpStatus() {
    return OptionalInt.empty();
  }

  /**
   * Returns Nebuly's own explanation (a FastAPI {@code detail}), cut to {@value
   * #MAX_DETAIL_LENGTH} characters.
   *
   * @return the explanation, if Nebuly sent one
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  private static String shorten(String text) {
    return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
  }

  private static String status(int httpStatus, String detail) {
    return detail == null || detail.isBlank()
        ? "HTTP " + httpStatus
        : "HTTP " + httpStatus + ": " + shorten(detail.strip());
  }

  private static int requireStatus(int httpStatus, int lowest, int highest) {
    if (httpStatus < lowest || httpStatus > highest) {
      throw new IllegalArgumentException(
          "HTTP status must be between " + lowest + " and " + highest + ", got " + httpStatus);
    }
    return httpStatus;
  }

  /** Nebuly refused the API key (401 or 403): it is missing, wrong, revoked or of another project. */
  public static final class Authentication extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    /**
     * Creates the error.
     *
     * @param httpStatus 401 or 403 in practice; any 4xx is accepted
     * @param detail Nebuly's explanation, or null
     */
    public Authentication(int httpStatus, String detail) {
      super(
          "Nebuly refused the API key ("
              + status(requireStatus(httpStatus, 400, 499), detail)
              + "). Check that the key is set, current, and belongs to the project you query.",
          detail,
          null);
      this.httpStatus = httpStatus;
    }

    @Override
    public boolean isRetryable() {
      return false;
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(httpStatus);
    }
  }

  /**
   * Nebuly has no such interaction or conversation in the API key's project (404). {@code
   * ConversationRepository} reports this as an empty result instead.
   */
  public static final class NotFound extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final String resource;

    /**
     * Creates the error.
     *
     * @param resource what was not found, such as {@code interaction 'abc'}
     * @param detail Nebuly's explanation, or null
     */
    public NotFound(String resource, String detail) {
      super(
          "Nebuly has no "
              + Arguments.requireNonNull(resource, "resource")
              + " in the API key's project ("
              + status(404, detail)
              + "). Check the id, and that the key belongs to the project that holds it.",
          detail,
          null);
      this.resource = resource;
    }

    /**
     * Returns what was not found.
     *
     * @return a description such as {@code interaction 'abc'}
     */
    public String resource() {
      return resource;
    }

    @Override
    public boolean isRetryable() {
      return false;
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(404);
    }
  }

  /** Nebuly rejected the request itself (422, or another 4xx): sending it again cannot help. */
  public static final class InvalidRequest extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final List<RequestViolation> violations;

    /**
     * Creates the error.
     *
     * @param httpStatus the 4xx status, usually 422
     * @param detail Nebuly's explanation, or null
     * @param violations the reasons Nebuly listed; may be empty
     */
    public InvalidRequest(int httpStatus, String detail, List<RequestViolation> violations) {
      super(
          "Nebuly rejected the request as invalid ("
              + status(requireStatus(httpStatus, 400, 499), detail)
              + describe(violations)
              + "). It is not retried; check the arguments of the call.",
          detail,
          null);
      this.httpStatus = httpStatus;
      this.violations = List.copyOf(violations);
    }

    private static String describe(List<RequestViolation> violations) {
      Arguments.requireNonNull(violations, "violations");
      return violations.isEmpty() ? "" : "; " + shorten(violations.toString());
    }

    /**
     * Returns the reasons Nebuly listed for the rejection.
     *
     * @return the violations, possibly empty
     */
    public List<RequestViolation> violations() {
      return violations;
    }

    @Override
    public boolean isRetryable() {
      return false;
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(httpStatus);
    }
  }

  /** Nebuly is rate-limiting the API key (429); it may say when to try again. */
  public static final class RateLimited extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    /**
     * Creates the error.
     *
     * @param retryAfter how long Nebuly asked to wait (its {@code Retry-After}), or null
     * @param detail Nebuly's explanation, or null
     */
    public RateLimited(Duration retryAfter, String detail) {
      super(
          "Nebuly is rate-limiting this API key ("
              + status(429, detail)
              + ")"
              + (retryAfter == null ? "" : "; it asks to retry after " + retryAfter.toMillis() + " ms")
              + ". Send fewer requests, or retry later.",
          detail,
          null);
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
      }
      this.retryAfter = retryAfter;
    }

    /**
     * Returns how long Nebuly asked to wait before the next request.
     *
     * @return the wait, if Nebuly sent a usable {@code Retry-After}
     */
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
      return true;
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(429);
    }
  }

  /** Nebuly failed to answer (a 5xx status). 500, 502, 503 and 504 are worth retrying. */
  public static final class ServiceFailure extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    /**
     * Creates the error.
     *
     * @param httpStatus the status, 500 to 599 (or another status Nebuly should never send)
     * @param detail Nebuly's explanation, or null
     */
    public ServiceFailure(int httpStatus, String detail) {
      super(
          "Nebuly failed to answer ("
              + status(requireStatus(httpStatus, 100, 599), detail)
              + "). If it persists, check Nebuly's status or the base URL.",
          detail,
          null);
      this.httpStatus = httpStatus;
    }

    @Override
    public boolean isRetryable() {
      return httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(httpStatus);
    }
  }

  /** Nebuly did not answer in time, or no connection to it could be had in time. */
  public static final class Timeout extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final Duration limit;
    private final Phase phase;

    /** Which bound passed. */
    public enum Phase {
      /**
       * No connection within the connect timeout: Nebuly did not accept one, or every pooled
       * connection stayed busy.
       */
      CONNECT,
      /** The answer was not complete within the attempt timeout. */
      ANSWER
    }

    /**
     * Creates the error of an answer that did not come in time.
     *
     * @param limit the time limit that passed
     * @param cause the client's own timeout exception, or null
     */
    public Timeout(Duration limit, Throwable cause) {
      this(limit, Phase.ANSWER, cause);
    }

    /**
     * Creates the error.
     *
     * @param limit the time limit that passed
     * @param phase which bound it was
     * @param cause the client's own timeout exception, or null
     */
    public Timeout(Duration limit, Phase phase, Throwable cause) {
      super(describe(Arguments.requireNonNull(limit, "limit"), Arguments.requireNonNull(phase, "phase")), null, cause);
      this.limit = limit;
      this.phase = phase;
    }

    private static String describe(Duration limit, Phase phase) {
      return phase == Phase.CONNECT
          ? "Could not get a connection to Nebuly within "
              + limit.toMillis()
              + " ms: Nebuly did not accept one, or every pooled connection stayed busy. Retry later,"
              + " or raise the connect timeout or the number of connections."
          : "Nebuly did not answer within " + limit.toMillis() + " ms. Retry later, or raise the configured timeout.";
    }

    /**
     * Returns the time limit that passed.
     *
     * @return the limit
     */
    public Duration limit() {
      return limit;
    }

    /**
     * Returns which bound passed: the wait for a connection, or the wait for the answer.
     *
     * @return the phase
     */
    public Phase phase() {
      return phase;
    }

    @Override
    public boolean isRetryable() {
      return true;
    }
  }

  /** The request or its answer was lost on the way: connection refused, reset or closed early. */
  public static final class Transport extends NebulyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param problem what went wrong, such as {@code connection refused by 127.0.0.1:8089}
     * @param cause the client's own exception, or null
     */
    public Transport(String problem, Throwable cause) {
      super(
          "Could not talk to Nebuly: "
              + Arguments.requireNonNull(problem, "problem")
              + ". Check the base URL and the network; the call may be retried.",
          null,
          cause);
    }

    @Override
    public boolean isRetryable() {
      return true;
    }
  }

  /**
   * Nebuly's answer could not be read: not JSON, not the documented document, a required field
   * missing, or larger than the configured bound.
   */
  public static final class MalformedResponse extends NebulyException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    /**
     * Creates the error.
     *
     * @param httpStatus the status of the answer
     * @param problem what is wrong with it, such as {@code conversation[2].timestamp is missing}
     * @param cause the parser's exception, or null
     */
    public MalformedResponse(int httpStatus, String problem, Throwable cause) {
      super(
          "Nebuly's answer (HTTP "
              + requireStatus(httpStatus, 100, 599)
              + ") could not be read: "
              + shorten(Arguments.requireNonNull(problem, "problem"))
              + ". Check that the base URL points at Nebuly's external API.",
          null,
          cause);
      this.httpStatus = httpStatus;
    }

    @Override
    public boolean isRetryable() {
      return false;
    }

    @Override
    public OptionalInt httpStatus() {
      return OptionalInt.of(httpStatus);
    }
  }
}
