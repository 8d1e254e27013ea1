package io.github.nebuly4j.wire;

/**
 * What a transport read from a non-2xx answer, in the form {@link ErrorDecoder#decode} takes.
 *
 * @param status the HTTP status
 * @param retryAfter the {@code Retry-After} header's value, or null
 * @param contentType the {@code Content-Type} header's value, or null
 * @param body the body as text (decode it as UTF-8), or null or empty when there was none
 */
record ErrorResponse(int status, String retryAfter, String contentType, String body) {}
