/** The Quarkus side of the load runs: a command-mode app over adapter-quarkus's beans. */
package io.github.nebuly4j.bench.quarkus;
