package io.github.nebuly4j.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar, started in a JVM of its own as the stability runs start it, and
 * controlled from this one through {@link RemoteFakeNebulyServer}.
 */
class FakeNebulyServerStandaloneIT {
  private static final String KEY = "standalone-key";
  private static final Pattern BASE_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/api/external)");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Process process;
  private RemoteFakeNebulyServer remote;

  @BeforeEach
  void startTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("nebuly4j.standaloneJar", "missing"));
    assertThat(Files.isRegularFile(jar)).as("the standalone jar %s", jar).isTrue();
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--api-key",
                KEY)
            .redirectErrorStream(true)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String firstLine = CompletableFuture.supplyAsync(() -> readLine(output)).get(60, TimeUnit.SECONDS);
    Matcher baseUrl = BASE_URL.matcher(String.valueOf(firstLine));
    assertThat(baseUrl.find()).as("the first line names the base URL: %s", firstLine).isTrue();
    assertThat(firstLine).contains("/_fake-nebuly").doesNotContain(KEY);
    remote = RemoteFakeNebulyServer.connect(URI.create(baseUrl.group(1)));
  }

  @AfterEach
  void stopTheJar() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  @Test
  void servesTheDemoAndIsScriptedFromAnotherJvm() throws Exception {
    assertThat(get("/deeplinks/conversation/" + DemoConversations.all().get(0).conversation().id().value()).statusCode()).as("the demo data").isEqualTo(200);

    remote.reset().seedInteractionLink(InteractionId.of("i-1"), URI.create("https://example.com/i-1"));
    remote.fault(Fault.status(503).on(Endpoint.INTERACTION_LINK).times(1));
    assertThat(get("/deeplinks/interaction/i-1").statusCode()).isEqualTo(503);
    assertThat(get("/deeplinks/interaction/i-1").body()).contains("https://example.com/i-1");

    assertThat(remote.journal().requestsTo(Endpoint.INTERACTION_LINK)).hasSize(2);
    long connection = remote.journal().lastRequest().connectionId();
    assertThat(remote.journal().requests()).allMatch(request -> request.connectionId() == connection);
    assertThat(remote.openConnections()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aHoldCrossesTheJvmBoundaryAndTheServerSeesTheClientLeave() throws Exception {
    remote.reset().seedInteractionLink(InteractionId.of("held"), URI.create("https://example.com/held"));
    CompletableFuture<Void> release = new CompletableFuture<>();
    remote.fault(Fault.holdUntil(release).times(2));

    CompletableFuture<HttpResponse<String>> held =
        CLIENT.sendAsync(request("/deeplinks/interaction/held").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(remote.journal().awaitCount(1, Duration.ofSeconds(20))).isTrue();
    assertThat(held).isNotDone();
    release.complete(null);
    assertThat(held.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

    try (RawConnection leaving = new RawConnection(remote.baseUrl().getPort())) {
      leaving.get("/deeplinks/interaction/held", KEY);
      assertThat(remote.journal().awaitCount(2, Duration.ofSeconds(20))).isTrue();
    }
    long left = remote.journal().lastRequest().connectionId();
    assertThat(remote.awaitClosedByPeer(left, Duration.ofSeconds(20))).isTrue();
  }

  private static String readLine(BufferedReader output) {
    try {
      return output.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(remote.baseUrl() + path))
        .header("Authorization", "Bearer " + KEY)
        .timeout(Duration.ofSeconds(20));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }
}
