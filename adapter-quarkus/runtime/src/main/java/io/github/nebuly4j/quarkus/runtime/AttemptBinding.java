package io.github.nebuly4j.quarkus.runtime;

import java.util.Map;
import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * The REST Client filter that joins a request to its {@link RestAttempt}: it sets wire's headers,
 * and puts the attempt into the invocation's own Vert.x context, where the request customizer
 * ({@link RestAttempt#onRequest}) finds it once the connection is granted.
 *
 * <p>Why a context: the customizer is one per client and receives only the Vert.x request. The
 * REST Client gives each invocation a context of its own ({@link
 * ResteasyReactiveClientRequestContext#getContext()}) and asks the Vert.x client for the
 * connection on it, so the customizer runs on that context. A change of this in Quarkus fails
 * every contract suite (no attempt would report its connection).
 */
final class AttemptBinding implements ResteasyReactiveClientRequestFilter {

  @Override
  public void filter(ResteasyReactiveClientRequestContext requestContext) {
    RestAttempt attempt = attemptOf(requestContext.getProperty(RestClientRequestContext.INVOKED_METHOD_PARAMETERS_PROP));
    for (Map.Entry<String, String> header : attempt.request().headers().entrySet()) {
      requestContext.getHeaders().putSingle(header.getKey(), header.getValue());
    }
    attempt.bind(requestContext.getContext());
  }

  private static RestAttempt attemptOf(Object parameters) {
    // The REST Client passes the invoked method's arguments as a list.
    if (parameters instanceof Iterable<?> arguments) {
      for (Object argument : arguments) {
        if (argument instanceof RestAttempt attempt) {
          return attempt;
        }
      }
    }
    throw new IllegalStateException("a call to Nebuly without its RestAttempt: every NebulyEndpoints method takes one");
  }
}
