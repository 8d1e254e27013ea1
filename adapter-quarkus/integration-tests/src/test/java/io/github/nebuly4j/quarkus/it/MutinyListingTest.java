package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.ListingData;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.NebulyDocuments;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listings as Mutiny {@link Multi}s and {@link io.smallrye.mutiny.Uni}s, and as the injected
 * ports, against the fake server: demand reaches Nebuly as page requests and nothing more, a reader
 * that cancels or stops reading causes no further request, and a failed page fails the stream after
 * the rows before.
 */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class MutinyListingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
  private static final TimeRange RANGE = TimeRange.lasting(Duration.ofDays(30), T0.plus(Duration.ofDays(30)));
  private static final InteractionQuery DEFAULT_PAGES = InteractionQuery.builder().timeRange(RANGE).build();

  @InjectFakeServer FakeNebulyServer server;

  @Inject NebulyMutinyClient mutiny;

  @Inject InteractionSearch search;

  @Inject ConversationListing listing;

  @BeforeEach
  void resetServer() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
  }

  private void seedInteractions(int count) {
    List<InteractionSummary> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(ListingData.fullInteraction("i-" + i, T0.plusSeconds(i)));
    }
    server.seedInteractionRows(rows);
  }

  /** The offsets asked for with this page size, after a later page of another size was answered. */
  private List<Long> offsetsAskedFor(int pageSize) throws Exception {
    mutiny.interactionPage(InteractionQuery.builder().timeRange(RANGE).pageSize(7).build(), 0).await().atMost(WAIT);
    List<Long> offsets = new ArrayList<>();
    for (RecordedRequest request : server.journal().requestsTo(Endpoint.INTERACTIONS)) {
      JsonNode body = JSON.readTree(request.body());
      if (body.get("limit").asInt() == pageSize) {
        offsets.add(body.get("offset").asLong());
      }
    }
    return offsets;
  }

  private static List<Long> firstPages(int count) {
    return LongStream.range(0, count).map(page -> page * 100).boxed().toList();
  }

  @Test
  void aMultiOf10000RowsCancelledAfter2500RequestsNoFurtherPage() throws Exception {
    seedInteractions(10_000);

    AssertSubscriber<InteractionSummary> reader =
        mutiny.interactions(DEFAULT_PAGES).select().first(2_500).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

    reader.awaitCompletion(WAIT);
    assertThat(reader.getItems()).hasSize(2_500);
    assertThat(offsetsAskedFor(100)).isEqualTo(firstPages(25));
  }

  @Test
  void aReaderThatStopsRequestingAfter2500Of10000RowsCausesNoFurtherRequest() throws Exception {
    seedInteractions(10_000);

    AssertSubscriber<InteractionSummary> reader =
        mutiny.interactions(DEFAULT_PAGES).subscribe().withSubscriber(AssertSubscriber.create(2_500));
    reader.awaitItems(2_500, WAIT);

    assertThat(offsetsAskedFor(100)).as("page requests while nothing more is asked for").isEqualTo(firstPages(25));
    reader.cancel();
    assertThat(offsetsAskedFor(100)).as("page requests after the cancel").isEqualTo(firstPages(25));
    assertThat(reader.getItems()).hasSize(2_500);
    reader.assertNotTerminated();
  }

  @Test
  void aMultiSendsNothingUntilRequestedAndPagesAsItsReaderAsks() throws Exception {
    seedInteractions(250);
    Multi<InteractionSummary> rows = mutiny.interactions(DEFAULT_PAGES);

    AssertSubscriber<InteractionSummary> reader = rows.subscribe().withSubscriber(AssertSubscriber.create(0));
    assertThat(offsetsAskedFor(100)).as("subscribed, nothing requested").isEmpty();

    reader.request(101);
    reader.awaitItems(101, WAIT);
    assertThat(offsetsAskedFor(100)).isEqualTo(firstPages(2));

    reader.request(Long.MAX_VALUE);
    reader.awaitCompletion(WAIT);
    assertThat(reader.getItems()).hasSize(250);
    assertThat(reader.getItems().get(0).id().value()).as("newest first").isEqualTo("i-249");
    assertThat(offsetsAskedFor(100)).isEqualTo(firstPages(3));
  }

  @Test
  void aFailedThirdPageFailsTheMultiAfterTwoPages() {
    seedInteractions(50);
    server.fault(Fault.status(400, NebulyDocuments.error("refused")).on(Endpoint.INTERACTIONS).atOffset(20));

    AssertSubscriber<InteractionSummary> reader =
        mutiny
            .interactions(InteractionQuery.builder().timeRange(RANGE).pageSize(10).build())
            .subscribe()
            .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

    reader.awaitFailure(WAIT);
    assertThat(reader.getFailure()).isInstanceOf(NebulyException.InvalidRequest.class);
    assertThat(reader.getItems()).hasSize(20);
  }

  @Test
  void conversationsComeAsAMultiAndPagesAsUnis() {
    List<ConversationSummary> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(ListingData.fullConversation("c-" + i, T0.plusSeconds(i)));
    }
    server.seedConversationRows(rows);
    ConversationQuery query = ConversationQuery.builder().timeRange(RANGE).pageSize(2).build();

    List<String> ids = mutiny.conversations(query).map(row -> row.id().value()).collect().asList().await().atMost(WAIT);
    Page<ConversationSummary> second = mutiny.conversationPage(query, 2).await().atMost(WAIT);

    assertThat(ids).containsExactly("c-2", "c-1", "c-0");
    assertThat(second.rows()).extracting(row -> row.id().value()).containsExactly("c-0");
    assertThat(second.total()).isEqualTo(3);
    assertThat(rows.get(2)).isEqualTo(mutiny.conversationPage(query, 0).await().atMost(WAIT).rows().get(0));
  }

  @Test
  void theInjectedPortsPageThroughTheServerAndBadArgumentsAreRefusedAtOnce() {
    seedInteractions(3);
    server.seedConversationRows(List.of(ListingData.fullConversation("c-only", T0)));

    Page<InteractionSummary> interactions =
        search.interactionPage(InteractionQuery.builder().timeRange(RANGE).pageSize(2).build(), 2).toCompletableFuture().join();
    Page<ConversationSummary> conversations =
        listing.conversationPage(ConversationQuery.builder().timeRange(RANGE).build(), 0).toCompletableFuture().join();

    assertThat(interactions.total()).isEqualTo(3);
    assertThat(interactions.rows()).extracting(row -> row.id().value()).containsExactly("i-0");
    assertThat(conversations.rows()).extracting(row -> row.id().value()).containsExactly("c-only");
    assertThatThrownBy(() -> mutiny.interactions(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mutiny.conversations(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mutiny.interactionPage(DEFAULT_PAGES, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mutiny.conversationPage(null, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
