package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.core.Omission;
import io.github.nebuly4j.core.Page;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One case of the {@link ListingCorpus}: a listing page document, and what decoding it must give
 * when it answers the first page ({@link ListingCorpus#OFFSET}) of a query whose page size is {@link
 * ListingCorpus#LIMIT}.
 *
 * @param name what the case changes, such as {@code data[2].cost as an object}
 * @param document the page document
 * @param expected the page it decodes to, its rows without omissions; null when it must fail
 * @param omitted for each row of the page, the paths (relative to the row) of the omissions it must
 *     list, in order; empty when it must fail
 * @param malformedPath the path that the {@code MalformedResponse} names; null when it decodes
 * @param omissionsOf reads a row's omissions
 * @param withoutOmissions returns a row without its omissions
 * @param <T> the type of a row
 */
public record ListingCase<T>(
    String name,
    String document,
    Page<T> expected,
    List<List<String>> omitted,
    String malformedPath,
    Function<T, List<Omission>> omissionsOf,
    Function<T, T> withoutOmissions) {

  /**
   * Decodes the document with {@code decode} and checks the outcome: the whole page equals the
   * expected one, each row lists its omissions and no other, and a row with omissions does not call
   * itself complete; or the call fails with a {@code MalformedResponse} naming the field, and with
   * nothing else.
   *
   * @param decode decodes {@link #document()} as the answer for the first page of {@link
   *     ListingCorpus#LIMIT} rows; it throws what the client throws
   * @throws AssertionError if the outcome is another
   */
  public void verify(Callable<Page<T>> decode) {
    Optional<Page<T>> decoding = DecodingFailures.decoded(name, document, malformedPath, "a page", decode);
    if (decoding.isEmpty()) {
      return;
    }
    Page<T> decoded = decoding.get();
    List<List<String>> paths =
        decoded.rows().stream().map(row -> omissionsOf.apply(row).stream().map(Omission::field).toList()).toList();
    assertEquals(omitted, paths, name + ": the omissions listed by each row");
    Page<T> stripped =
        new Page<>(
            decoded.total(), decoded.offset(), decoded.limit(), decoded.rows().stream().map(withoutOmissions).toList());
    assertEquals(expected, stripped, name + ": everything but the field must arrive intact");
  }
}
