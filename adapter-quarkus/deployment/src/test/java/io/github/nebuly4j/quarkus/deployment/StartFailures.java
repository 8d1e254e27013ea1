package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.ConfigurationException;

/** What a test of a refused start expects: a ConfigurationException, somewhere in the causes, naming a property. */
final class StartFailures {
  private StartFailures() {}

  /**
   * Asserts that the start failed for the configuration, with a message naming {@code property}.
   *
   * @param failure what the start failed with
   * @param property the property the message must name
   * @return the message
   */
  static String assertRefused(Throwable failure, String property) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof ConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the start-up failure").isInstanceOf(ConfigurationException.class);
    assertThat(cause.getMessage()).contains(property);
    return cause.getMessage();
  }
}
