package io.github.nebuly4j.testkit.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer with its body.
 *
 * @param status the HTTP status
 * @param headers the headers but {@code Content-Length}, in order
 * @param body the body
 */
record Response(int status, Map<String, String> headers, byte[] body) {

  static Response of(int status, String contentType, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  static Response json(int status, String body) {
    return of(status, "application/json", body);
  }

  /** A FastAPI error: {@code {"detail": "…"}}. */
  static Response error(int status, String detail) {
    return json(status, NebulyDocuments.error(detail));
  }

  static Response empty(int status) {
    return new Response(status, new LinkedHashMap<>(), new byte[0]);
  }

  Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
