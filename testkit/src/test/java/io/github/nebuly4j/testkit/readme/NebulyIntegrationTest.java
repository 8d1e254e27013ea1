package io.github.nebuly4j.testkit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.Fault;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The root README's testkit sample, compiled. */
@Disabled("A README sample: it leaves the call to the reader's adapter, so run, it would find one request")
// BEGIN: testkit-server
@WithFakeNebulyServer(apiKey = "test-key")
class NebulyIntegrationTest {
  @Test
  void retriesAnOutage(FakeNebulyServer nebuly) {
    nebuly.seed(ContractData.fullConversation("c-1"));
    nebuly.fault(Fault.status(503).on(Endpoint.CONVERSATION_DETAIL).times(1));  // one outage first

    // … configure your adapter with nebuly.baseUrl() and "test-key", call your code …

    assertEquals(2, nebuly.journal().requestsTo(Endpoint.CONVERSATION_DETAIL).size());
  }
}
// END: testkit-server
