package io.github.nebuly4j.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contract suites leave open, on clients of the same class with settings of their own:
 * the exact timeout reported, refused connections, error pages beyond the body bound, and
 * cancellation of a CompletionStage.
 */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class NebulyHttpClientTest {
  @InjectFakeServer FakeNebulyServer server;

  @Inject Vertx vertx;

  private final List<NebulyHttpClient> clients = new ArrayList<>();

  @BeforeEach
  void resetServer() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(NebulyHttpClient::close);
  }

  @Test
  void aTimeoutReportsTheConfiguredReadTimeout() {
    Duration readTimeout = Duration.ofMillis(300);
    server.seedInteractionLink(InteractionId.of("slow"), URI.create("https://nebuly.example/i/slow"));
    server.fault(Fault.delay(Duration.ofSeconds(5)).on(Endpoint.INTERACTION_LINK));
    NebulyHttpClient client = client(server.baseUrl(), readTimeout, 1024);

    long start = System.nanoTime();
    NebulyException failure = failure(client.interactionLink(InteractionId.of("slow")));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(failure).isInstanceOf(NebulyException.Timeout.class);
    assertThat(((NebulyException.Timeout) failure).limit()).isEqualTo(readTimeout);
    assertThat(elapsed).isGreaterThanOrEqualTo(readTimeout).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aRefusedConnectionIsATransportFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    NebulyHttpClient client =
        client(URI.create("http://127.0.0.1:" + closedPort + "/api/external"), Duration.ofSeconds(1), 1024);

    NebulyException failure = failure(client.findById(ConversationId.of("c")));

    assertThat(failure).isInstanceOf(NebulyException.Transport.class);
    assertThat(failure.getMessage()).contains("127.0.0.1").doesNotContain(ContractSettings.API_KEY);
  }

  @Test
  void anErrorPageBeyondTheBoundKeepsTheTypeOfItsStatus() {
    server.fault(Fault.htmlPage(503, "<html><head><title>Down</title></head><body>" + "x".repeat(8192) + "</body></html>"));
    NebulyHttpClient client = client(server.baseUrl(), Duration.ofSeconds(1), 1024);

    NebulyException failure = failure(client.conversationLink(ConversationId.of("c")));

    assertThat(failure).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(failure.httpStatus()).hasValue(503);
    assertThat(failure.detail()).hasValue("Down");
  }

  @Test
  void aSuccessBodyBeyondTheBoundIsMalformed() {
    server.seedInteractionLink(InteractionId.of("long"), URI.create("https://nebuly.example/" + "l".repeat(2048)));
    NebulyHttpClient client = client(server.baseUrl(), Duration.ofSeconds(1), 1024);

    NebulyException failure = failure(client.interactionLink(InteractionId.of("long")));

    assertThat(failure).isInstanceOf(NebulyException.MalformedResponse.class);
    assertThat(failure.getMessage()).contains("1024");
  }

  @Test
  void cancellingTheStageAbandonsTheCall() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    server.fault(Fault.holdUntil(release).on(Endpoint.CONVERSATION_DETAIL));
    NebulyHttpClient client = client(server.baseUrl(), Duration.ofSeconds(5), 1024);

    CompletableFuture<Optional<io.github.nebuly4j.core.Conversation>> call =
        client.findById(ConversationId.of("held"));
    assertThat(server.journal().awaitCount(1, Duration.ofSeconds(10))).isTrue();
    assertThat(call.cancel(true)).isTrue();
    release.complete(null);

    assertThat(call).isCancelled();
    server.clearFaults();
    assertThat(client.findById(ConversationId.of("after")).join()).isEmpty();
    assertThat(server.journal().requestsTo(Endpoint.CONVERSATION_DETAIL)).hasSize(2);
  }

  private NebulyHttpClient client(URI baseUrl, Duration readTimeout, long maxBodyBytes) {
    NebulyHttpClient client =
        new NebulyHttpClient(
            vertx,
            new NebulySettings(
                ContractSettings.API_KEY,
                baseUrl,
                Duration.ofSeconds(1),
                readTimeout,
                RetryPolicy.none(),
                maxBodyBytes,
                Optional.empty()));
    clients.add(client);
    return client;
  }

  private static NebulyException failure(CompletableFuture<?> call) {
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, call::join).getCause();
    assertThat(thrown).isInstanceOf(NebulyException.class);
    return (NebulyException) thrown;
  }
}
