package io.github.nebuly4j.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.wire.NebulyExchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * The smoke run of the listing benchmark and its probe: the fixture's pages decode whole, a stream
 * reads every row with one page in flight and no page past the end, the probe measures each
 * quarter, and the benchmark runs under JMH in this JVM. Asserts nothing about speed or memory.
 */
class ListingStreamBenchmarkSmokeTest {

  @Test
  void theFixturesPagesDecodeWholeAndInOrder() throws Exception {
    try (PagesTransport transport = new PagesTransport(250, ListingStreams.PAGE_SIZE)) {
      NebulyExchange exchange = ListingStreams.exchange(transport);

      Page<InteractionSummary> last = exchange.interactionPage(ListingStreams.QUERY, 200).get(10, TimeUnit.SECONDS);

      assertThat(last.total()).isEqualTo(250);
      assertThat(last.rows()).hasSize(50).allSatisfy(row -> assertThat(row.isComplete()).isTrue());
      assertThat(last.rows().get(0).id().value()).isEqualTo("i-200");
      assertThat(last.rows().get(49).id().value()).isEqualTo("i-249");
      assertThat(last.rows().get(0).cost()).isPresent();
      assertThat(last.isLast()).isTrue();
    }
  }

  @Test
  void aStreamReadsEveryRowWithOnePageInFlight() {
    ListingStreamBenchmark benchmark = new ListingStreamBenchmark();
    benchmark.rows = 1_000;
    benchmark.encode();
    try {
      benchmark.resetCounts();
      assertThat(benchmark.stream()).isEqualTo(1_000);
      benchmark.requireOnePageInFlight();
    } finally {
      benchmark.close();
    }
  }

  @Test
  void theProbeMeasuresEveryQuarterAndPrintsATable() {
    ListingMemoryProbe.Figures figures = ListingMemoryProbe.measure(2_000, 1);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ListingMemoryProbe.print(List.of(figures), new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(figures.rows()).isEqualTo(2_000);
    assertThat(figures.pages()).as("20 pages, none past the end").isEqualTo(20);
    assertThat(figures.maxInFlight()).isEqualTo(1);
    assertThat(figures.heapAboveStart()).hasSize(4);
    assertThat(figures.bytesPerRow()).isPositive();
    assertThat(figures.decodingBytesPerRow()).isPositive();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| 2,000 | 20 | 1 |");
  }

  @Test
  void theBenchmarkRunsUnderJmh() throws Exception {
    Collection<RunResult> results = SmokeRun.of(ListingStreamBenchmark.class, "rows", "1000");

    assertThat(results).extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", "")).containsExactly("stream");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
