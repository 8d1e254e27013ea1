package io.github.nebuly4j.testkit.server;

/** The endpoints of Nebuly's external API that {@link FakeNebulyServer} serves. */
public enum Endpoint {
  /** {@code GET /deeplinks/interaction/{interaction_id}}. */
  INTERACTION_LINK("GET", "/deeplinks/interaction/", true),
  /** {@code GET /deeplinks/conversation/{conversation_id}}. */
  CONVERSATION_LINK("GET", "/deeplinks/conversation/", true),
  /** {@code POST /get-conversation-detail} with body {@code {"conversation_id": "…"}}. */
  CONVERSATION_DETAIL("POST", "/get-conversation-detail", false),
  /**
   * {@code POST /get-interactions} with body {@code {"time_range": …, "filters": […], "limit": n,
   * "offset": n}}: a page of interactions.
   */
  INTERACTIONS("POST", "/get-interactions", false),
  /**
   * {@code POST /get-interaction-aggregates} with body {@code {"time_range": …, "filters": […],
   * "group_by": {…}, "limit": n, "offset": n}}: a page of conversations, grouped by conversation
   * id.
   */
  INTERACTION_AGGREGATES("POST", "/get-interaction-aggregates", false);

  private final String method;
  private final String path;
  private final boolean idInPath;

  Endpoint(String method, String path, boolean idInPath) {
    this.method = method;
    this.path = path;
    this.idInPath = idInPath;
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

  /**
   * Tells whether the endpoint's path ends with an id (the deep links), rather than being the whole
   * path (the {@code POST} endpoints, whose request is in the body).
   *
   * @return true when {@link #path()} is the prefix of an id
   */
  public boolean idInPath() {
    return idInPath;
  }
}
