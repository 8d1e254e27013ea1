package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.core.spi.Arguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request that {@link FakeNebulyServer} received, as it arrived: method, raw (still
 * percent-encoded) path and query, headers and body.
 *
 * <p>{@link #toString()} never shows the {@code Authorization} header's value, so that a failing
 * assertion never prints an API key.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param rawPath the path exactly as sent, percent-encoding included
 * @param rawQuery the query exactly as sent, if any
 * @param headers the headers; names compare case-insensitively
 * @param body the body, decoded as UTF-8 (empty when there was none)
 * @param receivedAt when the server read the request
 * @param connectionId the server's number of the connection the request arrived on: requests
 *     with the same number shared one connection
 */
public record RecordedRequest(
    String method,
    String rawPath,
    Optional<String> rawQuery,
    Map<String, List<String>> headers,
    String body,
    Instant receivedAt,
    long connectionId) {

  /**
   * Copies the headers into an immutable, case-insensitive map.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public RecordedRequest {
    Arguments.requireNonNull(method, "method");
    Arguments.requireNonNull(rawPath, "rawPath");
    Arguments.requireNonNull(rawQuery, "rawQuery");
    Arguments.requireNonNull(headers, "headers");
    Arguments.requireNonNull(body, "body");
    Arguments.requireNonNull(receivedAt, "receivedAt");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header's name, in any case
   * @return its first value, if the request had the header
   */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /**
   * Returns every value of a header, in the order received.
   *
   * @param name the header's name, in any case
   * @return the values, empty when the request had no such header
   */
  public List<String> headerValues(String name) {
    Arguments.requireNonNull(name, "name");
    return headers.getOrDefault(name, List.of());
  }

  /**
   * Returns the last segment of the raw path, percent-decoded as UTF-8: the id, for the deep-link
   * endpoints.
   *
   * @return the decoded segment, or empty if its percent-encoding is broken
   */
  public Optional<String> decodedLastSegment() {
    return PathSegments.decode(rawPath.substring(rawPath.lastIndexOf('/') + 1));
  }

  /** Describes the request with the {@code Authorization} value hidden. */
  @Override
  public String toString() {
    Map<String, List<String>> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) ->
            shown.put(
                name,
                name.toLowerCase(Locale.ROOT).equals("authorization")
                    ? List.of("<hidden>")
                    : values));
    return method
        + " "
        + rawPath
        + rawQuery.map(query -> "?" + query).orElse("")
        + " headers="
        + shown
        + " connection="
        + connectionId
        + " body="
        + (body.length() > 200 ? body.substring(0, 200) + "… (" + body.length() + " chars)" : body);
  }
}
