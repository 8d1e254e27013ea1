package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;

/** The README snippets of adapter-quarkus, compiled with the integration tests. */
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
}
