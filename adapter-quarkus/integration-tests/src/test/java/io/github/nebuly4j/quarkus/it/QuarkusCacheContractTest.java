package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.github.nebuly4j.testkit.contract.CachingDeepLinkResolverContract;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * testkit's caching suite on the Quarkus cache-backed variant: core's decorator on the extension's
 * own two Caffeine caches, {@code nebuly-deep-links} and {@code nebuly-deep-links-not-found}, as
 * the extension builds it with {@code quarkus.nebuly.deep-links.cache.enabled}. Each test sets the
 * caches' bound and times to live to its policy (Caffeine allows it for a cache configured with
 * both, as the extension configures its own) and empties them. Caffeine holds its bound once its
 * background evictions are done, which {@link #awaitEvictions()} waits for.
 */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class QuarkusCacheContractTest implements CachingDeepLinkResolverContract {

  @CacheName(QuarkusCacheDeepLinkStore.LINKS_CACHE)
  Cache links;

  @CacheName(QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE)
  Cache notFound;

  @Override
  public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
    CaffeineCache caffeineLinks = links.as(CaffeineCache.class);
    caffeineLinks.setMaximumSize(policy.maximumSize());
    caffeineLinks.setExpireAfterWrite(policy.timeToLive());
    links.invalidateAll().await().indefinitely();
    Optional<Cache> keptNotFound =
        policy
            .notFoundTimeToLive()
            .map(
                timeToLive -> {
                  CaffeineCache caffeineNotFound = notFound.as(CaffeineCache.class);
                  caffeineNotFound.setMaximumSize(policy.maximumSize());
                  caffeineNotFound.setExpireAfterWrite(timeToLive);
                  notFound.invalidateAll().await().indefinitely();
                  return notFound;
                });
    return CachingDeepLinkResolver.wrap(delegate, QuarkusCacheDeepLinkStore.of(links, keptNotFound));
  }

  /** Caffeine evicts past its bound on the common pool, which is idle once it has. */
  @Override
  public void awaitEvictions() {
    assertThat(ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS))
        .as("Caffeine's evictions on the common pool")
        .isTrue();
  }
}
