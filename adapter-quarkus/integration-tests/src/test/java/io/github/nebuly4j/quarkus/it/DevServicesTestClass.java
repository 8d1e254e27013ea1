package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A test class of {@link DevServicesProfile}: the client that Dev Services configured, and the proof
 * that the test classes of one configuration share its fake. Each such class leaves a conversation
 * of its own on the fake its client uses, and finds there every conversation that the classes
 * before it left; whichever class runs second fails if it was given another fake.
 */
abstract class DevServicesTestClass {
  // The test classes of one profile are loaded by one class loader, so they all see this list.
  private static final List<ConversationId> LEFT_BEFORE = new ArrayList<>();

  @ConfigProperty(name = "quarkus.nebuly.base-url")
  URI nebuly;

  @Inject ConversationRepository conversations;

  @Test
  void sharesTheFakeOfTheOtherTestClassesOfItsConfiguration() throws Exception {
    synchronized (LEFT_BEFORE) {
      for (ConversationId earlier : LEFT_BEFORE) {
        assertThat(conversations.findById(earlier).toCompletableFuture().get(30, TimeUnit.SECONDS))
            .as("%s, left by an earlier test class of this profile, on the fake %s uses", earlier, getClass().getSimpleName())
            .isPresent();
      }
      ConversationId own = ConversationId.of("left-by-" + getClass().getSimpleName());
      RemoteFakeNebulyServer.connect(nebuly).seed(ContractData.fullConversation(own.value()));
      LEFT_BEFORE.add(own);
    }
  }
}
