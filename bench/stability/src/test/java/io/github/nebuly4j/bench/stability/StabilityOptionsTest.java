package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StabilityOptionsTest {
  private static final String[] JAR = {"--server-jar", "/x/server.jar"};

  private static StabilityOptions parse(String... args) {
    String[] all = new String[args.length + JAR.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(JAR, 0, all, args.length, JAR.length);
    return StabilityOptions.parse(all);
  }

  @Test
  void theSoakDefaultsToTheIssuesRun() {
    StabilityOptions soak = parse("--run", "soak");

    assertThat(soak.calls()).isEqualTo(100_000);
    assertThat(soak.concurrency()).containsExactly(64, 512);
    assertThat(soak.faultShare()).isEqualTo(0.2);
    assertThat(soak.serverJar()).isEqualTo(Path.of("/x/server.jar"));
    // No call waits for a connection in the soak: waiting is the overload's subject.
    assertThat(soak.maxConnections()).isEqualTo(512);
    assertThat(soak.apiKey()).isEqualTo("k3y+/=!~%ünïcode");
  }

  @Test
  void theStormCancelsHalfOfTwentyThousandCalls() {
    StabilityOptions storm = parse("--run", "storm");

    assertThat(storm.calls()).isEqualTo(20_000);
    assertThat(storm.cancelShare()).isEqualTo(0.5);
    assertThat(storm.maxConnections()).isLessThan(storm.concurrency().get(0));
  }

  @Test
  void theOverloadRetriesNothingSoThatEveryFailureIsOnePoolWait() {
    AdapterSettings settings = parse("--run", "overload").settings(URI.create("http://127.0.0.1:1/api/external"));

    assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(1);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void everyOptionOverridesItsDefault() {
    StabilityOptions options =
        parse("--run", "HOSTILE", "--calls", "10", "--concurrency", "2,3", "--fault-share", "1", "--batch", "5",
            "--seed", "7", "--connect-timeout", "250ms", "--attempt-timeout", "3s", "--max-connections", "4",
            "--max-body-size", "1024", "--huge-body", "4096", "--max-time", "2m", "--api-key", "other", "--bursts", "9",
            "--cancel-share", "0.25");

    assertThat(options.run()).isEqualTo(StabilityOptions.RunKind.HOSTILE);
    assertThat(List.of(options.calls(), options.batch(), options.maxConnections(), options.bursts())).containsExactly(10, 5, 4, 9);
    assertThat(options.concurrency()).containsExactly(2, 3);
    assertThat(options.seed()).isEqualTo(7);
    assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(options.attemptTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.maxTime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(List.of(options.maxBodySize(), options.hugeBody())).containsExactly(1024L, 4096L);
    assertThat(options.apiKey()).isEqualTo("other");
    assertThat(options.cancelShare()).isEqualTo(0.25);
  }

  @Test
  void theSettingsCarryTheOptionsAndAPolicyThatHonoursRetryAfterUpToTwoSeconds() {
    AdapterSettings settings =
        parse("--run", "soak", "--attempt-timeout", "1s", "--max-body-size", "2048").settings(URI.create("http://127.0.0.1:9/api/external"));

    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api/external"));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.maxBodySize()).isEqualTo(2048);
    assertThat(settings.retryPolicy().maxRetryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(RetryPolicy.defaults().maxAttempts());
  }

  @Test
  void aBadCommandLineSaysWhatIsWrong() {
    assertThatThrownBy(() -> parse()).hasMessageContaining("--run is required");
    assertThatThrownBy(() -> parse("--run", "marathon")).hasMessageContaining("soak, storm, overload or hostile");
    assertThatThrownBy(() -> parse("--run", "soak", "--calls", "0")).hasMessageContaining("--calls must be at least 1");
    assertThatThrownBy(() -> parse("--run", "soak", "--calls", "many")).hasMessageContaining("--calls must be a number");
    assertThatThrownBy(() -> parse("--run", "soak", "--fault-share", "1.5")).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> parse("--run", "soak", "--attempt-timeout", "2 weeks")).hasMessageContaining("--attempt-timeout");
    assertThatThrownBy(() -> parse("--run", "soak", "--frobnicate", "1")).hasMessageContaining("unknown option --frobnicate");
    assertThatThrownBy(() -> parse("--run", "soak", "--run", "storm")).hasMessageContaining("given twice");
    assertThatThrownBy(() -> parse("--run", "soak", "--calls")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> StabilityOptions.parse("--run", "soak")).hasMessageContaining("--server-jar is required");
  }

  @Test
  void theDescriptionNeverShowsTheKey() {
    StabilityOptions options = parse("--run", "storm", "--api-key", "secret-key-123");

    assertThat(options.toString()).doesNotContain("secret-key-123");
    assertThat(options.settings(URI.create("http://127.0.0.1:1")).toString()).doesNotContain("secret-key-123");
  }

  @Test
  void durationsReadAndWriteTheirUnits() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> Durations.parse("5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("5d")).isInstanceOf(IllegalArgumentException.class);
  }
}
