package io.github.nebuly4j.quarkus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The README fragments of adapter-quarkus, compiled with the integration tests; the samples that
 * are whole classes are in the {@code readme} package, served by the tests' application at paths
 * no test uses.
 */
final class ReadmeSamples {
  private ReadmeSamples() {}

  static Uni<Page<ConversationSummary>> listing(NebulyMutinyClient nebuly) {
    // BEGIN: quarkus-listing
    ConversationQuery alicesWeek = ConversationQuery.builder()
        .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
        .addFilters(ListingFilter.of(FilterKind.USER, "alice"))
        .build();

    // Every row: a page is fetched when the subscriber's demand needs it, never ahead of it.
    Multi<ConversationSummary> rows = nebuly.conversations(alicesWeek);
    rows.select().first(50)                         // cancels after 50 rows: no further request
        .subscribe().with(row -> System.out.println(row.id()), failure -> System.err.println(failure));

    // One page: total, offset, limit and its rows.
    Uni<Page<ConversationSummary>> firstPage = nebuly.conversationPage(alicesWeek, 0);
    // END: quarkus-listing
    return firstPage;
  }

  /** A user's test of an application that runs on Dev Services' fake Nebuly. */
  static class ScriptedOutageTest {
    // BEGIN: quarkus-devservices-remote
    @ConfigProperty(name = "quarkus.nebuly.base-url") URI nebuly;

    @Test
    void survivesTwoOutages() {
      FakeNebulyControl fake = RemoteFakeNebulyServer.connect(nebuly);   // testkit
      fake.fault(Fault.status(503).times(2));
      // … exercise the application …
      assertEquals(3, fake.journal().count());
    }
    // END: quarkus-devservices-remote
  }
}
