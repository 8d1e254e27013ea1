/**
 * JMH benchmarks: decoding, wire against plain Jackson; and deep links through core's caching
 * resolver against the same resolver uncached.
 */
package io.github.nebuly4j.bench.jmh;
