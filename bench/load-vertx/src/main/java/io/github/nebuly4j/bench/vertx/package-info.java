/** The Vert.x 5 side of the load runs: the fast loopback server and the Vert.x and JDK clients. */
package io.github.nebuly4j.bench.vertx;
