package io.github.nebuly4j.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a nebuly4j client talks to Nebuly: one vocabulary for every adapter, with the same names,
 * defaults, rules and messages. The Vert.x adapter's options and the Quarkus extension's {@code
 * quarkus.nebuly.*} properties are these settings under their framework's spelling ({@code
 * connectTimeout} is {@code setConnectTimeout} and {@code quarkus.nebuly.connect-timeout}).
 *
 * <table>
 *   <caption>Settings, defaults and why</caption>
 *   <tr><th>setting</th><th>default</th><th>rule</th><th>why this default</th></tr>
 *   <tr><td>{@code apiKey}</td><td>none: required</td><td>not blank, no spaces or control
 *       characters</td><td>a key belongs to one project; there is no sensible default</td></tr>
 *   <tr><td>{@code baseUrl}</td><td>{@value #DEFAULT_BASE_URL}</td><td>absolute http(s), a host,
 *       no query, fragment or user-info; plain http only to a loopback host unless {@code
 *       allowPlainHttp}</td><td>Nebuly SaaS; self-hosted installations set their own, with any
 *       path prefix</td></tr>
 *   <tr><td>{@code allowPlainHttp}</td><td>false</td><td>-</td><td>the key would travel in clear
 *       text</td></tr>
 *   <tr><td>{@code connectTimeout}</td><td>5 s</td><td>1 ms to 24 days</td><td>bounds the wait for
 *       a connection, new or pooled; a reachable Nebuly accepts one in milliseconds, so 5 s leaves
 *       room for slow DNS and TLS while a dead host or a saturated pool fails fast enough to
 *       retry</td></tr>
 *   <tr><td>{@code attemptTimeout}</td><td>10 s</td><td>1 ms to 24 days</td><td>bounds one
 *       attempt, from its start to the last byte of the answer, however slowly the bytes come;
 *       Nebuly answers within a second, even for thousands of interactions, and a page waiting on
 *       a stuck attempt is better off retrying</td></tr>
 *   <tr><td>{@code maxBodySize}</td><td>16 MiB</td><td>1 byte to 1 GiB (an answer is held in one
 *       array)</td><td>a conversation of
 *       5,000 long interactions is a few MiB; a body beyond that is a fault, and the bound keeps a
 *       hostile or endless body from filling memory</td></tr>
 *   <tr><td>{@code maxConnections}</td><td>16</td><td>1 to 10,000</td><td>Nebuly rate-limits per
 *       key, so more parallel requests mostly earn 429s; a call that finds every connection busy
 *       waits within {@code connectTimeout}</td></tr>
 *   <tr><td>{@code retryPolicy}</td><td>{@link RetryPolicy#defaults()}: 3 attempts, 200 ms
 *       doubling to 5 s with 20 % jitter, {@code Retry-After} up to 30 s, no retry after 60
 *       s</td><td>not null</td><td>rides out a blip or a deploy of Nebuly without multiplying the
 *       load of an outage</td></tr>
 *   <tr><td>{@code conversationGroupBy}</td><td>{@value #DEFAULT_CONVERSATION_GROUP_BY}
 *       (<b>unverified</b>)</td><td>a JSON object with a text {@code kind} and, optionally, a text
 *       {@code tag} and {@code field}, nothing else</td><td>the {@code group_by} that a conversation
 *       listing sends to {@code get-interaction-aggregates}. Nebuly's pages say that conversations
 *       are listed by grouping by conversation id, but publish no value that does it; this default
 *       is nebuly4j's guess and has not been checked against the live service. A listing that
 *       comes back as one row of totals, or is refused with a 422, needs the value of your
 *       installation</td></tr>
 * </table>
 *
 * <p>Every rule is checked by {@link Builder#build()}, which throws an {@link
 * InvalidSettingException} naming the first setting that breaks one. {@link #toString()} never
 * shows the API key. Instances are immutable.
 */
public final class NebulySettings {
  /** The base URL of Nebuly SaaS's external API. */
  public static final String DEFAULT_BASE_URL = "https://backend.nebuly.com/api/external";

  /** The default {@code connectTimeout}: 5 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The default {@code attemptTimeout}: 10 seconds. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  /** The default {@code maxBodySize}: 16 MiB. */
  public static final long DEFAULT_MAX_BODY_SIZE = 16L * 1024 * 1024;

  /** The default {@code maxConnections}: 16. */
  public static final int DEFAULT_MAX_CONNECTIONS = 16;

  /**
   * The default {@code conversationGroupBy}, {@code {"kind": "conversation_id"}}: nebuly4j's guess
   * at the {@code group_by} that groups by conversation id, which Nebuly does not publish.
   * <b>Unverified</b> against the live service.
   */
  public static final String DEFAULT_CONVERSATION_GROUP_BY = "{\"kind\": \"conversation_id\"}";

  /** The members a {@code group_by} may have, in the order they are sent. */
  private static final List<String> GROUP_BY_MEMBERS = List.of("kind", "tag", "field");

  private static final ObjectMapper GROUP_BY_READER = new ObjectMapper();

  /** The longest timeout: timers take an {@code int} of milliseconds in some clients. */
  static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  static final int MOST_CONNECTIONS = 10_000;

  /** The largest {@code maxBodySize}: an answer is read into one array, whose length is an int. */
  static final long LARGEST_BODY_SIZE = 1L << 30;

  /** The user-info of a URL (where a password would be), hidden by the builder's description. */
  private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]*://)[^/?#]*@");

  private final URI baseUrl;
  private final String apiKey;
  private final boolean allowPlainHttp;
  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final long maxBodySize;
  private final int maxConnections;
  private final RetryPolicy retryPolicy;
  private final Map<String, String> conversationGroupBy;

  private NebulySettings(Builder builder) {
    this.apiKey = checkApiKey(builder.apiKey);
    this.allowPlainHttp = builder.allowPlainHttp;
    this.baseUrl = checkBaseUrl(builder.baseUrl, allowPlainHttp, apiKey);
    this.connectTimeout = checkTimeout("connectTimeout", builder.connectTimeout);
    this.attemptTimeout = checkTimeout("attemptTimeout", builder.attemptTimeout);
    if (builder.maxBodySize < 1 || builder.maxBodySize > LARGEST_BODY_SIZE) {
      throw new InvalidSettingException(
          "maxBodySize",
          "maxBodySize must be between 1 byte and 1 GiB (" + LARGEST_BODY_SIZE + " bytes), got "
              + builder.maxBodySize);
    }
    this.maxBodySize = builder.maxBodySize;
    if (builder.maxConnections < 1 || builder.maxConnections > MOST_CONNECTIONS) {
      throw new InvalidSettingException(
          "maxConnections",
          "maxConnections must be between 1 and " + MOST_CONNECTIONS + ", got " + builder.maxConnections);
    }
    this.maxConnections = builder.maxConnections;
    if (builder.retryPolicy == null) {
      throw new InvalidSettingException(
          "retryPolicy", "retryPolicy must not be null; RetryPolicy.none() turns retries off");
    }
    this.retryPolicy = builder.retryPolicy;
    this.conversationGroupBy = checkGroupBy(builder.conversationGroupBy, apiKey);
  }

  /**
   * Starts a builder with every default; the API key still has to be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .baseUrl(baseUrl.toString())
        .apiKey(apiKey)
        .allowPlainHttp(allowPlainHttp)
        .connectTimeout(connectTimeout)
        .attemptTimeout(attemptTimeout)
        .maxBodySize(maxBodySize)
        .maxConnections(maxConnections)
        .retryPolicy(retryPolicy)
        .conversationGroupBy(conversationGroupBy());
  }

  /**
   * Returns the base URL of Nebuly's external API, without a trailing slash.
   *
   * @return the base URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the API key. Keep it out of logs.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Tells whether plain http to a host that is not loopback is accepted.
   *
   * @return the setting
   */
  public boolean allowPlainHttp() {
    return allowPlainHttp;
  }

  /**
   * Returns the longest wait for a connection, new or pooled.
   *
   * @return the connect timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the longest time one attempt may take, from its start to the last byte of the answer.
   *
   * @return the attempt timeout
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * Returns the most bytes of an answer's body that are read.
   *
   * @return the bound, in bytes
   */
  public long maxBodySize() {
    return maxBodySize;
  }

  /**
   * Returns the most connections a client keeps open to Nebuly.
   *
   * @return the pool's size
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * Returns when and how failed requests are sent again.
   *
   * @return the retry policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the {@code group_by} that a conversation listing sends, as compact JSON, such as {@code
   * {"kind":"conversation_id"}}; see {@link #DEFAULT_CONVERSATION_GROUP_BY} for why it is a
   * setting.
   *
   * @return the {@code group_by} object
   */
  public String conversationGroupBy() {
    ObjectNode json = GROUP_BY_READER.createObjectNode();
    conversationGroupBy.forEach(json::put);
    return json.toString();
  }

  /** The {@code group_by} members, in the order {@code kind}, {@code tag}, {@code field}. */
  Map<String, String> conversationGroupByMembers() {
    return conversationGroupBy;
  }

  /** Describes the settings with the API key hidden. */
  @Override
  public String toString() {
    return "NebulySettings" + toBuilder().values();
  }

  private static Map<String, String> checkGroupBy(String text, String apiKey) {
    String rule = "a JSON object with a text \"kind\" and, optionally, a text \"tag\" and \"field\"";
    if (text == null) {
      throw new InvalidSettingException(
          "conversationGroupBy",
          "conversationGroupBy must not be null; the default is " + DEFAULT_CONVERSATION_GROUP_BY);
    }
    JsonNode json;
    try {
      json = GROUP_BY_READER.readTree(text);
    } catch (JsonProcessingException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw new InvalidSettingException(
          "conversationGroupBy", "conversationGroupBy must be " + rule + ", got " + text.replace(apiKey, "***"));
    }
    Map<String, String> members = new LinkedHashMap<>();
    for (String name : GROUP_BY_MEMBERS) {
      JsonNode value = json.get(name);
      if (value != null && !(value.isTextual() && !value.asText().isBlank())) {
        throw new InvalidSettingException(
            "conversationGroupBy",
            "conversationGroupBy's \"" + name + "\" must be a text that is not blank, got "
                + value.toString().replace(apiKey, "***"));
      }
      if (value != null) {
        members.put(name, value.asText());
      }
    }
    if (!members.containsKey("kind")) {
      throw new InvalidSettingException("conversationGroupBy", "conversationGroupBy must have a \"kind\": " + rule);
    }
    json.fieldNames()
        .forEachRemaining(
            name -> {
              if (!GROUP_BY_MEMBERS.contains(name)) {
                throw new InvalidSettingException(
                    "conversationGroupBy",
                    "conversationGroupBy has the member \"" + name.replace(apiKey, "***")
                        + "\", which group_by does not publish; it may have kind, tag and field");
              }
            });
    return Collections.unmodifiableMap(members);
  }

  private static String checkApiKey(String apiKey) {
    if (apiKey == null) {
      throw new InvalidSettingException(
          "apiKey", "apiKey is not set: set it to the API key of the Nebuly project to read from");
    }
    if (apiKey.isBlank()) {
      throw new InvalidSettingException("apiKey", "apiKey must not be blank");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c <= ' ' || c == 0x7F) {
        // The key is never quoted: only where the bad character is.
        throw new InvalidSettingException(
            "apiKey", "apiKey must not contain spaces or control characters (found one at index " + i + ")");
      }
    }
    return apiKey;
  }

  private static URI checkBaseUrl(String text, boolean allowPlainHttp, String apiKey) {
    if (text == null) {
      throw new InvalidSettingException(
          "baseUrl", "baseUrl must not be null; the default is " + DEFAULT_BASE_URL);
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new InvalidSettingException(
          "baseUrl", "baseUrl is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    if (uri.getRawUserInfo() != null) {
      // Checked first, and the URL is never quoted: user-info is where a secret would be.
      throw new InvalidSettingException(
          "baseUrl", "baseUrl must not contain user-info (user:password@); set the API key with apiKey");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new InvalidSettingException(
          "baseUrl",
          "baseUrl must be an absolute http or https URL, such as " + DEFAULT_BASE_URL + "; got " + quote(uri, apiKey));
    }
    if (uri.getHost() == null) {
      throw new InvalidSettingException("baseUrl", "baseUrl has no valid host: " + quote(uri, apiKey));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidSettingException(
          "baseUrl", "baseUrl must not have a query or a fragment: " + quote(uri, apiKey));
    }
    if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
      throw new InvalidSettingException(
          "baseUrl",
          "baseUrl uses plain http to a host that is not loopback, so the API key would travel in"
              + " clear text; use https, or set allowPlainHttp: "
              + quote(uri, apiKey));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  /** The URL in quotes, with the API key hidden should it have been pasted into the URL too. */
  private static String quote(URI uri, String apiKey) {
    return "'" + uri.toString().replace(apiKey, "***") + "'";
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static Duration checkTimeout(String name, Duration value) {
    if (value == null) {
      throw new InvalidSettingException(name, name + " must not be null");
    }
    if (value.isNegative() || value.toMillis() < 1) {
      throw new InvalidSettingException(name, name + " must be at least 1 ms, got " + value);
    }
    if (value.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new InvalidSettingException(
          name, name + " must be at most " + LONGEST_TIMEOUT + ", got " + value);
    }
    return value;
  }

  /**
   * Collects settings; {@link #build()} checks them. Starts with every default but the API key.
   * Not thread-safe.
   */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey;
    private boolean allowPlainHttp;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String conversationGroupBy = DEFAULT_CONVERSATION_GROUP_BY;

    private Builder() {}

    /**
     * Sets the base URL of Nebuly's external API; a trailing slash is ignored.
     *
     * @param baseUrl such as {@value NebulySettings#DEFAULT_BASE_URL}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the API key of the Nebuly project to read from, sent as {@code Authorization: Bearer}.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Accepts a plain-http base URL to a host that is not loopback.
     *
     * @param allowPlainHttp true to accept
     * @return this builder
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    /**
     * Sets the longest wait for a connection, new or pooled (millisecond precision).
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Sets the longest time one attempt may take, from its start to the last byte of the answer
     * (millisecond precision).
     *
     * @param attemptTimeout a positive duration
     * @return this builder
     */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
      return this;
    }

    /**
     * Sets the most bytes of an answer's body that are read.
     *
     * @param maxBodySize 1 byte to 1 GiB
     * @return this builder
     */
    public Builder maxBodySize(long maxBodySize) {
      this.maxBodySize = maxBodySize;
      return this;
    }

    /**
     * Sets the most connections a client keeps open to Nebuly.
     *
     * @param maxConnections 1 to 10,000
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets when and how failed requests are sent again.
     *
     * @param retryPolicy the policy; {@link RetryPolicy#none()} turns retries off
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Sets the {@code group_by} that a conversation listing sends to {@code
     * get-interaction-aggregates}. Nebuly does not publish the value that groups by conversation
     * id: the default, {@value NebulySettings#DEFAULT_CONVERSATION_GROUP_BY}, is unverified; set the
     * value your Nebuly installation expects if listings come back as one row of totals or are
     * refused.
     *
     * @param conversationGroupBy a JSON object with a text {@code kind} and, optionally, a text
     *     {@code tag} and {@code field}, such as {@code {"kind": "conversation_id"}}
     * @return this builder
     */
    public Builder conversationGroupBy(String conversationGroupBy) {
      this.conversationGroupBy = conversationGroupBy;
      return this;
    }

    /**
     * Checks every setting and returns them.
     *
     * @return the settings
     * @throws InvalidSettingException naming the first setting that breaks its rule
     */
    public NebulySettings build() {
      return new NebulySettings(this);
    }

    /** Describes the builder with the API key and any user-info of the base URL hidden. */
    @Override
    public String toString() {
      return "NebulySettings.Builder" + values();
    }

    private String values() {
      return "[baseUrl="
          + (baseUrl == null ? null : USER_INFO.matcher(baseUrl).replaceFirst("$1***@"))
          + ", apiKey="
          + (apiKey == null ? "<unset>" : "***")
          + ", allowPlainHttp="
          + allowPlainHttp
          + ", connectTimeout="
          + connectTimeout
          + ", attemptTimeout="
          + attemptTimeout
          + ", maxBodySize="
          + maxBodySize
          + ", maxConnections="
          + maxConnections
          + ", retryPolicy="
          + retryPolicy
          + ", conversationGroupBy="
          + (apiKey == null || conversationGroupBy == null ? conversationGroupBy : conversationGroupBy.replace(apiKey, "***"))
          + "]";
    }
  }
}
