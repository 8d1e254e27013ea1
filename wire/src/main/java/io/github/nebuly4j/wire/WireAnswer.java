package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.spi.Arguments;

/**
 * What came back for one attempt: the status, the headers and the body, as a transport read them.
 *
 * @param status the HTTP status
 * @param headers the answer's headers
 * @param body the body's bytes; only the first {@code length} count
 * @param length how many bytes of {@code body} count: the whole body, at most the request's {@link
 *     WireRequest#maxBodyBytes()}; of a truncated answer, the first bytes read, which may be fewer
 *     (see {@link #ERROR_TEXT_BYTES})
 * @param truncated true when the server sent, or announced, more than {@link
 *     WireRequest#maxBodyBytes()} and the transport stopped reading
 */
public record WireAnswer(int status, Headers headers, byte[] body, int length, boolean truncated) {

  /**
   * The most bytes of an error body (a status outside 2xx) that the exchange reads: its beginning
   * explains it. Of a truncated success it reads none. So a truncated answer need carry no more
   * than the first bytes read of an error body, up to this many, and nothing of a success: a
   * transport that cuts a body at the bound need not keep what it read beyond them.
   */
  public static final int ERROR_TEXT_BYTES = 64 * 1024;

  /**
   * Checks the answer.
   *
   * @throws IllegalArgumentException if {@code headers} or {@code body} is null, or {@code length}
   *     is negative or beyond {@code body}
   */
  public WireAnswer {
    Arguments.requireNonNull(headers, "headers");
    Arguments.requireNonNull(body, "body");
    if (length < 0 || length > body.length) {
      throw new IllegalArgumentException(
          "length must be between 0 and the body's " + body.length + " bytes, got " + length);
    }
  }

  /** Describes the answer without its bytes. */
  @Override
  public String toString() {
    return "WireAnswer[status=" + status + ", length=" + length + ", truncated=" + truncated + "]";
  }

  /** The headers of an answer, looked up by name, case-insensitively. */
  @FunctionalInterface
  public interface Headers {
    /**
     * Returns a header's first value.
     *
     * @param name the header's name, in any case
     * @return the value, or null when the header is absent
     */
    String get(String name);
  }
}
