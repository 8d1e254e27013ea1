package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.NebulyException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a viewer answers instead of a conversation: an HTTP status and a text for people. Both
 * viewers show a failure the same way, and neither ever shows a stack trace.
 *
 * @param status the HTTP status to answer with
 * @param kind a stable name of the failure, for programs reading the JSON
 * @param title a headline for people
 * @param message what happened and what to do about it
 */
public record ViewerError(int status, String kind, String title, String message) {
  private static final Logger LOG = System.getLogger(ViewerError.class.getName());


  /**
   * Returns the answer to an id that Nebuly does not know.
   *
   * @param id the conversation asked for
   * @return a 404
   */
  public static ViewerError notFound(ConversationId id) {
    return new ViewerError(
        404,
        "not-found",
        "No such conversation",
        "Nebuly has no conversation '"
            + id.value()
            + "' in the API key's project. Check the id, and that the key belongs to the project"
            + " that holds it.");
  }

  /**
   * Returns the answer to an id that is not a valid id at all.
   *
   * @param kind what the id should name, {@code conversation} or {@code interaction}
   * @param problem the validation failure of {@link ConversationId#of(String)} or its kin
   * @return a 400
   */
  public static ViewerError invalidId(String kind, IllegalArgumentException problem) {
    return new ViewerError(400, "invalid-id", "Not a valid " + kind + " id", problem.getMessage());
  }

  /**
   * Returns the answer to a failed load, as a {@link java.util.concurrent.CompletionStage} reports
   * it (possibly wrapped in a {@link CompletionException}).
   *
   * @param failure why loading failed
   * @return the answer: a 502, 503 or 504 for a failure of Nebuly, a 500 for anything else, which
   *     is logged here with its stack trace (the answer never shows it)
   */
  public static ViewerError of(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof NebulyException.Authentication) {
      return new ViewerError(
          502,
          "authentication",
          "Nebuly refused the API key",
          "The configured API key is wrong, revoked, or belongs to another project: set"
              + " NEBULY_API_KEY (or nebuly.api-key) to a key of the project that holds the"
              + " conversation. "
              + cause.getMessage());
    }
    if (cause instanceof NebulyException.NotFound) {
      return new ViewerError(404, "not-found", "Not found in Nebuly", cause.getMessage());
    }
    if (cause instanceof NebulyException.RateLimited) {
      return new ViewerError(503, "rate-limited", "Nebuly is busy", cause.getMessage());
    }
    if (cause instanceof NebulyException.Timeout) {
      return new ViewerError(504, "timeout", "Nebuly did not answer in time", cause.getMessage());
    }
    if (cause instanceof NebulyException.Transport) {
      return new ViewerError(502, "unreachable", "Nebuly could not be reached", cause.getMessage());
    }
    if (cause instanceof NebulyException) {
      return new ViewerError(502, "nebuly-failure", "Nebuly could not be read", cause.getMessage());
    }
    // Anything else is a bug of the viewer: its message may show internals, so only the kind is told.
    LOG.log(Level.ERROR, "A viewer failed unexpectedly", cause);
    return new ViewerError(
        500,
        "unexpected",
        "Something went wrong",
        "The viewer failed unexpectedly (" + cause.getClass().getSimpleName() + "). See its log.");
  }
}
