package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quarkus.nebuly.devservices.enabled=false starts no fake: with no API key either, the application
 * refuses to start, naming the property.
 */
class DevServicesDisabledTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withEmptyApplication()
          .overrideConfigKey("quarkus.nebuly.devservices.enabled", "false")
          .assertException(failure -> assertThat(StartFailures.assertRefused(failure, "quarkus.nebuly.api-key")).isNotBlank());

  @Test
  void theApplicationDidNotStart() {
    // The extension asserts the failure; reaching here means the application was refused.
    assertThat(APP).isNotNull();
  }
}
