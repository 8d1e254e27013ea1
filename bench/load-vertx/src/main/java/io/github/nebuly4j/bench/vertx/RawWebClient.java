package io.github.nebuly4j.bench.vertx;

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
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;

/**
 * The baseline an application on Vert.x 5 would write without nebuly4j: the Web Client and a
 * default {@link ObjectMapper} binding into plain records. It encodes the request and binds the
 * whole answer, as the adapter does, but validates and maps nothing.
 */
final class RawWebClient implements LoadClient {
  private final WebClient client;
  private final ContextSpread loops;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String baseUrl;

  RawWebClient(Vertx vertx, ContextSpread loops, String baseUrl, int maxConnections) {
    this.loops = loops;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions().setKeepAlive(true).setFollowRedirects(false).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(maxConnections));
  }

  @Override
  public CompletionStage<?> call(Workload workload) {
    String url = baseUrl + workload.path().substring(Fixtures.API_PREFIX.length());
    switch (workload) {
      case CONVERSATION:
        return client
            .postAbs(url)
            .putHeader("Authorization", "Bearer " + Fixtures.API_KEY)
            .putHeader("Accept", "application/json")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(json(new PlainRequest(Fixtures.CONVERSATION_ID))))
            .map(response -> read(response, PlainConversation.class))
            .toCompletionStage();
      case INTERACTION_LINK:
      case CONVERSATION_LINK:
        Future<PlainDeepLink> link =
            client
                .getAbs(url)
                .putHeader("Authorization", "Bearer " + Fixtures.API_KEY)
                .putHeader("Accept", "application/json")
                .send()
                .map(response -> read(response, PlainDeepLink.class));
        return link.toCompletionStage();
      default:
        throw new IllegalArgumentException("unknown workload " + workload);
    }
  }

  @Override
  public void startWorker(int worker, Runnable firstCall) {
    loops.start(worker, firstCall);
  }

  private byte[] json(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(HttpResponse<Buffer> response, Class<T> type) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the server answered " + response.statusCode());
    }
    try {
      return mapper.readValue(response.body().getBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
