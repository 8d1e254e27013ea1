package io.github.nebuly4j.vertx;

import io.vertx.core.Handler;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.impl.ClientPhase;
import io.vertx.ext.web.client.impl.HttpContext;
import io.vertx.ext.web.client.impl.WebClientInternal;

/**
 * Hands each {@link WebClientAttempt} the request and response that the Web Client keeps to itself.
 *
 * <p><b>This class is nebuly4j's one dependency on the Web Client's internals</b> ({@code
 * io.vertx.ext.web.client.impl}: {@link WebClientInternal#addInterceptor}, {@link HttpContext} and
 * its phases), because the public API gives no handle to abort a request whose answer has begun,
 * nor a moment at which the connection is in hand. It is held to Vert.x 5.2's behaviour by {@code
 * RequestHandlesTest}; module-path users open the package with one {@code --add-exports} (see the
 * README). The interceptor keeps no state, so one instance serves every client on a {@link
 * WebClient}, and requests that are not nebuly4j's pass through untouched.
 */
final class RequestHandles implements Handler<HttpContext<?>> {

  private RequestHandles() {}

  /**
   * Installs the interceptor on a Web Client, once.
   *
   * @param client a client made by {@code WebClient.create} or {@code WebClient.wrap}
   * @throws IllegalArgumentException if {@code client} is not the Vert.x implementation
   */
  static void install(WebClient client) {
    if (!(client instanceof WebClientInternal)) {
      throw new IllegalArgumentException(
          "webClient must be a Vert.x Web Client (WebClient.create or WebClient.wrap), got "
              + client.getClass().getName());
    }
    try {
      ((WebClientInternal) client).addInterceptor(new RequestHandles());
    } catch (IllegalStateException alreadyInstalled) {
      // Another nebuly4j client shares this Web Client; its interceptor serves both.
    }
  }

  @Override
  public void handle(HttpContext<?> context) {
    if (context.request().bodyCodec() instanceof WebClientAttempt) {
      WebClientAttempt attempt = (WebClientAttempt) context.request().bodyCodec();
      if (context.phase() == ClientPhase.SEND_REQUEST && !attempt.sending(context.clientRequest())) {
        // Aborted while it waited for a connection: never sent; the reset returns the connection.
        context.fail(WebClientAttempt.ABORTED);
        return;
      }
      if (context.phase() == ClientPhase.RECEIVE_RESPONSE) {
        attempt.receiving(context.clientResponse());
      }
    }
    context.next();
  }
}
