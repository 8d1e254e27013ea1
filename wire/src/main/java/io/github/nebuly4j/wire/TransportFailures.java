package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.NebulyException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What an HTTP client failed with, as the {@link NebulyException} a caller can switch over. Every
 * adapter's failures pass here, so the same fault is the same error whatever the client. Only JDK
 * types are looked at, anywhere in the cause chain, so that no HTTP library is named: clients wrap
 * their failures differently, and a chain is walked whole.
 *
 * <table>
 *   <caption>Failure to exception</caption>
 *   <tr><th>in the cause chain</th><th>before {@code connected()}</th><th>after</th></tr>
 *   <tr><td>a {@link NebulyException}</td><td colspan="2">that exception, as it is</td></tr>
 *   <tr><td>a timeout ({@link TimeoutException}, {@link SocketTimeoutException}, a class named
 *       {@code …TimeoutException})</td><td>{@code Timeout} of phase {@code CONNECT}, with the
 *       connect timeout</td><td>{@code Transport}</td></tr>
 *   <tr><td>a refused or unresolvable connection, a TLS failure</td><td colspan="2">{@code
 *       Transport}: could not connect</td></tr>
 *   <tr><td>anything else</td><td>{@code Transport}: could not connect</td><td>{@code Transport}:
 *       failed before the answer was complete</td></tr>
 * </table>
 */
final class TransportFailures {
  /** A longer chain is a cycle or a bug; its first links say enough. */
  private static final int MOST_CAUSES = 32;

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
   * @param failure what the transport reported, or null
   * @param connected whether the transport had reported a connection in hand
   * @return the error to fail the attempt with
   */
  NebulyException classify(Throwable failure, boolean connected) {
    if (failure == null) {
      return new NebulyException.Transport(
          "the HTTP client failed without saying why, talking to " + where, null);
    }
    List<Throwable> chain = chain(failure);
    for (Throwable t : chain) {
      if (t instanceof NebulyException) {
        return (NebulyException) t;
      }
    }
    // The exchange runs the connect and attempt deadlines itself and no adapter sets a timeout on
    // its client's requests, so a client's own timeout before the connection is its TCP connect or
    // pool bound; after it, it is a timeout the application set on its own client, reported as such.
    if (!connected && chain.stream().anyMatch(TransportFailures::isTimeout)) {
      return new NebulyException.Timeout(
          settings.connectTimeout(), NebulyException.Timeout.Phase.CONNECT, failure);
    }
    if (!connected || chain.stream().anyMatch(TransportFailures::isConnectFailure)) {
      return new NebulyException.Transport(
          "could not connect to " + where + " (" + describe(chain) + ")", failure);
    }
    return new NebulyException.Transport(
        "the connection to " + where + " failed before the answer was complete (" + describe(chain) + ")",
        failure);
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < MOST_CAUSES && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean isTimeout(Throwable t) {
    // By name too: Netty's ConnectTimeoutException extends ConnectException, not a timeout type.
    return t instanceof TimeoutException
        || t instanceof SocketTimeoutException
        || t.getClass().getSimpleName().endsWith("TimeoutException");
  }

  private static boolean isConnectFailure(Throwable t) {
    return t instanceof ConnectException
        || t instanceof UnknownHostException
        || t instanceof NoRouteToHostException
        || t instanceof UnresolvedAddressException
        || t instanceof SSLException;
  }

  /** The deepest cause's type and message, with the API key redacted. */
  private String describe(List<Throwable> chain) {
    Throwable root = chain.get(chain.size() - 1);
    String message = root.getMessage();
    String text = root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    return redactor.redact(text);
  }
}
