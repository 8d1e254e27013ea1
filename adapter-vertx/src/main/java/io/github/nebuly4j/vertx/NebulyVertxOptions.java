package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.wire.InvalidSettingException;
import io.github.nebuly4j.wire.NebulySettings;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link NebulyVertxClient} talks to Nebuly, with Vert.x-style fluent setters: nebuly4j's
 * settings, under the names, defaults and rules of {@link NebulySettings} (its table says what each
 * one bounds and why its default was chosen). How the client reaches the network (proxy, TLS,
 * pool) is Vert.x's own business: pass {@code WebClientOptions} or a {@code WebClient} to {@link
 * NebulyVertxClient#create}.
 *
 * <pre>{@code
 * NebulyVertxOptions options = new NebulyVertxOptions()
 *     .setApiKey(System.getenv("NEBULY_API_KEY"))
 *     .setAttemptTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The setters only store; {@link NebulyVertxClient#create} checks every setting at once and
 * throws an {@link InvalidSettingException} naming the first one that breaks its rule. The client
 * keeps what it was created with, so changing the options later does not change it. {@link
 * #toString()} never shows the API key. Not thread-safe, like Vert.x's own options.
 */
public class NebulyVertxOptions {
  private final NebulySettings.Builder settings = NebulySettings.builder();
  private DeepLinkCachePolicy deepLinkCache;

  /** Creates options with every default of {@link NebulySettings}; the API key still has to be set. */
  public NebulyVertxOptions() {}

  /**
   * Sets the base URL of Nebuly's external API ({@link NebulySettings.Builder#baseUrl}).
   *
   * @param baseUrl such as {@value NebulySettings#DEFAULT_BASE_URL}
   * @return these options
   */
  public NebulyVertxOptions setBaseUrl(String baseUrl) {
    settings.baseUrl(baseUrl);
    return this;
  }

  /**
   * Sets the API key of the Nebuly project to read from ({@link NebulySettings.Builder#apiKey}).
   *
   * @param apiKey the key
   * @return these options
   */
  public NebulyVertxOptions setApiKey(String apiKey) {
    settings.apiKey(apiKey);
    return this;
  }

  /**
   * Accepts a plain-http base URL to a host that is not loopback ({@link
   * NebulySettings.Builder#allowPlainHttp}).
   *
   * @param allowPlainHttp true to accept
   * @return these options
   */
  public NebulyVertxOptions setAllowPlainHttp(boolean allowPlainHttp) {
    settings.allowPlainHttp(allowPlainHttp);
    return this;
  }

  /**
   * Sets the longest wait for a connection, new or pooled ({@link
   * NebulySettings.Builder#connectTimeout}).
   *
   * @param connectTimeout a positive duration
   * @return these options
   */
  public NebulyVertxOptions setConnectTimeout(Duration connectTimeout) {
    settings.connectTimeout(connectTimeout);
    return this;
  }

  /**
   * Sets the longest time one attempt may take, to the last byte of the answer ({@link
   * NebulySettings.Builder#attemptTimeout}).
   *
   * @param attemptTimeout a positive duration
   * @return these options
   */
  public NebulyVertxOptions setAttemptTimeout(Duration attemptTimeout) {
    settings.attemptTimeout(attemptTimeout);
    return this;
  }

  /**
   * Sets the most bytes of an answer's body that are read ({@link
   * NebulySettings.Builder#maxBodySize}).
   *
   * @param maxBodySize 1 byte to 1 GiB
   * @return these options
   */
  public NebulyVertxOptions setMaxBodySize(long maxBodySize) {
    settings.maxBodySize(maxBodySize);
    return this;
  }

  /**
   * Sets the most connections the client keeps open to Nebuly ({@link
   * NebulySettings.Builder#maxConnections}); it sizes the pool of a Web Client the client creates.
   *
   * @param maxConnections 1 to 10,000
   * @return these options
   */
  public NebulyVertxOptions setMaxConnections(int maxConnections) {
    settings.maxConnections(maxConnections);
    return this;
  }

  /**
   * Sets when and how failed requests are sent again ({@link NebulySettings.Builder#retryPolicy});
   * the waits run on Vert.x timers.
   *
   * @param retryPolicy the policy; {@link RetryPolicy#none()} turns retries off
   * @return these options
   */
  public NebulyVertxOptions setRetryPolicy(RetryPolicy retryPolicy) {
    settings.retryPolicy(retryPolicy);
    return this;
  }

  /**
   * Makes the client keep the deep links it resolved, and let concurrent calls for one id share
   * one request: its {@code interactionLink} and {@code conversationLink} go through core's {@link
   * io.github.nebuly4j.core.links.CachingDeepLinkResolver}, keeping links as the policy says. Off
   * by default: every call asks Nebuly.
   *
   * <pre>{@code
   * new NebulyVertxOptions().setApiKey(key).setDeepLinkCache(DeepLinkCachePolicy.defaults());
   * }</pre>
   *
   * @param policy how many links to keep, and for how long (and {@code NotFound}, if it says so)
   * @return these options
   * @throws IllegalArgumentException if {@code policy} is null
   */
  public NebulyVertxOptions setDeepLinkCache(DeepLinkCachePolicy policy) {
    this.deepLinkCache = Arguments.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Returns the policy of the deep-link cache.
   *
   * @return the policy, or empty when the cache is off (the default)
   */
  public Optional<DeepLinkCachePolicy> getDeepLinkCache() {
    return Optional.ofNullable(deepLinkCache);
  }

  /**
   * Sets the {@code group_by} that a conversation listing sends ({@link
   * NebulySettings.Builder#conversationGroupBy}). Nebuly does not publish the value that groups by
   * conversation id: the default, {@value NebulySettings#DEFAULT_CONVERSATION_GROUP_BY}, is
   * unverified.
   *
   * @param conversationGroupBy a JSON object with a text {@code kind} and, optionally, a text
   *     {@code tag} and {@code field}
   * @return these options
   */
  public NebulyVertxOptions setConversationGroupBy(String conversationGroupBy) {
    settings.conversationGroupBy(conversationGroupBy);
    return this;
  }

  /** Checks every setting: the settings a client runs with. */
  NebulySettings toSettings() {
    return settings.build();
  }

  /** Describes the options with the API key hidden. */
  @Override
  public String toString() {
    return "NebulyVertxOptions{" + settings + ", deepLinkCache=" + (deepLinkCache == null ? "off" : deepLinkCache) + "}";
  }
}
