package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.contract.ListingUnderTest;
import io.github.nebuly4j.testkit.contract.RequestedPage;
import java.util.List;
import java.util.function.ToIntFunction;

/** Binds a port backed by an in-memory listing fake to the listing suites, through the fake's journal. */
public final class InMemoryListingBinding {
  private InMemoryListingBinding() {}

  /**
   * Returns the port under test, watched and scripted through the fake.
   *
   * @param port the port: the fake itself, or something built on it
   * @param fake the fake whose journal and failures stand for the port's
   * @param pageSize reads a query's page size
   * @param <P> the port
   * @param <Q> the query
   * @return the binding
   */
  public static <P, Q> ListingUnderTest<P> underTest(P port, InMemoryListing<?, Q, ?> fake, ToIntFunction<Q> pageSize) {
    return ListingUnderTest.of(
        port,
        () ->
            fake.pageRequests().stream()
                .map(request -> new RequestedPage(pageSize.applyAsInt(request.query()), request.offset()))
                .toList(),
        offset -> {
          NebulyException outage = new NebulyException.ServiceFailure(503, "scripted outage");
          fake.failPagesAt(offset, outage);
          return outage;
        });
  }
}
