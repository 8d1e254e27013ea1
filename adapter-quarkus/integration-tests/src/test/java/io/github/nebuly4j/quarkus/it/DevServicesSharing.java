package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Proof that the test classes of one configuration share Dev Services' fake: each such class leaves
 * a conversation of its own on the fake its client uses, and finds there every conversation that the
 * classes before it left. Whichever class runs second fails if it was given another fake.
 */
final class DevServicesSharing {
  // The test classes of one profile are loaded by one class loader, so they all see this list.
  private static final List<ConversationId> LEFT_BEFORE = new ArrayList<>();

  private DevServicesSharing() {}

  static synchronized void witness(Class<?> testClass, URI nebuly, ConversationRepository conversations) throws Exception {
    for (ConversationId earlier : LEFT_BEFORE) {
      assertThat(conversations.findById(earlier).toCompletableFuture().get(30, TimeUnit.SECONDS))
          .as("%s, left by an earlier test class of this profile, on the fake %s uses", earlier, testClass.getSimpleName())
          .isPresent();
    }
    ConversationId own = ConversationId.of("left-by-" + testClass.getSimpleName());
    RemoteFakeNebulyServer.connect(nebuly).seed(ContractData.fullConversation(own.value()));
    LEFT_BEFORE.add(own);
  }
}
