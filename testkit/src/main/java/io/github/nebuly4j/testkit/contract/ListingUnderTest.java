package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * An implementation of a listing port under test, with what a listing suite needs to watch and
 * script it: the page requests it sent, and a page that fails. An in-memory fake gives its own
 * journal; an HTTP adapter gives the fake server's.
 *
 * @param <P> the port: {@link io.github.nebuly4j.core.InteractionSearch} or {@link
 *     io.github.nebuly4j.core.ConversationListing}
 */
public interface ListingUnderTest<P> {

  /**
   * Returns the implementation under test.
   *
   * @return the port
   */
  P port();

  /**
   * Returns the page requests the implementation sent so far, oldest first, failed ones included.
   *
   * @return a snapshot
   */
  List<RequestedPage> pageRequests();

  /**
   * Makes every request of the page at {@code offset} fail from now on, in a way the
   * implementation reports without retrying.
   *
   * @param offset the page's offset
   * @return an example of the error the implementation must report: the suite checks its class and
   *     its HTTP status
   */
  NebulyException failPagesAt(long offset);

  /**
   * Returns the port, watched and scripted through the given functions.
   *
   * @param port the implementation under test
   * @param pageRequests the page requests it sent so far, oldest first
   * @param failPagesAt makes the page at an offset fail, and returns an example of the error
   * @param <P> the port
   * @return the binding
   * @throws IllegalArgumentException if an argument is null
   */
  static <P> ListingUnderTest<P> of(
      P port, Supplier<List<RequestedPage>> pageRequests, LongFunction<NebulyException> failPagesAt) {
    Arguments.requireNonNull(port, "port");
    Arguments.requireNonNull(pageRequests, "pageRequests");
    Arguments.requireNonNull(failPagesAt, "failPagesAt");
    return new ListingUnderTest<>() {
      @Override
      public P port() {
        return port;
      }

      @Override
      public List<RequestedPage> pageRequests() {
        return pageRequests.get();
      }

      @Override
      public NebulyException failPagesAt(long offset) {
        return failPagesAt.apply(offset);
      }
    };
  }
}
