package io.github.nebuly4j.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/**
 * The run-time configuration of nebuly4j, {@code quarkus.nebuly.*}: wire's {@code NebulySettings}
 * under Quarkus's spelling ({@code connectTimeout} is {@code quarkus.nebuly.connect-timeout}), plus
 * what the Quarkus REST Client underneath needs (TLS, proxy, logging). A value left unset takes
 * {@code NebulySettings}'s default, so that every adapter has the same defaults, written once.
 *
 * <p>The application refuses to start when a value breaks its rule, with a message that names the
 * property. Durations take Quarkus's forms ({@code 5s}, {@code 200ms}, {@code PT5S}); sizes take
 * {@code 16M}, {@code 512K} or a number of bytes. The API key is a secret key of the configuration:
 * it shows in no configuration dump.
 */
@ConfigMapping(prefix = "quarkus.nebuly")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface NebulyConfig {

  /**
   * The API key of the Nebuly project to read from, sent as {@code Authorization: Bearer <key>}.
   * Required, except in dev and test mode, where Dev Services start a fake Nebuly when neither
   * this nor {@code quarkus.nebuly.base-url} is set. Better given as an environment variable
   * ({@code QUARKUS_NEBULY_API_KEY}) or from a secret store than written in a file.
   *
   * @return the key, if set
   */
  Optional<String> apiKey();

  /**
   * The base URL of Nebuly's external API: Nebuly SaaS's ({@code
   * https://backend.nebuly.com/api/external}) when unset, or a self-hosted installation's, with
   * any path prefix. Plain http is accepted for loopback hosts only, unless {@code
   * quarkus.nebuly.allow-plain-http} is true.
   *
   * @return the base URL, if set
   */
  Optional<String> baseUrl();

  /**
   * Whether a plain-http base URL to a host that is not loopback is accepted; the API key would
   * then travel in clear text. Default: false.
   *
   * @return the setting, if set
   */
  Optional<Boolean> allowPlainHttp();

  /**
   * How long a call waits for a connection to Nebuly, a new one or a free pooled one, before the
   * attempt fails with a connect {@code Timeout}. Default: 5 seconds.
   *
   * @return the timeout, if set
   */
  Optional<Duration> connectTimeout();

  /**
   * How long one attempt may take, from its start to the last byte of the answer, however slowly
   * the bytes come. Default: 10 seconds.
   *
   * @return the timeout, if set
   */
  Optional<Duration> attemptTimeout();

  /**
   * The most bytes of an answer's body that are read. A larger success body fails the call with
   * {@code MalformedResponse} as soon as the bound is passed (the rest is never read); a larger
   * error page is cut at the bound and still typed by its status. Default: 16M (16 MiB).
   *
   * @return the bound, if set
   */
  Optional<MemorySize> maxBodySize();

  /**
   * The most connections the client keeps open to Nebuly; a call that finds every one busy waits
   * within {@code quarkus.nebuly.connect-timeout}. Default: 16.
   *
   * @return the pool's size, if set
   */
  OptionalInt maxConnections();

  /**
   * When a failed request is sent again.
   *
   * @return the retry settings
   */
  Retry retry();

  /**
   * The {@code group_by} that a conversation listing sends to {@code get-interaction-aggregates}, a
   * JSON object with a text {@code kind} and, optionally, a text {@code tag} and {@code field}.
   * Nebuly does not publish the value that groups by conversation id: the default, the kind
   * {@code conversation_id} alone, is nebuly4j's guess and has not been checked against the live
   * service. Set the value your Nebuly installation expects if listings come back as one row of
   * totals or are refused.
   *
   * @return the value, if set
   */
  Optional<String> conversationGroupBy();

  /**
   * The project id, for offline deep links: with {@code quarkus.nebuly.organization-id}, an
   * {@code OfflineDeepLinks} bean builds links with no network call.
   *
   * @return the id, if set
   */
  Optional<String> projectId();

  /**
   * The organization id, for offline deep links, with {@code quarkus.nebuly.project-id}.
   *
   * @return the id, if set
   */
  Optional<String> organizationId();

  /**
   * The frontend that offline deep links open; Nebuly SaaS's ({@code
   * https://v2.platform.eu.nebuly.com}) when unset.
   *
   * @return the frontend's URL, if set
   */
  Optional<String> frontendUrl();

  /**
   * The name of a TLS configuration of the TLS registry ({@code quarkus.tls.<name>.*}) for the
   * connections to Nebuly: a trust store for a self-hosted Nebuly with a private CA, a client
   * certificate, protocols. Unset: the default TLS configuration, else the JVM's trust store.
   *
   * @return the name, if set
   */
  Optional<String> tlsConfigurationName();

  /**
   * The name of a proxy configuration of the proxy registry ({@code quarkus.proxy.<name>.*}) to
   * reach Nebuly through; {@code none} reaches it directly. Unset: the REST Client's own default
   * ({@code quarkus.rest-client.proxy-address}, else the unnamed {@code quarkus.proxy.*}, else
   * none).
   *
   * @return the name, if set
   */
  Optional<String> proxyConfigurationName();

  /**
   * How the REST Client logs the calls to Nebuly.
   *
   * @return the logging settings
   */
  Logging logging();

  /**
   * What the injected {@code DeepLinkResolver} does with the links it resolves.
   *
   * @return the deep-link settings
   */
  DeepLinks deepLinks();

  /** The {@code quarkus.nebuly.deep-links.*} settings. */
  interface DeepLinks {
    /**
     * Whether and how the injected {@code DeepLinkResolver} keeps the links Nebuly gave.
     *
     * @return the cache settings
     */
    Cache cache();
  }

  /**
   * The {@code quarkus.nebuly.deep-links.cache.*} settings: core's {@code DeepLinkCachePolicy},
   * applied to two named Quarkus caches, {@code nebuly-deep-links} for links and {@code
   * nebuly-deep-links-not-found} for {@code NotFound}s. They are Caffeine caches in memory unless
   * the application gives them another backend: with {@code quarkus-redis-cache}, {@code
   * quarkus.cache."nebuly-deep-links".type=redis} and {@code
   * quarkus.cache."nebuly-deep-links-not-found".type=redis} keep them in Redis, shared by every
   * instance of the application. An unset value takes {@code DeepLinkCachePolicy}'s default.
   */
  interface Cache {
    /**
     * Whether the injected {@code DeepLinkResolver} keeps links, and lets concurrent calls for
     * one id share one request to Nebuly. Default: false.
     *
     * @return the setting
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * The most links kept in memory, and as many {@code NotFound}s; a Redis backend has no such
     * bound (Redis's {@code maxmemory} policy bounds it). Default: 10000.
     *
     * @return the bound, if set
     */
    OptionalInt maximumSize();

    /**
     * How long a link is kept after Nebuly gave it. Default: 1 hour.
     *
     * @return the time, if set
     */
    Optional<Duration> timeToLive();

    /**
     * How long Nebuly's answer that an id is unknown is kept, at most {@code
     * quarkus.nebuly.deep-links.cache.time-to-live}. Unset: such answers are not kept, and every
     * call for an unknown id asks Nebuly.
     *
     * @return the time, if set
     */
    Optional<Duration> notFoundTimeToLive();
  }

  /** The {@code quarkus.nebuly.retry.*} settings; an unset one takes {@code RetryPolicy.defaults()}'s value. */
  interface Retry {
    /**
     * How many times a request is sent at most, the first time included; 1 turns retries off.
     * Default: 3.
     *
     * @return the value, if set
     */
    OptionalInt maxAttempts();

    /**
     * The wait before the first retry. Default: 200 milliseconds.
     *
     * @return the value, if set
     */
    Optional<Duration> initialBackoff();

    /**
     * The longest wait between two attempts. Default: 5 seconds.
     *
     * @return the value, if set
     */
    Optional<Duration> maxBackoff();

    /**
     * How much each wait grows over the previous one, at least 1. Default: 2.0.
     *
     * @return the value, if set
     */
    OptionalDouble multiplier();

    /**
     * The share of a wait, 0 to 1, taken off at random so that clients do not retry in step.
     * Default: 0.2.
     *
     * @return the value, if set
     */
    OptionalDouble jitter();

    /**
     * The longest {@code Retry-After} of a 429 worth waiting for; a longer one ends the call with
     * {@code RateLimited}. Default: 30 seconds.
     *
     * @return the value, if set
     */
    Optional<Duration> maxRetryAfter();

    /**
     * The time after the first attempt after which no retry starts. Default: 60 seconds.
     *
     * @return the value, if set
     */
    Optional<Duration> deadline();
  }

  /**
   * The {@code quarkus.nebuly.logging.*} settings of the REST Client's request logging, written
   * by the category {@code org.jboss.resteasy.reactive.client.logging}. The {@code Authorization}
   * header, which holds the API key, is always masked ({@code Authorization=****}).
   */
  interface Logging {
    /**
     * What is logged: {@code none}, {@code request-response} (the requests and answers), or
     * {@code all} (also the connections' activity). Default: none.
     *
     * @return the scope, if set
     */
    Optional<LoggingScope> scope();

    /**
     * How many characters of a body are logged. Default: 100.
     *
     * @return the limit, if set
     */
    OptionalInt bodyLimit();
  }
}
