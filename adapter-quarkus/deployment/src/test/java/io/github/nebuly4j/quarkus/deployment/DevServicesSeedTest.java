package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** quarkus.nebuly.devservices.seed names a class-path seed file: the fake serves it, and not the demo data. */
class DevServicesSeedTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(jar -> jar.addClass(DemoIds.class).addAsResource("test-seed.json", "seeds/test-seed.json"))
          .overrideConfigKey("quarkus.nebuly.devservices.seed", "seeds/test-seed.json");

  @Inject DeepLinkResolver links;

  @Inject ConversationRepository conversations;

  @Test
  void theFakeServesTheSeed() throws Exception {
    DeepLink link = links.interactionLink(InteractionId.of("seeded-interaction")).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(link.uri()).isEqualTo(URI.create("https://nebuly.example/seeded"));
    assertThat(conversations.findById(ConversationId.of("seeded-conversation")).toCompletableFuture().get(20, TimeUnit.SECONDS))
        .isPresent();
    assertThat(conversations.findById(DemoIds.FIRST_CONVERSATION).toCompletableFuture().get(20, TimeUnit.SECONDS))
        .as("no demo data beside a seed")
        .isEmpty();
  }
}
