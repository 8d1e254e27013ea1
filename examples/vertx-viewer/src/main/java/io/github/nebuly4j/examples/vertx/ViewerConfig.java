package io.github.nebuly4j.examples.vertx;

import java.util.Map;
import java.util.Optional;

/**
 * How the Vert.x viewer is set up: from {@code NEBULY_API_KEY}, {@code NEBULY_BASE_URL}, {@code
 * NEBULY_PROJECT_ID}, {@code NEBULY_ORGANIZATION_ID}, {@code HOST} and {@code PORT}. Without a key
 * it serves the embedded demo backend. It listens on 127.0.0.1 unless {@code HOST} says otherwise,
 * since it holds a key. {@link #toString()} never shows the key.
 *
 * @param apiKey the Nebuly API key, or empty for the embedded demo backend
 * @param baseUrl Nebuly's base URL, or empty for Nebuly SaaS (ignored without a key)
 * @param projectId the project id, for links built offline with {@code organizationId}, or empty
 * @param organizationId the organization id, for links built offline with {@code projectId}, or
 *     empty
 * @param host the address to listen on, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port to listen on, 0 for a free one
 */
public record ViewerConfig(
    Optional<String> apiKey,
    Optional<String> baseUrl,
    Optional<String> projectId,
    Optional<String> organizationId,
    String host,
    int port) {
  /** The port the viewer listens on when {@code PORT} is not set. */
  public static final int DEFAULT_PORT = 8081;

  /** The address the viewer listens on when {@code HOST} is not set: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a value is null or blank where it must not be, or the port
   *     is out of range
   */
  public ViewerConfig {
    if (apiKey == null || baseUrl == null || projectId == null || organizationId == null) {
      throw new IllegalArgumentException("optional values must not be null; use Optional.empty()");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the host must not be blank");
    }
    apiKey = apiKey.filter(key -> !key.isBlank());
    baseUrl = baseUrl.filter(url -> !url.isBlank());
    projectId = projectId.filter(id -> !id.isBlank());
    organizationId = organizationId.filter(id -> !id.isBlank());
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
    }
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @param environment the variables, such as {@link System#getenv()}
   * @return the configuration
   * @throws IllegalArgumentException if {@code PORT} is not a port number
   */
  public static ViewerConfig fromEnvironment(Map<String, String> environment) {
    String port = environment.get("PORT");
    int number;
    try {
      number = port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a port number, got '" + port + "'", e);
    }
    String host = environment.get("HOST");
    return new ViewerConfig(
        Optional.ofNullable(environment.get("NEBULY_API_KEY")),
        Optional.ofNullable(environment.get("NEBULY_BASE_URL")),
        Optional.ofNullable(environment.get("NEBULY_PROJECT_ID")),
        Optional.ofNullable(environment.get("NEBULY_ORGANIZATION_ID")),
        host == null || host.isBlank() ? DEFAULT_HOST : host.strip(),
        number);
  }

  /** Describes the configuration without the API key. */
  @Override
  public String toString() {
    return "ViewerConfig[apiKey=" + (apiKey.isPresent() ? "***" : "none (embedded demo backend)")
        + ", baseUrl=" + baseUrl.orElse("default")
        + ", offline links=" + (projectId.isPresent() && organizationId.isPresent())
        + ", host=" + host + ", port=" + port + "]";
  }
}
