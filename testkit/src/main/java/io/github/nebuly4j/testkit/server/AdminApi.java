package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin API of {@link FakeNebulyServer}, served on its port below {@value #PATH} (outside the
 * API's base path; the server listens on {@code 127.0.0.1} only): what {@link FakeNebulyControl}
 * does, over HTTP, for {@link RemoteFakeNebulyServer}. Admin requests are not journaled and no
 * fault applies to them.
 *
 * <table>
 *   <caption>Resources, below {@value #PATH}</caption>
 *   <tr><th>request</th><th>does</th></tr>
 *   <tr><td>{@code POST /api-keys} (the key as text)</td><td>accepts one more key</td></tr>
 *   <tr><td>{@code PUT /conversations/{id}}, {@code /interaction-links/{id}}, {@code
 *       /conversation-links/{id}} (the document)</td><td>serves the document as given</td></tr>
 *   <tr><td>{@code POST /seed} (a seed file)</td><td>seeds from it</td></tr>
 *   <tr><td>{@code POST /faults} (a fault's JSON), {@code DELETE /faults}</td>
 *       <td>adds a fault, clears them</td></tr>
 *   <tr><td>{@code POST /releases/{token}}</td><td>releases the requests of a hold</td></tr>
 *   <tr><td>{@code GET /journal?awaitCount=n&timeoutMillis=t}</td>
 *       <td>{@code {"reached": …, "requests": […]}}, after waiting for n requests</td></tr>
 *   <tr><td>{@code POST /reset}</td><td>resets</td></tr>
 *   <tr><td>{@code GET /connections}</td><td>{@code {"open": n}}</td></tr>
 *   <tr><td>{@code GET /connections/{id}?awaitClosedByPeerMillis=t}</td>
 *       <td>{@code {"closedByPeer": …}}</td></tr>
 * </table>
 *
 * <p>Ids in paths are percent-encoded as one segment. Bad input is 400 {@code {"detail": "…"}}, an
 * unknown resource 404, a wrong method 405.
 */
final class AdminApi {
  /** The path below which the admin API is served. */
  static final String PATH = "/_fake-nebuly";

  private final FakeNebulyServer server;
  private final Map<String, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();

  AdminApi(FakeNebulyServer server) {
    this.server = server;
  }

  static boolean serves(String rawPath) {
    return rawPath.equals(PATH) || rawPath.startsWith(PATH + "/");
  }

  Response handle(IncomingRequest request) {
    try {
      return route(request);
    } catch (IllegalArgumentException e) {
      return Response.error(400, String.valueOf(e.getMessage()));
    }
  }

  private Response route(IncomingRequest request) {
    List<String> path = List.of(request.rawPath().substring(PATH.length()).split("/", -1));
    String resource = path.size() < 2 ? "" : path.get(1);
    String id = path.size() == 3 ? decode(path.get(2)) : null;
    if (path.size() > 3 || (path.size() == 3 && !List.of("conversations", "interaction-links", "conversation-links", "releases", "connections").contains(resource))) {
      return Response.error(404, "no admin resource " + request.rawPath());
    }
    String body = new String(request.body(), StandardCharsets.UTF_8);
    String method = request.method();
    switch (resource) {
      case "api-keys":
        return expect("POST", method, () -> server.acceptApiKey(body));
      case "conversations":
        return expect("PUT", method, () -> server.seedRaw(ConversationId.of(required(id)), body));
      case "interaction-links":
        return expect("PUT", method, () -> server.seedRawInteractionLink(InteractionId.of(required(id)), body));
      case "conversation-links":
        return expect("PUT", method, () -> server.seedRawConversationLink(ConversationId.of(required(id)), body));
      case "seed":
        return expect("POST", method, () -> server.seedFromJson(body));
      case "faults":
        if (method.equals("DELETE")) {
          server.clearFaults();
          return Response.empty(204);
        }
        return expect("POST", method, () -> server.fault(AdminJson.fault(AdminJson.parse(body), this::hold)));
      case "releases":
        return expect("POST", method, () -> release(required(id)));
      case "reset":
        return expect("POST", method, server::reset);
      case "journal":
        return method.equals("GET") ? journal(request) : notAllowed("GET");
      case "connections":
        if (!method.equals("GET")) {
          return notAllowed("GET");
        }
        if (id == null) {
          return json(AdminJson.JSON.createObjectNode().put("open", server.openConnections()));
        }
        long connection = parseLong(id, "a connection id");
        Duration wait = Duration.ofMillis(parseLong(query(request).getOrDefault("awaitClosedByPeerMillis", "0"), "awaitClosedByPeerMillis"));
        return json(AdminJson.JSON.createObjectNode().put("closedByPeer", server.awaitClosedByPeer(connection, wait)));
      default:
        return Response.error(404, "no admin resource " + request.rawPath());
    }
  }

  private Response journal(IncomingRequest request) {
    Map<String, String> query = query(request);
    int count = (int) parseLong(query.getOrDefault("awaitCount", "0"), "awaitCount");
    Duration wait = Duration.ofMillis(parseLong(query.getOrDefault("timeoutMillis", "0"), "timeoutMillis"));
    boolean reached = server.journal().awaitCount(count, wait);
    ObjectNode answer = AdminJson.JSON.createObjectNode().put("reached", reached);
    answer.set("requests", AdminJson.requests(server.journal().requests()));
    return json(answer);
  }

  /** The stage that a hold's token stands for, until the token is released. */
  private CompletionStage<?> hold(String token) {
    return holds.computeIfAbsent(token, unused -> new CompletableFuture<>());
  }

  private void release(String token) {
    CompletableFuture<Void> hold = holds.remove(token);
    if (hold == null) {
      throw new IllegalArgumentException("no hold has the token '" + token + "'");
    }
    hold.complete(null);
  }

  private static Response expect(String allowed, String method, Runnable action) {
    if (!method.equals(allowed)) {
      return notAllowed(allowed);
    }
    action.run();
    return Response.empty(204);
  }

  private static Response notAllowed(String allowed) {
    return Response.error(405, "Method Not Allowed").header("Allow", allowed);
  }

  private static Response json(ObjectNode body) {
    return Response.json(200, body.toString());
  }

  private static String required(String id) {
    if (id == null) {
      throw new IllegalArgumentException("the path needs an id");
    }
    return id;
  }

  private static String decode(String segment) {
    return PathSegments.decode(segment)
        .orElseThrow(() -> new IllegalArgumentException("the id's percent-encoding is broken: " + segment));
  }

  private static long parseLong(String value, String what) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, got '" + value + "'", e);
    }
  }

  private static Map<String, String> query(IncomingRequest request) {
    Map<String, String> parameters = new HashMap<>();
    request.rawQuery().ifPresent(
        query -> {
          for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0) {
              parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
          }
        });
    return parameters;
  }
}
