package io.github.nebuly4j.testkit.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as {@link HttpConnection} read it.
 *
 * @param method such as {@code GET}
 * @param target the request target, such as {@code /api/external/x?y}
 * @param version such as {@code HTTP/1.1}
 * @param headers the headers in the order received, names as sent
 * @param body the body's first bytes, up to the server's bound
 */
record IncomingRequest(
    String method, String target, String version, Map<String, List<String>> headers, byte[] body) {

  IncomingRequest withBody(byte[] bytes) {
    return new IncomingRequest(method, target, version, headers, bytes);
  }

  /** The target's path, still percent-encoded; the path of an absolute-form target too. */
  String rawPath() {
    String path = target;
    int scheme = path.indexOf("://");
    if (scheme > 0 && !path.startsWith("/")) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  Optional<String> rawQuery() {
    int query = target.indexOf('?');
    return query < 0 ? Optional.empty() : Optional.of(target.substring(query + 1));
  }

  /** The first value of a header, its name in any case. */
  Optional<String> header(String name) {
    return values(name).stream().findFirst();
  }

  List<String> values(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .flatMap(header -> header.getValue().stream())
        .toList();
  }

  /** HTTP/1.1 keeps the connection unless the client says {@code close}; HTTP/1.0 closes it. */
  boolean keepAlive() {
    boolean close =
        values("Connection").stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("close"));
    return version.equals("HTTP/1.1") && !close;
  }

  boolean expectsContinue() {
    return header("Expect").map(value -> value.equalsIgnoreCase("100-continue")).orElse(false);
  }
}
