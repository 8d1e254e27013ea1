package io.github.nebuly4j.bench.server;

import io.github.nebuly4j.bench.fixture.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the loopback servers answer, decided once here so that every server (the fast Vert.x one
 * of the measured runs, the JDK one of the smoke tests) serves the same pre-encoded bytes: the
 * two deep links, the conversation of {@link Fixtures#SERVED_INTERACTIONS} interactions for any
 * conversation id, 401 without a Bearer key, and FastAPI's 404 for any other path.
 */
public final class LoopbackRoutes {
  /** The content type of every answer. */
  public static final String CONTENT_TYPE = "application/json";

  /** An answer of the loopback server. */
  public enum Route {
    /** {@code GET /deeplinks/interaction/{id}}. */
    INTERACTION_LINK(200),
    /** {@code GET /deeplinks/conversation/{id}}. */
    CONVERSATION_LINK(200),
    /** {@code POST /get-conversation-detail}. */
    CONVERSATION_DETAIL(200),
    /** No {@code Authorization: Bearer …} header. */
    UNAUTHORIZED(401),
    /** Any other method or path. */
    NOT_FOUND(404);

    private final int status;

    Route(int status) {
      this.status = status;
    }

    /**
     * Returns the HTTP status of this answer.
     *
     * @return the status
     */
    public int status() {
      return status;
    }
  }

  private static final String INTERACTION_LINK_PREFIX = Fixtures.API_PREFIX + "/deeplinks/interaction/";
  private static final String CONVERSATION_LINK_PREFIX = Fixtures.API_PREFIX + "/deeplinks/conversation/";
  private static final String DETAIL_PATH = Fixtures.API_PREFIX + "/get-conversation-detail";

  private final Map<Route, byte[]> bodies = new EnumMap<>(Route.class);

  /** Encodes every answer once. */
  public LoopbackRoutes() {
    bodies.put(Route.INTERACTION_LINK, Fixtures.deepLink("interactionId", Fixtures.INTERACTION_ID));
    bodies.put(Route.CONVERSATION_LINK, Fixtures.deepLink("conversationId", Fixtures.CONVERSATION_ID));
    bodies.put(Route.CONVERSATION_DETAIL, Fixtures.conversation(Fixtures.SERVED_INTERACTIONS));
    bodies.put(Route.UNAUTHORIZED, "{\"detail\":\"Not authenticated\"}".getBytes(StandardCharsets.UTF_8));
    bodies.put(Route.NOT_FOUND, "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Chooses the answer to a request.
   *
   * @param method the request's method
   * @param path the request's raw path, without the query
   * @param authorization the {@code Authorization} header, or null
   * @return the answer
   */
  public static Route route(String method, String path, String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() == 7) {
      return Route.UNAUTHORIZED;
    }
    if ("GET".equals(method)) {
      if (hasSegmentAfter(path, INTERACTION_LINK_PREFIX)) {
        return Route.INTERACTION_LINK;
      }
      if (hasSegmentAfter(path, CONVERSATION_LINK_PREFIX)) {
        return Route.CONVERSATION_LINK;
      }
    } else if ("POST".equals(method) && DETAIL_PATH.equals(path)) {
      return Route.CONVERSATION_DETAIL;
    }
    return Route.NOT_FOUND;
  }

  /**
   * Returns the pre-encoded body of an answer; callers must not modify it.
   *
   * @param route the answer
   * @return the JSON bytes
   */
  public byte[] body(Route route) {
    return bodies.get(route);
  }

  private static boolean hasSegmentAfter(String path, String prefix) {
    return path.length() > prefix.length() && path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0;
  }
}
