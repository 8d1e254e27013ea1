package io.github.nebuly4j.examples.vertx;

import java.util.Map;
import java.util.Optional;

/**
 * How the Vert.x viewer is set up: from {@code NEBULY_API_KEY}, {@code NEBULY_BASE_URL} and {@code
 * PORT}. Without a key it serves the embedded demo backend. {@link #toString()} never shows the key.
 *
 * @param apiKey the Nebuly API key, or empty for the embedded demo backend
 * @param baseUrl Nebuly's base URL, or empty for Nebuly SaaS (ignored without a key)
 * @param port the port to listen on, 0 for a free one
 */
public record ViewerConfig(Optional<String> apiKey, Optional<String> baseUrl, int port) {
  /** The port the viewer listens on when {@code PORT} is not set. */
  public static final int DEFAULT_PORT = 8081;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a value is null or the port is out of range
   */
  public ViewerConfig {
    if (apiKey == null || baseUrl == null) {
      throw new IllegalArgumentException("apiKey and baseUrl must not be null; use Optional.empty()");
    }
    apiKey = apiKey.filter(key -> !key.isBlank());
    baseUrl = baseUrl.filter(url -> !url.isBlank());
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
    return new ViewerConfig(
        Optional.ofNullable(environment.get("NEBULY_API_KEY")),
        Optional.ofNullable(environment.get("NEBULY_BASE_URL")),
        number);
  }

  /** Describes the configuration without the API key. */
  @Override
  public String toString() {
    return "ViewerConfig[apiKey=" + (apiKey.isPresent() ? "***" : "none (embedded demo backend)")
        + ", baseUrl=" + baseUrl.orElse("default") + ", port=" + port + "]";
  }
}
