package io.github.nebuly4j.testkit.links;

import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.testkit.contract.CachingDeepLinkResolverContract;

/** Core's caching decorator passes the caching suite, and with it the port's semantic suite. */
class CachingDeepLinkResolverContractTest implements CachingDeepLinkResolverContract {
  @Override
  public DeepLinkResolver cachingResolver(DeepLinkResolver delegate, DeepLinkCachePolicy policy) {
    return CachingDeepLinkResolver.wrap(delegate, policy);
  }
}
