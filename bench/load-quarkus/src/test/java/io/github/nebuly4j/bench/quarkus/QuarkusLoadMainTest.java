package io.github.nebuly4j.bench.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.load.Measurement;
import io.github.nebuly4j.bench.server.JdkLoopbackServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of the Quarkus load runner: the app starts with the adapter's beans configured by
 * {@code quarkus.nebuly.*}, runs a short load against a loopback server with no error, and writes its
 * results. Asserts nothing about speed.
 */
@QuarkusMainTest
class QuarkusLoadMainTest {
  private static JdkLoopbackServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = JdkLoopbackServer.start();
    // Read when the app starts, at each launch, as -Dquarkus.nebuly.base-url would be.
    System.setProperty("quarkus.nebuly.base-url", server.baseUrl().toString());
  }

  @AfterAll
  static void stopServer() {
    System.clearProperty("quarkus.nebuly.base-url");
    server.close();
  }

  @Test
  void runsTheLoadAgainstTheInjectedBeansAndBothBaselines(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("load.jsonl");

    LaunchResult result =
        launcher.launch(
            "--url", server.baseUrl().toString(), "--out", out.toString(),
            "--workloads", "conversation,interaction-link", "--concurrency", "2",
            "--warmup", "0.3", "--measure", "1", "--reps", "1");

    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<Measurement> measured = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      measured.add(json.readValue(line, Measurement.class));
    }
    // Every client of the runner, the adapter and its two baselines, on each workload.
    assertThat(measured)
        .extracting(Measurement::client, Measurement::workload)
        .containsExactlyInAnyOrder(
            tuple("raw-rest-client", "conversation"), tuple("raw-rest-client", "interaction-link"),
            tuple("raw-vertx4", "conversation"), tuple("raw-vertx4", "interaction-link"),
            tuple("quarkus-adapter", "conversation"), tuple("quarkus-adapter", "interaction-link"));
    assertThat(measured).allSatisfy(m -> {
      assertThat(m.errors()).as(m.firstError()).isZero();
      assertThat(m.requests()).isPositive();
      assertThat(m.allocatedBytesPerCall()).isPositive();
    });
  }

  @Test
  void refusesAUrlThatIsNotTheConfiguredOne(QuarkusMainLauncher launcher, @TempDir Path dir) {
    try (RefusalLog log = new RefusalLog()) {
      LaunchResult result =
          launcher.launch("--url", "http://127.0.0.1:9/api/external", "--out", dir.resolve("x.jsonl").toString());

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(log.text()).contains("nebuly.base-url");
    }
  }
}
