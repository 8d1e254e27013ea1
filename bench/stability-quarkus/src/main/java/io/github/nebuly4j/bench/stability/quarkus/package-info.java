/** The stability runs' launcher for the Quarkus extension. */
package io.github.nebuly4j.bench.stability.quarkus;
