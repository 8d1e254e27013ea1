package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.nebuly4j.core.NebulyException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** The checks shared by the corpora's cases: decoding, and the failure of a case that must fail. */
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

  /**
   * Decodes a case's document and checks its failure, or that it did not fail.
   *
   * @param caseName the case, for messages
   * @param document the document, for messages
   * @param malformedPath the path the failure must name; null when the case must decode
   * @param what what the case decodes to, such as {@code a page}, for messages
   * @param decode decodes the document, throwing what the client throws
   * @return what it decoded to; empty when it failed as the case requires
   * @throws AssertionError if it failed when it should not have, failed otherwise, or decoded when
   *     it should have failed
   */
  static <T> Optional<T> decoded(
      String caseName, String document, String malformedPath, String what, Callable<T> decode) {
    T decoded;
    try {
      decoded = decode.call();
    } catch (Exception | AssertionError failure) {
      if (malformedPath == null) {
        fail(caseName + ": expected " + what + ", got " + failure + "\n  document: " + document, failure);
      }
      requireMalformedNaming(caseName, unwrap(failure), malformedPath, document);
      return Optional.empty();
    }
    if (malformedPath != null) {
      fail(caseName + ": expected MalformedResponse naming " + malformedPath + ", got " + decoded + "\n  document: " + document);
    }
    return Optional.of(decoded);
  }
}
