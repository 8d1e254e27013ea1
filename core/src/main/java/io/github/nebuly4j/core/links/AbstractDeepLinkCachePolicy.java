package io.github.nebuly4j.core.links;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How many deep links a {@link CachingDeepLinkResolver} keeps, and for how long. Build one with
 * {@code DeepLinkCachePolicy.builder()}, or take {@code DeepLinkCachePolicy.defaults()}.
 *
 * <ul>
 *   <li>{@link #maximumSize()}: the most answers kept at once, links and remembered {@code
 *       NotFound}s together; 10,000 by default.
 *   <li>{@link #timeToLive()}: how long a link is kept after it arrived; one hour by default. A
 *       link does not change, so the bound only limits how long a link outlives a change on
 *       Nebuly's side, such as a new frontend address.
 *   <li>{@link #notFoundTimeToLive()}: how long a {@code NotFound} is kept after it arrived; by
 *       default it is not kept at all. It must not be longer than {@link #timeToLive()}: an
 *       interaction that Nebuly has not ingested yet is found a moment later, so a short time
 *       (seconds) only spares Nebuly a burst of questions about an id that is not there.
 * </ul>
 *
 * <pre>{@code
 * DeepLinkCachePolicy policy = DeepLinkCachePolicy.builder()
 *     .maximumSize(50_000)
 *     .timeToLive(Duration.ofHours(6))
 *     .notFoundTimeToLive(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
@Value.Immutable
abstract class AbstractDeepLinkCachePolicy {

  /** The most answers kept at once, links and remembered {@code NotFound}s together. */
  @Value.Default
  public int maximumSize() {
    return 10_000;
  }

  /** How long a link is kept, counted from when the delegate's answer arrived. */
  @Value.Default
  public Duration timeToLive() {
    return Duration.ofHours(1);
  }

  /**
   * How long a {@code NotFound} is kept, counted from when it arrived; empty when it is not kept,
   * the default.
   */
  public abstract Optional<Duration> notFoundTimeToLive();

  /**
   * The default policy: 10,000 answers, links kept for one hour, {@code NotFound} not kept.
   *
   * @return the default policy
   */
  public static DeepLinkCachePolicy defaults() {
    return DeepLinkCachePolicy.builder().build();
  }

  @Value.Check
  void check() {
    if (maximumSize() < 1) {
      throw new IllegalArgumentException("maximumSize must be at least 1, got " + maximumSize());
    }
    requirePositive("timeToLive", timeToLive());
    notFoundTimeToLive()
        .ifPresent(
            notFound -> {
              requirePositive("notFoundTimeToLive", notFound);
              if (notFound.compareTo(timeToLive()) > 0) {
                throw new IllegalArgumentException(
                    "notFoundTimeToLive ("
                        + notFound
                        + ") must not be longer than timeToLive ("
                        + timeToLive()
                        + ")");
              }
            });
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
