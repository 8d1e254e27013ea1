package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.ConfigurationException;
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
          .assertException(
              failure -> {
                Throwable cause = failure;
                while (cause != null && !(cause instanceof ConfigurationException)) {
                  cause = cause.getCause();
                }
                assertThat(cause).as("the start-up failure").isInstanceOf(ConfigurationException.class);
                assertThat(cause.getMessage()).contains("quarkus.nebuly.api-key");
              });

  @Test
  void theApplicationDidNotStart() {
    // The extension asserts the failure; reaching here means the application was refused.
    assertThat(APP).isNotNull();
  }
}
