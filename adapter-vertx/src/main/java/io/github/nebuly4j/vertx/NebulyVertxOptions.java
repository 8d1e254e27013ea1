package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.NebulyApi;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The configuration of a {@link NebulyVertxClient}, in the style of Vert.x's own options classes:
 * fluent setters, plain getters and a copy constructor.
 *
 * <pre>{@code
 * NebulyVertxOptions options = new NebulyVertxOptions()
 *     .setApiKey(System.getenv("NEBULY_API_KEY"))
 *     .setRequestTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>The setters only store; {@link NebulyVertxClient#create} validates everything at once and
 * throws an {@link IllegalArgumentException} naming the first rule broken. The client takes a copy,
 * so changing an options object later does not change a client made from it.
 *
 * <table>
 *   <caption>Options and their defaults</caption>
 *   <tr><th>option</th><th>default</th><th>rule</th></tr>
 *   <tr><td>{@link #setBaseUrl baseUrl}</td><td>{@value #DEFAULT_BASE_URL}</td><td>absolute
 *       http(s), no query, fragment or user-info; plain http only to a loopback host unless
 *       {@code allowPlainHttp}</td></tr>
 *   <tr><td>{@link #setApiKey apiKey}</td><td>none: required</td><td>not blank, no spaces or
 *       control characters</td></tr>
 *   <tr><td>{@link #setConnectTimeout connectTimeout}</td><td>10 s</td><td>positive</td></tr>
 *   <tr><td>{@link #setRequestTimeout requestTimeout}</td><td>30 s</td><td>positive; bounds one
 *       attempt from sending to the last byte of the answer (and, separately, the wait for a
 *       pooled connection)</td></tr>
 *   <tr><td>{@link #setRetryPolicy retryPolicy}</td><td>{@link RetryPolicy#defaults()}</td><td>not
 *       null</td></tr>
 *   <tr><td>{@link #setMaxResponseBytes maxResponseBytes}</td><td>16 MiB</td><td>positive</td></tr>
 *   <tr><td>{@link #setMaxConnections maxConnections}</td><td>16</td><td>positive</td></tr>
 *   <tr><td>{@link #setAllowPlainHttp allowPlainHttp}</td><td>false</td><td>-</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows the API key. The class is not thread-safe, like Vert.x's own
 * options: configure it on one thread, then hand it to {@link NebulyVertxClient#create}.
 */
public class NebulyVertxOptions {

  /** The base URL of Nebuly SaaS, the default. */
  public static final String DEFAULT_BASE_URL = NebulyApi.DEFAULT_BASE_URL;

  /** The default time allowed to open a TCP connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The default time allowed for one attempt, from sending to the last byte: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The default bound on an answer's body: 16 MiB, far above any conversation Nebuly sends. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /** The default number of connections the client keeps open to Nebuly at most: 16. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  /** User-info in a URL is where a password would be; toString hides it as it hides the key. */
  private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]+://)[^/?#]*@");

  private String baseUrl;
  private String apiKey;
  private Duration connectTimeout;
  private Duration requestTimeout;
  private RetryPolicy retryPolicy;
  private long maxResponseBytes;
  private int maxConnections;
  private boolean allowPlainHttp;

  /** Creates options with every default; the API key still has to be set. */
  public NebulyVertxOptions() {
    baseUrl = DEFAULT_BASE_URL;
    connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    retryPolicy = RetryPolicy.defaults();
    maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    maxConnections = DEFAULT_MAX_CONNECTIONS;
  }

  /**
   * Copies other options.
   *
   * @param other the options to copy
   * @throws IllegalArgumentException if {@code other} is null
   */
  public NebulyVertxOptions(NebulyVertxOptions other) {
    if (other == null) {
      throw new IllegalArgumentException("the options to copy must not be null");
    }
    baseUrl = other.baseUrl;
    apiKey = other.apiKey;
    connectTimeout = other.connectTimeout;
    requestTimeout = other.requestTimeout;
    retryPolicy = other.retryPolicy;
    maxResponseBytes = other.maxResponseBytes;
    maxConnections = other.maxConnections;
    allowPlainHttp = other.allowPlainHttp;
  }

  /**
   * Returns the base URL of Nebuly's external API.
   *
   * @return the base URL as set
   */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the base URL of Nebuly's external API; self-hosted installations have their own, possibly
   * with a path prefix. A trailing slash is ignored.
   *
   * @param baseUrl such as {@value #DEFAULT_BASE_URL}
   * @return these options
   */
  public NebulyVertxOptions setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  /**
   * Returns the API key. Keep it out of logs.
   *
   * @return the key, or null when unset
   */
  public String getApiKey() {
    return apiKey;
  }

  /**
   * Sets the API key of the Nebuly project to read from; it is sent as {@code Authorization:
   * Bearer <key>}.
   *
   * @param apiKey the key
   * @return these options
   */
  public NebulyVertxOptions setApiKey(String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /**
   * Returns the time allowed to open a TCP connection.
   *
   * @return the connect timeout
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the time allowed to open a TCP connection (millisecond precision); when it passes, the
   * attempt fails with a {@code NebulyException.Timeout}.
   *
   * @param connectTimeout a positive duration
   * @return these options
   */
  public NebulyVertxOptions setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    return this;
  }

  /**
   * Returns the time allowed for one attempt.
   *
   * @return the request timeout
   */
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /**
   * Sets the time allowed for one attempt, from the moment a connection is in hand to the last
   * byte of the answer (millisecond precision). When it passes, the request is aborted and the
   * attempt fails with a {@code NebulyException.Timeout} whose {@code limit()} is this value; the
   * retry policy may then try again. The wait for a free pooled connection, when every connection
   * is busy, is bounded by the same duration, separately.
   *
   * @param requestTimeout a positive duration
   * @return these options
   */
  public NebulyVertxOptions setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return this;
  }

  /**
   * Returns when and how failed requests are sent again.
   *
   * @return the retry policy
   */
  public RetryPolicy getRetryPolicy() {
    return retryPolicy;
  }

  /**
   * Sets when and how failed requests are sent again; waits run on Vert.x timers and honour
   * Nebuly's {@code Retry-After}. {@link RetryPolicy#none()} turns retries off.
   *
   * @param retryPolicy the policy
   * @return these options
   */
  public NebulyVertxOptions setRetryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
    return this;
  }

  /**
   * Returns the bound on an answer's body, in bytes.
   *
   * @return the bound
   */
  public long getMaxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Sets the bound on an answer's body, in bytes. It is enforced while the body arrives: once
   * exceeded, the request is aborted, nothing more is kept, and the call fails with a {@code
   * NebulyException.MalformedResponse}.
   *
   * @param maxResponseBytes a positive number of bytes
   * @return these options
   */
  public NebulyVertxOptions setMaxResponseBytes(long maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
    return this;
  }

  /**
   * Returns the number of connections the client keeps open to Nebuly at most.
   *
   * @return the bound
   */
  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * Sets the number of connections the client keeps open to Nebuly at most (HTTP/1.1, keep-alive).
   * Further concurrent calls wait for a free connection, at most the request timeout each.
   *
   * @param maxConnections a positive number
   * @return these options
   */
  public NebulyVertxOptions setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
    return this;
  }

  /**
   * Tells whether plain http to a host that is not loopback is accepted.
   *
   * @return true if it is
   */
  public boolean isAllowPlainHttp() {
    return allowPlainHttp;
  }

  /**
   * Accepts a plain {@code http://} base URL to a host that is not loopback. Off by default,
   * because the API key would travel in clear text; plain http to {@code localhost}, {@code
   * 127.x.x.x} or {@code ::1} is always accepted.
   *
   * @param allowPlainHttp true to accept
   * @return these options
   */
  public NebulyVertxOptions setAllowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
    return this;
  }

  /** Returns the options with the API key hidden. */
  @Override
  public String toString() {
    return "NebulyVertxOptions{baseUrl="
        + (baseUrl == null ? null : USER_INFO.matcher(baseUrl).replaceFirst("$1***@"))
        + ", apiKey="
        + (apiKey == null ? "<unset>" : "***")
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", retryPolicy="
        + retryPolicy
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", maxConnections="
        + maxConnections
        + ", allowPlainHttp="
        + allowPlainHttp
        + "}";
  }
}
