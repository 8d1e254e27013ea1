package io.github.nebuly4j.testkit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.Fault;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The README's fake-server sample, compiled. */
@Disabled("A README sample: it leaves the call to the reader's adapter, so run, it would find no request")
// BEGIN: testkit-fake-server
@WithFakeNebulyServer(apiKey = "test-key")
class NebulyClientIT {
  @Test
  void retriesAnOutage(FakeNebulyServer server) throws Exception {
    server.seed(ContractData.fullConversation("c-1"));
    server.seedInteractionLink(InteractionId.of("i-1"), URI.create("https://v2.platform.eu.nebuly.com/live-activity?..."));
    server.fault(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).times(2));   // then success

    // configure your nebuly4j adapter with base URL server.baseUrl() and API key "test-key"
    // ... call it ...

    assertEquals(3, server.journal().requestsTo(Endpoint.CONVERSATION_DETAIL).size());
    assertEquals(Optional.of("Bearer test-key"), server.journal().lastRequest().header("Authorization"));
  }
}
// END: testkit-fake-server
