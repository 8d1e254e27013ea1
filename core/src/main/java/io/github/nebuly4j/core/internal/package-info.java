/**
 * Helpers that nebuly4j's own modules share. Not API: they may change in any release.
 */
package io.github.nebuly4j.core.internal;
