/** Deep links built without a network call: {@link io.github.nebuly4j.core.links.OfflineDeepLinks}. */
package io.github.nebuly4j.core.links;
