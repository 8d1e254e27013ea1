/**
 * The extension's plumbing: the configuration mapping, the REST Client transport under wire's
 * exchange, and the producers of the beans. The deployment module registers these; applications
 * use {@code io.github.nebuly4j.quarkus} and core's ports.
 */
package io.github.nebuly4j.quarkus.runtime;
