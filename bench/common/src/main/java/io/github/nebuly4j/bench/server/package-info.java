/** What the loopback servers answer, and the JDK-based server of the smoke tests. */
package io.github.nebuly4j.bench.server;
