package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.core.ConversationRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A second test class with {@link DevServicesRemoteControlTest}'s configuration: it shares its fake. */
@QuarkusTest
@TestProfile(DevServicesProfile.class)
class DevServicesSharingTest {
  @ConfigProperty(name = "quarkus.nebuly.base-url")
  URI nebuly;

  @Inject ConversationRepository conversations;

  @Test
  void sharesTheFakeOfTheOtherTestClassesOfItsConfiguration() throws Exception {
    DevServicesSharing.witness(getClass(), nebuly, conversations);
  }
}
