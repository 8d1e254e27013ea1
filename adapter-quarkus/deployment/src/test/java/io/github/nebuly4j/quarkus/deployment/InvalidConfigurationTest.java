package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.ConfigurationException;
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
          .assertException(
              failure -> {
                Throwable cause = failure;
                while (cause != null && !(cause instanceof ConfigurationException)) {
                  cause = cause.getCause();
                }
                assertThat(cause).as("the start-up failure").isInstanceOf(ConfigurationException.class);
                assertThat(cause.getMessage()).contains("quarkus.nebuly.max-connections").doesNotContain("a-real-key");
              });

  @Test
  void theApplicationDidNotStart() {
    assertThat(APP).isNotNull();
  }
}
