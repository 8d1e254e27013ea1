package io.github.nebuly4j.bench.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.bench.fixture.PlainDeepLink;
import io.github.nebuly4j.bench.fixture.PlainRequest;
import io.github.nebuly4j.bench.load.ContextSpread;
import io.github.nebuly4j.bench.load.LoadClient;
import io.github.nebuly4j.bench.load.Workload;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;

/**
 * The second baseline of adapter-quarkus: the raw Vert.x 4.5 HTTP client of Quarkus's {@link
 * Vertx}, the client adapter-quarkus was written on before it moved to the REST Client, and a
 * default {@link ObjectMapper} binding into plain records, as {@code bench/load-vertx}'s raw
 * clients do. It encodes the request and binds the whole answer, but validates and maps nothing.
 */
final class RawVertxClient implements LoadClient {
  private final HttpClient client;
  private final ContextSpread loops;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String baseUrl;

  RawVertxClient(Vertx vertx, ContextSpread loops, String baseUrl, int maxConnections) {
    this.loops = loops;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(maxConnections));
  }

  @Override
  public CompletionStage<?> call(Workload workload) {
    RequestOptions request =
        new RequestOptions()
            .setAbsoluteURI(baseUrl + workload.path().substring(Fixtures.API_PREFIX.length()))
            .setFollowRedirects(false)
            .putHeader("Authorization", "Bearer " + Fixtures.API_KEY)
            .putHeader("Accept", "application/json");
    switch (workload) {
      case CONVERSATION:
        Buffer body = Buffer.buffer(json(new PlainRequest(Fixtures.CONVERSATION_ID)));
        request.setMethod(HttpMethod.POST).putHeader("Content-Type", "application/json");
        return client
            .request(request)
            .compose(sent -> sent.send(body))
            .compose(RawVertxClient::body)
            .map(bytes -> read(bytes, PlainConversation.class))
            .toCompletionStage();
      case INTERACTION_LINK:
      case CONVERSATION_LINK:
        Future<PlainDeepLink> link =
            client
                .request(request.setMethod(HttpMethod.GET))
                .compose(sent -> sent.send())
                .compose(RawVertxClient::body)
                .map(bytes -> read(bytes, PlainDeepLink.class));
        return link.toCompletionStage();
      default:
        throw new IllegalArgumentException("unknown workload " + workload);
    }
  }

  @Override
  public void startWorker(int worker, Runnable firstCall) {
    loops.start(worker, firstCall);
  }

  private static Future<Buffer> body(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      return Future.failedFuture(new IllegalStateException("the server answered " + response.statusCode()));
    }
    return response.body();
  }

  private byte[] json(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(Buffer body, Class<T> type) {
    try {
      return mapper.readValue(body.getBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
