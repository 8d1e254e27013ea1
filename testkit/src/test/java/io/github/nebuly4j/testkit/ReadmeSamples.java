package io.github.nebuly4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.contract.ListingData;
import io.github.nebuly4j.testkit.fake.InMemoryConversationListing;
import io.github.nebuly4j.testkit.fake.ListingSummaries;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The README fragments of testkit, compiled with its tests; the samples that are whole classes are
 * in the {@code readme} package.
 */
final class ReadmeSamples {
  private ReadmeSamples() {}

  static List<RecordedRequest> listingServer(FakeNebulyServer nebuly) {
    // BEGIN: testkit-listing-server
    nebuly.seedListed(ContractData.fullConversation("c-1"));   // serves it, lists it and its interactions
    nebuly.seedInteractionRows(List.of(ListingData.fullInteraction("i-9", Instant.parse("2024-05-30T10:00:00Z"))));
    nebuly.fault(Fault.status(503).on(Endpoint.INTERACTIONS).atOffset(100));   // the second page of 100 fails

    // … call your code, which lists through your adapter configured with nebuly.baseUrl() …

    List<RecordedRequest> pages = nebuly.journal().requestsTo(Endpoint.INTERACTIONS);   // limit, offset, filters
    // END: testkit-listing-server
    return pages;
  }

  static ConversationListing listingFake(ConversationSummary row) {
    // BEGIN: testkit-listing-fake
    InMemoryConversationListing conversations = InMemoryConversationListing.builder()
        .rows(List.of(row, ListingSummaries.ofConversation(ContractData.fullConversation("c-2"))))
        .build()
        .failPagesAt(200, new NebulyException.ServiceFailure(503, "down"));   // the third page of 100
    // conversations.pageRequests(): every page asked for, with its query and offset
    // END: testkit-listing-fake
    return conversations;
  }

  static void connections(FakeNebulyServer server) throws InterruptedException {
    // BEGIN: testkit-connections
    long first = server.journal().requests().get(0).connectionId();
    assertTrue(server.journal().requests().stream().allMatch(r -> r.connectionId() == first)); // keep-alive
    assertTrue(server.awaitClosedByPeer(first, Duration.ofSeconds(5)));  // the client closed it
    assertEquals(0, server.openConnections());
    // END: testkit-connections
  }

  static void remoteControl() {
    // BEGIN: testkit-remote
    FakeNebulyControl server = RemoteFakeNebulyServer.connect(URI.create("http://127.0.0.1:8089/api/external"));
    server.seed(ContractData.fullConversation("c-1")).fault(Fault.status(503).times(2));
    // ... exercise the code under test ...
    assertEquals(3, server.journal().count());
    // END: testkit-remote
  }
}
