package io.github.nebuly4j.vertx;

import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.NebulyTransport;
import io.github.nebuly4j.wire.WireRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * wire's requests over a Vert.x {@link WebClient}, and wire's timers on Vert.x timers. A request
 * sent on a Vert.x context is answered on it, and so are the timers it sets.
 *
 * <p>No Web Client timeout is set but the wait for a pooled connection, at the connect timeout:
 * wire runs one deadline per attempt, and a call it gave up on then also leaves the pool's queue.
 */
final class WebClientTransport implements NebulyTransport {
  private final Vertx vertx;
  private final WebClient client;
  private final long connectTimeoutMillis;

  WebClientTransport(Vertx vertx, WebClient client, long connectTimeoutMillis) {
    RequestHandles.install(client);
    this.vertx = vertx;
    this.client = client;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public Cancellable send(WireRequest request, AttemptListener listener) {
    WebClientAttempt attempt = new WebClientAttempt(listener, request.maxBodyBytes());
    HttpRequest<Void> http =
        client
            .requestAbs(HttpMethod.valueOf(request.method()), request.url())
            .followRedirects(false)
            .connectTimeout(connectTimeoutMillis)
            .as(attempt);
    request.headers().forEach(http::putHeader);
    Future<HttpResponse<Void>> sent =
        request.body() == null ? http.send() : http.sendBuffer(Buffer.buffer(request.body()));
    sent.onComplete(attempt::completed);
    return attempt;
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    long timer = vertx.setTimer(delayMillis, ignored -> task.run());
    return () -> vertx.cancelTimer(timer);
  }
}
