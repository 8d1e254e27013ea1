package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.wire.ErrorDecoder;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;

/**
 * Turns what Vert.x and Netty fail with into the {@link NebulyException} a caller can switch over,
 * so that no raw Vert.x exception ever reaches a caller.
 */
final class Failures {
  private final ClientSettings settings;
  private final ErrorDecoder errors;

  Failures(ClientSettings settings, ErrorDecoder errors) {
    this.settings = settings;
    this.errors = errors;
  }

  /**
   * Classifies a failure to connect, send or receive.
   *
   * @param request the request that failed, for the message
   * @param failure what Vert.x reported
   * @return a timeout for a connect or pool timeout, else a transport failure
   */
  NebulyException of(RequestOptions request, Throwable failure) {
    if (failure instanceof NebulyException) {
      return (NebulyException) failure;
    }
    if (failure instanceof ConnectTimeoutException) {
      return new NebulyException.Timeout(settings.connectTimeout, failure);
    }
    if (failure instanceof TimeoutException) {
      return new NebulyException.Timeout(settings.requestTimeout, failure);
    }
    String what = failure.getMessage() == null || failure.getMessage().isBlank()
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return new NebulyException.Transport(
        errors.redact(request.getMethod() + " " + request.getURI() + " to " + request.getHost()
            + ":" + request.getPort() + " failed (" + what + ")"),
        failure);
  }

  /**
   * Reports an answer whose reading failed in a way the wire mapping did not classify: it is still
   * the answer's fault, never the caller's.
   *
   * @param status the answer's status
   * @param failure what reading threw
   * @return a malformed-response failure
   */
  NebulyException unexpected(int status, RuntimeException failure) {
    return errors.unreadableBody(status, failure);
  }
}
