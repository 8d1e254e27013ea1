package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With an API key set, no fake starts: the client keeps Nebuly SaaS's base URL. */
class DevServicesAbsentTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withEmptyApplication()
          .overrideConfigKey("quarkus.nebuly.api-key", "a-real-key")
          .setLogRecordPredicate(record -> record.getLoggerName().equals(FakeNebulyStartable.class.getName()))
          .assertLogRecords(records -> assertThat(records).as("no fake Nebuly was started").isEmpty());

  @Inject NebulySettings settings;

  @Test
  void theClientTalksToNebuly() {
    assertThat(settings.baseUrl()).hasToString(NebulySettings.DEFAULT_BASE_URL);
    assertThat(settings.apiKey()).isEqualTo("a-real-key");
  }
}
