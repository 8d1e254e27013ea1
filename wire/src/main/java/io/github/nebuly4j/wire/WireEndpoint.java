package io.github.nebuly4j.wire;

/**
 * The endpoints of Nebuly's external API that nebuly4j calls, below the configured base URL. A
 * transport with one method per endpoint switches over them exhaustively.
 */
public enum WireEndpoint {
  /** {@code GET /deeplinks/interaction/{interaction_id}}: the deep link of an interaction. */
  INTERACTION_LINK("GET", "/deeplinks/interaction/"),
  /** {@code GET /deeplinks/conversation/{conversation_id}}: the deep link of a conversation. */
  CONVERSATION_LINK("GET", "/deeplinks/conversation/"),
  /** {@code POST /get-conversation-detail}: one conversation with its interactions. */
  CONVERSATION_DETAIL("POST", "/get-conversation-detail"),
  /** {@code POST /get-interactions}: one page of an interaction search. */
  INTERACTIONS("POST", "/get-interactions"),
  /**
   * {@code POST /get-interaction-aggregates}: one page of a conversation listing, grouped by
   * conversation id.
   */
  INTERACTION_AGGREGATES("POST", "/get-interaction-aggregates");

  private final String method;
  private final String path;

  WireEndpoint(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /**
   * Returns the HTTP method.
   *
   * @return {@code GET} or {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path below the base URL; for a deep-link endpoint, the prefix that the encoded id
   * follows.
   *
   * @return the path, starting with {@code /}
   */
  public String path() {
    return path;
  }
}
