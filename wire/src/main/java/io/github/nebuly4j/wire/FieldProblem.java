package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.Omission;

/**
 * A field of an answer that could not be read: its path and, in plain words, what was expected and
 * what was found. Both are free of the API key (see {@link FieldProblems}). It becomes an {@link
 * Omission} of the conversation, or, for a field the domain cannot do without, the message of a
 * {@code MalformedResponse}.
 *
 * @param path the field's path, such as {@code conversation[3].end_timestamp} or {@code tags.channel}
 * @param reason such as {@code expected an ISO-8601 date-time …, found the text "yesterday"}
 */
record FieldProblem(String path, String reason) {

  /** Returns {@code path: reason}, the problem as a message says it. */
  String message() {
    return path + ": " + reason;
  }

  /** Returns the problem as an omission of the conversation. */
  Omission omission() {
    return new Omission(path, reason);
  }
}
