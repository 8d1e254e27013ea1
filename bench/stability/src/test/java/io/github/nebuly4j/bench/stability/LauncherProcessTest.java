package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherProcessTest {
  private static final String KEY = "k3y+/=!~%ünïcode";

  private static String bytes(String text, java.nio.charset.Charset charset) {
    return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
  }

  @Test
  void findsATextWrittenInUtf8OrInIsoLatin1() {
    assertThat(new LauncherProcess.Result(0, "", bytes("x " + KEY + " y", StandardCharsets.UTF_8)).wrote(KEY)).isTrue();
    assertThat(new LauncherProcess.Result(0, "", bytes("x " + KEY, StandardCharsets.ISO_8859_1)).wrote(KEY)).isTrue();
    assertThat(new LauncherProcess.Result(0, "", bytes("k3y+/=!~%", StandardCharsets.UTF_8)).wrote(KEY)).isFalse();
  }

  @Test
  void readsTheFailedChecksOfTheReport() {
    LauncherProcess.Result result = new LauncherProcess.Result(1, "| a | pass | x |\n| b | **FAIL** | y |\n", "");

    assertThat(result.failedChecks()).containsExactly("| b | **FAIL** | y |");
  }

  @Test
  void aRunPassesWithStatusZeroAReportThatSaysPassNoFailedCheckAndNoKeyInItsOutput() {
    String passed = "### soak: x — PASS\n\n| a | pass | y |\n";

    assertThat(new LauncherProcess.Result(0, passed, "fine").problems(KEY)).isEmpty();
    assertThat(new LauncherProcess.Result(1, passed, "fine").problems(KEY)).singleElement().asString().startsWith("exit status 1");
    assertThat(new LauncherProcess.Result(0, "### soak: x — FAIL\n| b | **FAIL** | z |\n", "").problems(KEY))
        .containsExactly("| b | **FAIL** | z |", "the report does not say PASS: ### soak: x — FAIL");
    assertThat(new LauncherProcess.Result(0, passed, bytes(KEY, StandardCharsets.UTF_8)).problems(KEY))
        .containsExactly("the API key is in the process's output");
  }

  @Test
  void runsACommandWithTheReportFileAndCollectsItsOutput(@TempDir Path directory) {
    LauncherProcess.Result result =
        LauncherProcess.run(List.of("sh", "-c", "echo \"$1 $2\"; printf '### r' > \"$2\"; exit 3", "sh"), directory, Duration.ofSeconds(30));

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.outputText()).startsWith("--report " + directory.resolve("report.md"));
    assertThat(result.report()).isEqualTo("### r");
  }
}
