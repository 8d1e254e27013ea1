/**
 * Deep-link resolvers built on core alone: {@link io.github.nebuly4j.core.links.OfflineDeepLinks}
 * builds links without a network call, and {@link
 * io.github.nebuly4j.core.links.CachingDeepLinkResolver} keeps the links another resolver found,
 * as its {@link io.github.nebuly4j.core.links.DeepLinkCachePolicy} says, or in a {@link
 * io.github.nebuly4j.core.links.DeepLinkStore} that a framework's cache provides.
 */
@NebulyStyle
package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.internal.NebulyStyle;
