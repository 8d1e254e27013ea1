package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.testkit.contract.CachingDeepLinkResolverContract;
import java.util.Optional;

/**
 * testkit's caching suite on what {@link NebulyVertxClient} puts in front of its requests when
 * {@link NebulyVertxOptions#setDeepLinkCache} is set ({@link NebulyVertxClient#deepLinks}); {@link
 * DeepLinkCacheTest} shows the client using it over HTTP.
 */
class DeepLinkCacheContractTest implements CachingDeepLinkResolverContract {
  @Override
  public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
    return NebulyVertxClient.deepLinks(delegate, Optional.of(policy));
  }
}
