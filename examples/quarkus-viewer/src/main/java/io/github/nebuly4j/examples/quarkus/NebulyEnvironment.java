package io.github.nebuly4j.examples.quarkus;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigSourceInterceptorFactory;
import io.smallrye.config.FallbackConfigSourceInterceptor;
import java.util.Map;

/**
 * Lets the viewer be configured by {@code NEBULY_API_KEY}, {@code NEBULY_BASE_URL}, {@code
 * NEBULY_PROJECT_ID}, {@code NEBULY_ORGANIZATION_ID} and {@code NEBULY_FRONTEND_URL}, as its README
 * says: when the matching {@code quarkus.nebuly.*} property has no value, it falls back to them.
 *
 * <p>A fallback, and not {@code quarkus.nebuly.api-key=${NEBULY_API_KEY:}} in {@code
 * application.properties}: such an empty value would hide the key that Dev Services provide.
 * Registered in {@code META-INF/services}.
 */
public final class NebulyEnvironment implements ConfigSourceInterceptorFactory {
  /** Creates the factory; SmallRye Config calls this. */
  public NebulyEnvironment() {}

  /**
   * Returns the fallback of the two properties to the two environment variables.
   *
   * @param context the configuration's sources
   * @return the interceptor
   */
  @Override
  public ConfigSourceInterceptor getInterceptor(ConfigSourceInterceptorContext context) {
    return new FallbackConfigSourceInterceptor(
        Map.of(
            "quarkus.nebuly.api-key", Backend.API_KEY,
            "quarkus.nebuly.base-url", "NEBULY_BASE_URL",
            "quarkus.nebuly.project-id", "NEBULY_PROJECT_ID",
            "quarkus.nebuly.organization-id", "NEBULY_ORGANIZATION_ID",
            "quarkus.nebuly.frontend-url", "NEBULY_FRONTEND_URL"));
  }
}
