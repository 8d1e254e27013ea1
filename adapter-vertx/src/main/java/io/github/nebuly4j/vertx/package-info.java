/**
 * nebuly4j for Vert.x 5 applications: {@link io.github.nebuly4j.vertx.NebulyVertxClient}, created
 * from the application's {@code Vertx} and a {@link io.github.nebuly4j.vertx.NebulyVertxOptions},
 * implements both ports of nebuly4j-core and offers the same calls as Vert.x {@code Future}s. It
 * never blocks an event loop, and completes every call on the caller's context.
 */
package io.github.nebuly4j.vertx;
