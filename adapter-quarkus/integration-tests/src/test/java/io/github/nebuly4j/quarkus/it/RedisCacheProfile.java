package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The application as one of several instances would run it: the deep-link cache on, its two
 * caches on Redis (a real {@code redis-server}), {@code NotFound} kept for a minute.
 */
public class RedisCacheProfile implements QuarkusTestProfile {
  /** How long the profile keeps {@code NotFound}. */
  static final String NOT_FOUND_TIME_TO_LIVE = "60s";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.nebuly.deep-links.cache.enabled", "true",
        "quarkus.nebuly.deep-links.cache.not-found-time-to-live", NOT_FOUND_TIME_TO_LIVE,
        "quarkus.cache.\"" + QuarkusCacheDeepLinkStore.LINKS_CACHE + "\".type", "redis",
        "quarkus.cache.\"" + QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE + "\".type", "redis");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeServerResource.class), new TestResourceEntry(RedisResource.class));
  }
}
