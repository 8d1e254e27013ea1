/**
 * The retry policy that both adapters follow: {@link io.github.nebuly4j.core.retry.RetryPolicy}.
 */
@NebulyStyle
package io.github.nebuly4j.core.retry;

import io.github.nebuly4j.core.internal.NebulyStyle;
