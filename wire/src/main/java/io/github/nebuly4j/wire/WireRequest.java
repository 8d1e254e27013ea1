package io.github.nebuly4j.wire;

import java.util.Map;

/**
 * One request, ready to send: built by {@link NebulyExchange}, sent by a {@link NebulyTransport}.
 *
 * @param endpoint which of Nebuly's endpoints it calls, for a transport that has one method per
 *     endpoint (such as a typed REST client interface)
 * @param method the HTTP method, {@code GET} or {@code POST}
 * @param url the absolute URL; its path is percent-encoded already and must be sent as it is
 * @param pathId the id of a deep-link endpoint, percent-encoded as one path segment (the last
 *     segment of {@code url}); null for the other endpoints
 * @param headers the request headers, in order; never null
 * @param body the body, or null for none
 * @param maxBodyBytes the most bytes of the answer's body to read
 */
public record WireRequest(
    WireEndpoint endpoint,
    String method,
    String url,
    String pathId,
    Map<String, String> headers,
    byte[] body,
    long maxBodyBytes) {

  /** Describes the request without its headers' values, which hold the API key. */
  @Override
  public String toString() {
    return "WireRequest[" + method + " " + url + ", headers=" + headers.keySet() + ", body="
        + (body == null ? "none" : body.length + " bytes") + ", maxBodyBytes=" + maxBodyBytes + "]";
  }
}
