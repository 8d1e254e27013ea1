package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.spi.PercentEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Properties;

/**
 * The endpoints of Nebuly's external API and the request values every adapter sends: paths (ids
 * percent-encoded as one segment), the request body, the default base URL, base-URL validation and
 * joining, {@code User-Agent} and {@code Authorization}.
 */
public final class NebulyApi {
  /** The base URL of Nebuly SaaS. Self-hosted installations configure their own. */
  public static final String DEFAULT_BASE_URL = "https://backend.nebuly.com/api/external";

  /** The path of "get conversation details" ({@code POST}, JSON body {@link ConversationDetailRequest}). */
  public static final String CONVERSATION_DETAIL_PATH = "/get-conversation-detail";

  /** The version of nebuly4j, from the build. */
  public static final String VERSION = readVersion();

  /** The {@code User-Agent} header value: {@code nebuly4j/<version>}. */
  public static final String USER_AGENT = "nebuly4j/" + VERSION;

  private static final String INTERACTION_LINK_PREFIX = "/deeplinks/interaction/";
  private static final String CONVERSATION_LINK_PREFIX = "/deeplinks/conversation/";

  private NebulyApi() {}

  /**
   * Returns the path of the deep link to an interaction ({@code GET}).
   *
   * @param id the interaction
   * @return {@code /deeplinks/interaction/} and the id percent-encoded as one segment
   * @throws IllegalArgumentException if {@code id} is null
   */
  public static String interactionLinkPath(InteractionId id) {
    return INTERACTION_LINK_PREFIX + PercentEncoding.encode(Arguments.requireNonNull(id, "id").value());
  }

  /**
   * Returns the path of the deep link to a conversation ({@code GET}).
   *
   * @param id the conversation
   * @return {@code /deeplinks/conversation/} and the id percent-encoded as one segment
   * @throws IllegalArgumentException if {@code id} is null
   */
  public static String conversationLinkPath(ConversationId id) {
    return CONVERSATION_LINK_PREFIX + PercentEncoding.encode(Arguments.requireNonNull(id, "id").value());
  }

  /**
   * Returns the body of {@code POST} {@link #CONVERSATION_DETAIL_PATH}.
   *
   * @param id the conversation
   * @return the request document
   * @throws IllegalArgumentException if {@code id} is null
   */
  public static ConversationDetailRequest conversationDetailRequest(ConversationId id) {
    return new ConversationDetailRequest(Arguments.requireNonNull(id, "id").value());
  }

  /**
   * Returns the {@code Authorization} header value for an API key.
   *
   * @param apiKey the key
   * @return {@code Bearer <apiKey>}
   * @throws IllegalArgumentException if the key is null, blank, or holds a control character or
   *     space (it could split the header); the message never contains the key
   */
  public static String authorization(String apiKey) {
    Arguments.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c <= ' ' || c == 0x7F) {
        throw new IllegalArgumentException(
            "apiKey must not contain spaces or control characters (found one at index " + i + ")");
      }
    }
    return "Bearer " + apiKey;
  }

  /**
   * Validates a configured base URL and returns it without a trailing slash.
   *
   * <p>Valid: absolute {@code http} or {@code https} with a host, any path prefix, no query, no
   * fragment, no user-info. Plain {@code http} is refused unless the host is loopback ({@code
   * localhost}, {@code 127.x.x.x}, {@code ::1}) or {@code allowPlainHttp} is set, because the API
   * key would travel in clear text. No DNS lookup is made.
   *
   * @param baseUrl the configured value, such as {@value #DEFAULT_BASE_URL}
   * @param allowPlainHttp whether plain http to a non-loopback host is accepted
   * @return the normalized base URL, without a trailing slash
   * @throws IllegalArgumentException naming the rule broken; the message never echoes user-info
   */
  public static URI baseUrl(String baseUrl, boolean allowPlainHttp) {
    Arguments.requireNonNull(baseUrl, "baseUrl");
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the Nebuly base URL is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    return baseUrl(uri, allowPlainHttp);
  }

  /**
   * Validates a configured base URL and returns it without a trailing slash; see {@link
   * #baseUrl(String, boolean)}.
   *
   * @param baseUrl the configured value
   * @param allowPlainHttp whether plain http to a non-loopback host is accepted
   * @return the normalized base URL, without a trailing slash
   * @throws IllegalArgumentException naming the rule broken; the message never echoes user-info
   */
  public static URI baseUrl(URI baseUrl, boolean allowPlainHttp) {
    Arguments.requireNonNull(baseUrl, "baseUrl");
    if (baseUrl.getRawUserInfo() != null) {
      // Checked first, and the URL is never quoted: user-info is where a secret would be.
      throw new IllegalArgumentException(
          "the Nebuly base URL must not contain user-info (user:password@); pass the API key separately");
    }
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "the Nebuly base URL must be an absolute http or https URL, such as "
              + DEFAULT_BASE_URL
              + "; got '"
              + baseUrl
              + "'");
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the Nebuly base URL has no valid host: '" + baseUrl + "'");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the Nebuly base URL must not have a query or a fragment: '" + baseUrl + "'");
    }
    if (scheme.equals("http") && !allowPlainHttp && !isLoopback(baseUrl.getHost())) {
      throw new IllegalArgumentException(
          "the Nebuly base URL uses plain http to a host that is not loopback, so the API key would"
              + " travel in clear text; use https, or allow plain http explicitly: '"
              + baseUrl
              + "'");
    }
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String authority = baseUrl.getRawAuthority();
    return URI.create(scheme + "://" + authority + path);
  }

  /**
   * Joins a base URL and an endpoint path, whatever slashes they carry.
   *
   * @param baseUrl the base URL, such as one {@link #baseUrl(String, boolean)} returned; a trailing
   *     slash is allowed, and a path prefix is kept
   * @param path a path of this class, such as {@link #interactionLinkPath}; a leading slash is optional
   * @return the absolute URL, such as {@code https://nebuly.example/prefix/api/external/get-conversation-detail}
   * @throws IllegalArgumentException if an argument is null
   */
  public static String url(URI baseUrl, String path) {
    Arguments.requireNonNull(baseUrl, "baseUrl");
    Arguments.requireNonNull(path, "path");
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return path.startsWith("/") ? base + path : base + "/" + path;
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

  private static String readVersion() {
    try (InputStream in = NebulyApi.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("io/github/nebuly4j/wire/version.properties is missing from the jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read nebuly4j's version.properties", e);
    }
  }
}
