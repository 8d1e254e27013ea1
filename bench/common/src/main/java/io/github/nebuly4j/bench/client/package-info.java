/** The clients that need nothing but the JDK and Jackson, the baseline of the load runs. */
package io.github.nebuly4j.bench.client;
