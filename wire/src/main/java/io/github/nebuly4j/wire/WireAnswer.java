package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.spi.Arguments;

/**
 * What came back for one attempt: the status, the headers and the body, as a transport read them.
 *
 * @param status the HTTP status
 * @param headers the answer's headers
 * @param body the body's bytes; only the first {@code length} count
 * @param length how many bytes of {@code body} were read, at most the request's {@link
 *     WireRequest#maxBodyBytes()}
 * @param truncated true when the server sent more than {@link WireRequest#maxBodyBytes()} and the
 *     transport stopped reading
 */
public record WireAnswer(int status, Headers headers, byte[] body, int length, boolean truncated) {

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
