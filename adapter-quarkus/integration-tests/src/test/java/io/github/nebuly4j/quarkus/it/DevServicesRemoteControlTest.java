package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a user's own {@code @QuarkusTest} does with the fake Nebuly that Dev Services started: the
 * fake lives in the build's class loader, out of the test's reach as an object, so the test reaches
 * it on the client's base URL through testkit's remote control, scripts it and reads its journal.
 */
@QuarkusTest
@TestProfile(DevServicesProfile.class)
class DevServicesRemoteControlTest extends DevServicesTestClass {
  private static final String ID = "scripted-by-the-test";

  @Test
  void aTestScriptsTheFakeThatDevServicesStartedAndReadsItsJournal() throws Exception {
    assertThat(nebuly.getHost()).as("Dev Services' fake, on loopback").isEqualTo("127.0.0.1");
    FakeNebulyControl fake = RemoteFakeNebulyServer.connect(nebuly);
    Conversation scripted = ContractData.fullConversation(ID);
    fake.seed(scripted).fault(Fault.status(503).forId(ID).times(2));
    int before = fake.journal().count();

    Optional<Conversation> found = conversations.findById(scripted.id()).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(found).contains(scripted);
    List<RecordedRequest> sent = fake.journal().requests();
    assertThat(sent.subList(before, sent.size()))
        .as("two 503s scripted by the test, then the answer")
        .hasSize(3)
        .allSatisfy(
            request -> {
              assertThat(request.rawPath()).endsWith(Endpoint.CONVERSATION_DETAIL.path());
              assertThat(request.body()).contains(ID);
            });
  }
}
