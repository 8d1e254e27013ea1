/** The stability runs' launcher for adapter-vertx. */
package io.github.nebuly4j.bench.stability.vertx;
