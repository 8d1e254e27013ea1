package io.github.nebuly4j.quarkus.runtime;

import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configures the extension's two named Quarkus caches from {@code
 * quarkus.nebuly.deep-links.cache.*}, as defaults that an application's own {@code
 * quarkus.cache.*} values override: the maximum size and the time to live of the Caffeine caches,
 * and, when the application has {@code quarkus-redis-cache}, the time to live and the value type
 * ({@code String}) of the same caches on Redis. Unset values fall back to {@link
 * DeepLinkCachePolicy#defaults()}. Found through {@code
 * META-INF/services}, so that the build, which fixes Redis's value types, sees them too.
 */
public class NebulyCacheDefaults implements SmallRyeConfigBuilderCustomizer {
  private static final String POLICY = ConfiguredSettings.PREFIX + "deep-links.cache.";
  /** A class of {@code quarkus-redis-cache}: without it, {@code quarkus.cache.redis.*} is unknown. */
  private static final String REDIS_CACHE = "io.quarkus.cache.redis.runtime.RedisCache";

  /** Creates the customizer; SmallRye Config calls this through the service loader. */
  public NebulyCacheDefaults() {}

  /**
   * Adds the caches' defaults.
   *
   * @param builder the configuration being built
   */
  @Override
  public void configBuilder(SmallRyeConfigBuilder builder) {
    builder.withDefaultValues(defaults(onClassPath(REDIS_CACHE)));
  }

  /**
   * Returns the defaults, property by property.
   *
   * @param redis whether to give the Redis backend's properties too
   * @return the {@code quarkus.cache.*} properties of the two caches and their default values
   */
  static Map<String, String> defaults(boolean redis) {
    DeepLinkCachePolicy policy = DeepLinkCachePolicy.defaults();
    String maximumSize = "${" + POLICY + "maximum-size:" + policy.maximumSize() + "}";
    String timeToLive = "${" + POLICY + "time-to-live:" + policy.timeToLive() + "}";
    // The NotFound cache is used only when its time to live is set; the fallback is never read.
    String notFoundTimeToLive = "${" + POLICY + "not-found-time-to-live:" + timeToLive + "}";
    Map<String, String> defaults = new LinkedHashMap<>();
    cache(defaults, QuarkusCacheDeepLinkStore.LINKS_CACHE, maximumSize, timeToLive, redis);
    cache(defaults, QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE, maximumSize, notFoundTimeToLive, redis);
    return defaults;
  }

  private static void cache(
      Map<String, String> defaults, String name, String maximumSize, String timeToLive, boolean redis) {
    String caffeine = "quarkus.cache.caffeine.\"" + name + "\".";
    defaults.put(caffeine + "maximum-size", maximumSize);
    defaults.put(caffeine + "expire-after-write", timeToLive);
    if (redis) {
      String onRedis = "quarkus.cache.redis.\"" + name + "\".";
      defaults.put(onRedis + "expire-after-write", timeToLive);
      defaults.put(onRedis + "value-type", String.class.getName());
    }
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, NebulyCacheDefaults.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }
}
