package io.github.nebuly4j.bench.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of the deep-link-scale workload, small: it runs, the burst reaches Nebuly once
 * through the cache and once per call without it, and the page costs one request after and one per
 * link before. Asserts nothing about speed.
 */
@QuarkusMainTest
class DeepLinkScaleTest {

  @Test
  void countsTheRequestsOfTheBurstAndOfThePage(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("deep-links.md");

    LaunchResult result =
        launcher.launch(
            "deep-link-scale", "--out", out.toString(), "--threads", "2", "--hot-ids", "5", "--seconds", "0.3",
            "--burst", "40", "--interactions", "30", "--page-runs", "1");

    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    String section = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(row(section, "uncached \\|")).isEqualTo("40");
    assertThat(row(section, "`CachingDeepLinkResolver` \\(Caffeine caches\\) \\|")).isEqualTo("1");
    assertThat(row(section, "before: conversation, then every link \\|")).isEqualTo("32");
    assertThat(row(section, "after: conversation only, links resolved when clicked \\(`/go/...`\\) \\|")).isEqualTo("1");
  }

  @Test
  void refusesArgumentsItCannotRead(QuarkusMainLauncher launcher) {
    try (RefusalLog log = new RefusalLog()) {
      LaunchResult result = launcher.launch("deep-link-scale", "--burst", "0");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(log.text()).contains("--burst must be positive");
    }
  }

  /** The first number after a row's label. */
  private static String row(String section, String label) {
    Matcher cell = Pattern.compile("\\| " + label + " ([0-9,]+) \\|").matcher(section);
    assertThat(cell.find()).as("a row '%s' in:%n%s", label, section).isTrue();
    return cell.group(1);
  }
}
