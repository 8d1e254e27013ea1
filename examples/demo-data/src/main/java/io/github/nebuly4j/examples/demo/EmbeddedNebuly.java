package io.github.nebuly4j.examples.demo;

import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A fake Nebuly on 127.0.0.1 that serves testkit's {@linkplain DemoConversations demo
 * conversations} and a deep link for every one of their ids: what a packaged viewer talks to when
 * no API key is configured.
 *
 * <p>The server accepts one API key, made up at random when it starts, so that nothing else on the
 * machine can read it by guessing. {@link #toString()} never shows the key.
 */
public final class EmbeddedNebuly implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final FakeNebulyServer server;
  private final String apiKey;

  private EmbeddedNebuly(FakeNebulyServer server, String apiKey) {
    this.server = server;
    this.apiKey = apiKey;
  }

  /**
   * Starts a fake Nebuly on a free port of 127.0.0.1, seeded with every demo conversation and a
   * deep link for each conversation and interaction.
   *
   * @return the running fake, to be closed when the application stops
   */
  public static EmbeddedNebuly start() {
    byte[] secret = new byte[16];
    RANDOM.nextBytes(secret);
    String apiKey = "embedded-demo-" + HexFormat.of().formatHex(secret);
    FakeNebulyServer server = FakeNebulyServer.builder().apiKey(apiKey).start();
    DemoConversations.seed(server);
    return new EmbeddedNebuly(server, apiKey);
  }

  /**
   * Returns the base URL to configure as {@code nebuly.base-url}.
   *
   * @return the fake's base URL, such as {@code http://127.0.0.1:41234/api/external}
   */
  public URI baseUrl() {
    return server.baseUrl();
  }

  /**
   * Returns the only API key the fake accepts. Never log it.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Returns the fake server itself, so that a test can script a failure.
   *
   * @return the server
   */
  public FakeNebulyServer server() {
    return server;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  /** Describes the fake without its API key. */
  @Override
  public String toString() {
    return "EmbeddedNebuly[" + baseUrl() + ", " + DemoConversations.all().size() + " demo conversations]";
  }
}
