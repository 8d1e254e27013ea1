package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.DeepLinkResolver;
import java.time.Duration;

/**
 * The README's snippet of the caching resolver, compiled with core's tests; the README shows
 * exactly this region.
 */
final class ReadmeSamples {
  private ReadmeSamples() {}

  static DeepLinkResolver cachingLinks(DeepLinkResolver resolver) {
    // BEGIN: core-caching-links
    DeepLinkResolver links = CachingDeepLinkResolver.wrap(resolver, DeepLinkCachePolicy.builder()
        .maximumSize(10_000)                         // the default
        .timeToLive(Duration.ofHours(1))             // the default
        .notFoundTimeToLive(Duration.ofSeconds(30))  // optional: by default NotFound is not kept
        .build());
    // END: core-caching-links
    return links;
  }
}
