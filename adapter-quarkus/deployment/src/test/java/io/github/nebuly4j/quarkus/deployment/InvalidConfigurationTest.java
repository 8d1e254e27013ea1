package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A value that wire's settings refuse stops the start with a message that names the property. */
class InvalidConfigurationTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withEmptyApplication()
          .overrideConfigKey("quarkus.nebuly.api-key", "a-real-key")
          .overrideConfigKey("quarkus.nebuly.max-connections", "0")
          .assertException(failure -> assertThat(StartFailures.assertRefused(failure, "quarkus.nebuly.max-connections")).doesNotContain("a-real-key"));

  @Test
  void theApplicationDidNotStart() {
    // The extension asserts the failure (assertException above); reaching here means the start was refused.
    assertThat(APP).isNotNull();
  }
}
