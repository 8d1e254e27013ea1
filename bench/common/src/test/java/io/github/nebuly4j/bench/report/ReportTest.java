package io.github.nebuly4j.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nebuly4j.bench.load.Measurement;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @Test
  void summaryAndRatioPropagateTheRelativeErrors() {
    Summary a = Summary.of(List.of(90.0, 100.0, 110.0));
    Summary b = Summary.of(List.of(200.0, 200.0));

    assertThat(a.mean()).isEqualTo(100.0);
    assertThat(a.stdev()).isEqualTo(10.0);
    assertThat(b.stdev()).isZero();
    Summary ratio = a.over(b);
    assertThat(ratio.mean()).isEqualTo(0.5);
    assertThat(ratio.stdev()).isCloseTo(0.5 * 0.1, within(1e-12));
  }

  @Test
  void writesTablesTargetsAndThePlotFromTheResults(@TempDir Path dir) throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    List<String> lines = new ArrayList<>();
    // wrk 10,000/s; raw-webclient 5,000/s; vertx-adapter 4,000/s (0.8x: misses 0.95x) at c=256,
    // allocating 1.10x and using 1.25x the CPU per call (20 µs against 16); raw-rest-client
    // 4,000/s and quarkus-adapter 3,880/s (0.97x: meets 0.95x).
    for (int rep = 1; rep <= 2; rep++) {
      lines.add(line("wrk", 256, rep, 10_000, -1, -1));
      lines.add(line("raw-webclient", 256, rep, 5_000, 40_000, 16));
      lines.add(line("raw-jdk", 256, rep, 3_000, 50_000, 30));
      lines.add(line("vertx-adapter", 256, rep, 4_000, 44_000, 20));
      lines.add(line("vertx-adapter", 16, rep, 3_500, 44_000, 20));
      lines.add(line("raw-rest-client", 256, rep, 4_000, 60_000, 25));
      lines.add(line("quarkus-adapter", 256, rep, 3_880, 90_000, 30));
    }
    Files.write(results.resolve("load.jsonl"), lines, StandardCharsets.UTF_8);
    Files.writeString(results.resolve("machine.txt"), "cores: 2\nJDK: 17\n");
    Path markdown = dir.resolve("RESULTS.md");
    Path png = dir.resolve("throughput.png");

    Report.main(new String[] {results.toString(), markdown.toString(), png.toString()});

    String md = Files.readString(markdown);
    assertThat(md).contains("| cores | 2 |");
    assertThat(md).contains("| vertx-adapter | 256 | 4,000 |");
    assertThat(md).contains("| 44,000 | 20.0 | 0 |");
    assertThat(md).contains("| wrk | 256 | 10,000 | 100 | 900 | n/a | n/a | 0 |");
    assertThat(md).contains("| vertx-adapter / raw-webclient | n/a | 0.80 |");
    assertThat(md).contains("vertx-adapter \u2265 0.95\u00d7 raw-webclient (requests/s, c=256) | missed (0.80)");
    assertThat(md).contains("vertx-adapter \u2265 0.95\u00d7 raw-webclient (requests/s, c=16) | not measured");
    assertThat(md).contains("vertx-adapter \u2265 1.0\u00d7 raw-jdk (requests/s, c=256) | **met (1.33)**");
    assertThat(md).contains("vertx-adapter \u2264 1.05\u00d7 raw-webclient (allocated bytes per call, c=256) | missed (1.10)");
    assertThat(md).contains("### CPU ratios");
    assertThat(md).contains("| vertx-adapter / raw-webclient | n/a | 1.25 |");
    assertThat(md).contains("quarkus-adapter \u2265 0.9\u00d7 raw-jdk (requests/s, c=256) | **met (1.29)**");
    assertThat(md).contains("quarkus-adapter \u2265 0.95\u00d7 raw-rest-client (requests/s, c=256) | **met (0.97)**");
    assertThat(md).contains("| quarkus-adapter / raw-rest-client | n/a | 1.50 |");
    assertThat(md).contains("| quarkus-adapter / raw-vertx4 | n/a | n/a |");
    assertThat(md).contains("](throughput.png)");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isGreaterThan(400);
    assertThat(image.getHeight()).isGreaterThan(300);
  }

  private static String line(String client, int c, int rep, double rps, double allocated, double cpuMicros) {
    return new Measurement(client, "conversation", c, rep, 10, (long) (rps * 10), 0, rps, 100, 900, 200, allocated, cpuMicros, "")
        .toJson();
  }

  @Test
  void keepsTheSectionsOtherScriptsWroteBetweenTheirMarkers(@TempDir Path dir) throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    Path markdown = dir.resolve("RESULTS.md");
    String stability = "<!-- stability:begin -->\n## Stability\n\n| run | verdict |\n<!-- stability:end -->";
    Files.writeString(markdown, "# old results\n\nold figures\n\n" + stability + "\n\nold tail\n");

    Report.main(new String[] {results.toString(), markdown.toString(), dir.resolve("throughput.png").toString()});

    String md = Files.readString(markdown);
    assertThat(md).contains(stability).doesNotContain("old figures", "old tail");
    assertThat(md.indexOf(stability)).isEqualTo(md.lastIndexOf(stability));
  }
}
