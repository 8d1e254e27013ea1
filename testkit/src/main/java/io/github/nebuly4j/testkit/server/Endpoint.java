package io.github.nebuly4j.testkit.server;

/** The endpoints of Nebuly's external API that {@link FakeNebulyServer} serves. */
public enum Endpoint {
  /** {@code GET /deeplinks/interaction/{interaction_id}}. */
  INTERACTION_LINK("GET", "/deeplinks/interaction/"),
  /** {@code GET /deeplinks/conversation/{conversation_id}}. */
  CONVERSATION_LINK("GET", "/deeplinks/conversation/"),
  /** {@code POST /get-conversation-detail} with body {@code {"conversation_id": "…"}}. */
  CONVERSATION_DETAIL("POST", "/get-conversation-detail");

  private final String method;
  private final String path;

  Endpoint(String method, String path) {
    this.method = method;
    this.path = path;
  }

  /**
   * Returns the HTTP method the endpoint answers.
   *
   * @return {@code GET} or {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path below the base URL: the whole path, or for the deep-link endpoints the prefix
   * that the percent-encoded id follows.
   *
   * @return the path, such as {@code /deeplinks/interaction/}
   */
  public String path() {
    return path;
  }
}
