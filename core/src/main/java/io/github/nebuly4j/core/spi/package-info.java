/**
 * What nebuly4j's modules share with implementations of its ports: the argument check that every
 * port contract asks for, and the percent-encoding that keeps any id one URL segment or one query
 * value. Stable API, kept small on purpose.
 */
package io.github.nebuly4j.core.spi;
