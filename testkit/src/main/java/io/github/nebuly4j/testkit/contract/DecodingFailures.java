package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.nebuly4j.core.NebulyException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** The check shared by the corpus's cases that must fail. */
final class DecodingFailures {
  private DecodingFailures() {}

  /** Returns the failure a stage or a future wraps, or the failure itself. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Requires {@code failure} to be a {@code MalformedResponse} whose message names {@code path}: the
   * path stands on its own, not as the start of a longer one ({@code conversation} is not named by
   * {@code conversation[0].id}).
   */
  static void requireMalformedNaming(String caseName, Throwable failure, String path, String document) {
    if (!(failure instanceof NebulyException.MalformedResponse)) {
      fail(caseName + ": expected MalformedResponse naming " + path + ", got " + failure + "\n  document: " + document, failure);
    }
    Pattern named = Pattern.compile("(?<![\\w.\\]])" + Pattern.quote(path) + "(?![\\w.\\[])");
    assertTrue(
        named.matcher(failure.getMessage()).find(),
        caseName + ": the message must name " + path + ": " + failure.getMessage());
  }
}
