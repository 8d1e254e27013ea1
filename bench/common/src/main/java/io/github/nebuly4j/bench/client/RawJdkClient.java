package io.github.nebuly4j.bench.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.bench.fixture.PlainDeepLink;
import io.github.nebuly4j.bench.fixture.PlainRequest;
import io.github.nebuly4j.bench.load.LoadClient;
import io.github.nebuly4j.bench.load.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline an application would write without nebuly4j: the JDK's {@link HttpClient} (HTTP/1.1)
 * and a default {@link ObjectMapper} binding into plain records. It encodes the request and binds
 * the whole answer, as the adapters do, but validates and maps nothing.
 */
public final class RawJdkClient implements LoadClient {
  private final HttpClient http;
  private final ExecutorService executor;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String baseUrl;

  /**
   * Creates the client.
   *
   * @param baseUrl the API's base URL, such as {@code http://127.0.0.1:8089/api/external}
   */
  public RawJdkClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    // A fixed pool: its threads live through the whole run, so their allocations are all counted.
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread thread = new Thread(r, "raw-jdk-client");
              thread.setDaemon(true);
              return thread;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
  }

  @Override
  public CompletionStage<?> call(Workload workload) {
    switch (workload) {
      case CONVERSATION:
        return send(
                request(workload)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json(new PlainRequest(Fixtures.CONVERSATION_ID))))
                    .build())
            .thenApply(body -> read(body, PlainConversation.class));
      case INTERACTION_LINK:
      case CONVERSATION_LINK:
        return send(request(workload).GET().build()).thenApply(body -> read(body, PlainDeepLink.class));
      default:
        throw new IllegalArgumentException("unknown workload " + workload);
    }
  }

  private HttpRequest.Builder request(Workload workload) {
    String path = workload.path().substring(Fixtures.API_PREFIX.length());
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Fixtures.API_KEY)
        .header("Accept", "application/json");
  }

  private CompletionStage<byte[]> send(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException("the server answered " + response.statusCode());
              }
              return response.body();
            });
  }

  private byte[] json(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(byte[] body, Class<T> type) {
    try {
      return mapper.readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
