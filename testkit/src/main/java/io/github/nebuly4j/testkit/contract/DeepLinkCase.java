package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.core.DeepLink;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One deep-link case of the {@link DecodingCorpus}: a deep-link document, and what decoding it must
 * give, for either endpoint.
 *
 * @param name what the case changes, such as {@code url as the number 42}
 * @param document the document
 * @param expected the link's URI; null when it must fail
 * @param malformedPath the path that the {@code MalformedResponse} names; null when it decodes
 */
public record DeepLinkCase(String name, String document, URI expected, String malformedPath) {

  static DeepLinkCase linked(String name, String document, URI expected) {
    return new DeepLinkCase(name, document, expected, null);
  }

  static DeepLinkCase malformed(String name, String document, String path) {
    return new DeepLinkCase(name, document, null, path);
  }

  /**
   * Decodes the document with {@code decode} and checks the outcome: the link's URI, or a {@code
   * MalformedResponse} naming the field and nothing else.
   *
   * @param decode decodes {@link #document()} as the answer of a deep-link request; it throws what
   *     the client throws
   * @throws AssertionError if the outcome is another
   */
  public void verify(Callable<DeepLink> decode) {
    Optional<DeepLink> link = DecodingFailures.decoded(name, document, malformedPath, "a link", decode);
    if (link.isEmpty()) {
      return;
    }
    assertEquals(expected, link.get().uri(), name + ": the link");
  }
}
