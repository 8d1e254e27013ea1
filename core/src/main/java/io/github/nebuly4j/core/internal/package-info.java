/**
 * What core's own packages share and nothing outside core may use: the Immutables style of the
 * value types.
 */
package io.github.nebuly4j.core.internal;
