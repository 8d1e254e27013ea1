package io.github.nebuly4j.wire;

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
