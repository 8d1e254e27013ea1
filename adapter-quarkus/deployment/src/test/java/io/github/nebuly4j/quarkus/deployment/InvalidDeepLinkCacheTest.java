package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deep-link cache setting that core's policy refuses (a NotFound kept longer than a link) stops
 * the start with a message that names the property.
 */
class InvalidDeepLinkCacheTest {
  @RegisterExtension
  static final QuarkusUnitTest APP =
      new QuarkusUnitTest()
          .withEmptyApplication()
          .overrideConfigKey("quarkus.nebuly.api-key", "a-real-key")
          .overrideConfigKey("quarkus.nebuly.deep-links.cache.enabled", "true")
          .overrideConfigKey("quarkus.nebuly.deep-links.cache.time-to-live", "1m")
          .overrideConfigKey("quarkus.nebuly.deep-links.cache.not-found-time-to-live", "2m")
          .assertException(
              failure ->
                  assertThat(
                          StartFailures.assertRefused(
                              failure, "quarkus.nebuly.deep-links.cache.not-found-time-to-live"))
                      .contains("must not be longer than timeToLive"));

  @Test
  void theApplicationDidNotStart() {
    // The extension asserts the failure (assertException above); reaching here means the start was refused.
    assertThat(APP).isNotNull();
  }
}
