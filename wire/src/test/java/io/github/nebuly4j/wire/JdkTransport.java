package io.github.nebuly4j.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal {@link NebulyTransport} on {@code java.net.http}, test code only: it lets wire's tests
 * run testkit's HTTP suites through the real {@link NebulyExchange} against {@code
 * FakeNebulyServer}. It reads each body whole before applying the bound, which is fine for the
 * suites' small documents and is not how an adapter may do it.
 */
final class JdkTransport implements NebulyTransport {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "jdk-transport-timer");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public Cancellable send(WireRequest request, AttemptListener listener) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url()))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    // java.net.http does not say when it has a connection; the attempt timeout still bounds the call.
    listener.connected();
    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    response.whenComplete(
        (answer, failure) -> {
          if (failure != null) {
            listener.failed(failure);
            return;
          }
          byte[] body = answer.body();
          boolean truncated = body.length > request.maxBodyBytes();
          int length = truncated ? (int) request.maxBodyBytes() : body.length;
          listener.answered(
              new WireAnswer(
                  answer.statusCode(), name -> answer.headers().firstValue(name).orElse(null), body, length, truncated));
        });
    return () -> response.cancel(true);
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    ScheduledFuture<?> scheduled = timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    return () -> scheduled.cancel(false);
  }
}
