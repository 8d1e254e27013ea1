package io.github.nebuly4j.bench.load;

import io.github.nebuly4j.bench.fixture.Fixtures;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one load run asks the server, again and again. */
public enum Workload {
  /** {@code POST /get-conversation-detail} for {@link Fixtures#CONVERSATION_ID}: the main workload. */
  CONVERSATION("conversation", "POST", Fixtures.API_PREFIX + "/get-conversation-detail"),
  /** {@code GET /deeplinks/interaction/{id}} for {@link Fixtures#INTERACTION_ID}. */
  INTERACTION_LINK(
      "interaction-link", "GET", Fixtures.API_PREFIX + "/deeplinks/interaction/" + Fixtures.INTERACTION_ID),
  /** {@code GET /deeplinks/conversation/{id}} for {@link Fixtures#CONVERSATION_ID}. */
  CONVERSATION_LINK(
      "conversation-link", "GET", Fixtures.API_PREFIX + "/deeplinks/conversation/" + Fixtures.CONVERSATION_ID);

  private final String label;
  private final String method;
  private final String path;

  Workload(String label, String method, String path) {
    this.label = label;
    this.method = method;
    this.path = path;
  }

  /**
   * Returns the name used on command lines and in results, such as {@code conversation}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns the HTTP method a client sends.
   *
   * @return {@code GET} or {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the request path from the server's root, {@link Fixtures#API_PREFIX} included.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Finds a workload by its label.
   *
   * @param label such as {@code conversation}
   * @return the workload
   * @throws IllegalArgumentException naming the labels that exist
   */
  public static Workload of(String label) {
    for (Workload workload : values()) {
      if (workload.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
        return workload;
      }
    }
    throw new IllegalArgumentException(
        "unknown workload '" + label + "'; known: "
            + Arrays.stream(values()).map(Workload::label).collect(Collectors.joining(", ")));
  }
}
