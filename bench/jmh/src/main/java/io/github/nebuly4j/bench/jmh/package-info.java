/** JMH benchmarks of decoding: wire against plain Jackson. */
package io.github.nebuly4j.bench.jmh;
