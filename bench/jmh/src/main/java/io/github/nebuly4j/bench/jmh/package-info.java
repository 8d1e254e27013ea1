/**
 * JMH benchmarks: decoding, wire against plain Jackson; deep links through core's caching resolver
 * against the same resolver uncached; and a whole listing streamed through core's paged publisher,
 * with a probe of the heap it holds.
 */
package io.github.nebuly4j.bench.jmh;
