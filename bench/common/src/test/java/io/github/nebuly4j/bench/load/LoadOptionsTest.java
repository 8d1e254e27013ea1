package io.github.nebuly4j.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  private static final List<String> KNOWN = List.of("a", "b");

  @Test
  void parsesEveryOptionAndDefaultsTheRest() {
    LoadOptions options =
        LoadOptions.parse(
            new String[] {"--url", "http://127.0.0.1:1/api/external", "--out", "x.jsonl", "--clients", "b",
              "--concurrency", "4, 64", "--warmup", "0.5", "--workloads", "interaction-link"},
            KNOWN);

    assertThat(options.clients()).containsExactly("b");
    assertThat(options.concurrencies()).containsExactly(4, 64);
    assertThat(options.maxConcurrency()).isEqualTo(64);
    assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.measure()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.reps()).isEqualTo(3);
    assertThat(options.workloads()).containsExactly(Workload.INTERACTION_LINK);
    assertThat(options.out()).isEqualTo(Path.of("x.jsonl"));
  }

  @Test
  void refusesBadInputWithTheUsage() {
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "u"}, KNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--out")
        .hasMessageContaining(LoadOptions.USAGE);
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "u", "--out", "o", "--clients", "c"}, KNOWN))
        .hasMessageContaining("unknown client 'c'");
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "u", "--out", "o", "--reps", "x"}, KNOWN))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "u", "--out", "o", "--workloads", "nope"}, KNOWN))
        .hasMessageContaining("unknown workload 'nope'");
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url"}, KNOWN)).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "u", "--out", "o", "--concurrency", "0"}, KNOWN))
        .hasMessageContaining("at least 1");
  }
}
