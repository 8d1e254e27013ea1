package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.NebulyException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What an HTTP client failed with, as the {@link NebulyException} a caller can switch over. Every
 * adapter's failures pass here, so the same fault is the same error whatever the client. Only JDK
 * types are looked at, anywhere in the cause chain, so that no HTTP library is named: clients wrap
 * their failures differently, and a chain is walked whole.
 */
final class TransportFailures {
  private final NebulySettings settings;
  private final ErrorDecoder redactor;
  private final String where;

  TransportFailures(NebulySettings settings, ErrorDecoder redactor) {
    this.settings = settings;
    this.redactor = redactor;
    URI base = settings.baseUrl();
    this.where = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
  }

  /**
   * Classifies a failure.
   *
   * @param failure what the transport reported
   * @param connected whether the transport had reported a connection in hand
   * @return the error to fail the attempt with
   */
  NebulyException classify(Throwable failure, boolean connected) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof NebulyException) {
        return (NebulyException) t;
      }
    }
    // The exchange runs the attempt's own deadline, and no adapter sets a read timeout of its
    // client, so a timeout from the client itself is the connect bound (a TCP connect, a pool wait).
    if (causedByTimeout(failure)) {
      return new NebulyException.Timeout(
          settings.connectTimeout(), NebulyException.Timeout.Phase.CONNECT, failure);
    }
    if (!connected || causedBy(failure, ConnectException.class, UnknownHostException.class,
        NoRouteToHostException.class, UnresolvedAddressException.class, SSLException.class)) {
      return new NebulyException.Transport(
          "could not connect to " + where + " (" + describe(failure) + ")", failure);
    }
    return new NebulyException.Transport(
        "the connection to " + where + " failed before the answer was complete (" + describe(failure) + ")",
        failure);
  }

  private static boolean causedByTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // By name too: Netty's ConnectTimeoutException extends ConnectException, not a timeout type.
      if (t instanceof TimeoutException
          || t instanceof SocketTimeoutException
          || t.getClass().getSimpleName().endsWith("TimeoutException")) {
        return true;
      }
    }
    return false;
  }

  @SafeVarargs
  private static boolean causedBy(Throwable failure, Class<? extends Throwable>... types) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String text = root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    return redactor.redact(text);
  }
}
