/**
 * nebuly4j for Vert.x 5 applications: {@link io.github.nebuly4j.vertx.NebulyVertxClient}, created
 * from the application's {@code Vertx} (or its {@code WebClient}) and a {@link
 * io.github.nebuly4j.vertx.NebulyVertxOptions}, implements both ports of nebuly4j-core over the
 * Vert.x Web Client and offers the same calls as Vert.x {@code Future}s. It never blocks an event
 * loop, and a call made on a Vert.x context completes on that context.
 */
package io.github.nebuly4j.vertx;
