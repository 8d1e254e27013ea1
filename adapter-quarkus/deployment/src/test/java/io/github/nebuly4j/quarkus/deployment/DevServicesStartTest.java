package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With neither an API key nor a base URL, test mode starts the fake Nebuly, logs where it listens,
 * and the beans read its demo data.
 */
class DevServicesStartTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withApplicationRoot(jar -> jar.addClass(DemoIds.class))
          .setLogRecordPredicate(record -> record.getLoggerName().equals(FakeNebulyStartable.class.getName()))
          .assertLogRecords(
              records ->
                  assertThat(records)
                      .extracting(record -> String.format(record.getMessage(), record.getParameters()))
                      .anySatisfy(line -> assertThat(line).contains("listens on http://127.0.0.1:")));

  @Inject NebulySettings settings;

  @Inject ConversationRepository conversations;

  @Test
  void theClientTalksToTheFakeOnLoopback() throws Exception {
    assertThat(settings.baseUrl().getHost()).isEqualTo("127.0.0.1");

    Optional<Conversation> demo = conversations.findById(DemoIds.FIRST_CONVERSATION).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(demo).map(Conversation::id).contains(DemoIds.FIRST_CONVERSATION);
  }
}
