package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.io.Serializable;
import java.util.List;

/**
 * One reason Nebuly gave for rejecting a request, from a FastAPI {@code 422} body such as {@code
 * {"detail": [{"loc": ["body", "conversation_id"], "msg": "field required", "type":
 * "value_error.missing"}]}}.
 *
 * @param location where the problem is, such as {@code [body, conversation_id]}; may be empty
 * @param message what is wrong, in Nebuly's words
 * @param type Nebuly's machine-readable kind of problem; may be empty
 */
public record RequestViolation(List<String> location, String message, String type)
    implements Serializable {
  /**
   * Copies the location and checks that nothing is null.
   *
   * @throws IllegalArgumentException if an argument or a location element is null
   */
  public RequestViolation {
    Arguments.requireNonNull(location, "location");
    location.forEach(part -> Arguments.requireNonNull(part, "location element"));
    location = List.copyOf(location);
    Arguments.requireNonNull(message, "message");
    Arguments.requireNonNull(type, "type");
  }

  /** Returns the violation as {@code body.conversation_id: field required}. */
  @Override
  public String toString() {
    return location.isEmpty() ? message : String.join(".", location) + ": " + message;
  }
}
