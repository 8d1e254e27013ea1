package io.github.nebuly4j.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.fixture.PlainConversation;
import io.github.nebuly4j.core.Conversation;
import java.util.Collection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * The smoke run of the decoding benchmarks: every benchmark method builds, decodes the same
 * conversation, and runs under JMH in this JVM. Asserts nothing about speed.
 */
class DecodeBenchmarkSmokeTest {

  @BeforeAll
  static void skipThePreWarming() {
    // The smoke run proves that the benchmarks run; compiled speed is of no interest to it.
    System.setProperty(DecodeBenchmark.PRE_WARM_CALLS, "0");
  }

  @Test
  void everyDecoderReadsTheWholeConversation() throws Exception {
    DecodeBenchmark benchmark = new DecodeBenchmark();
    benchmark.interactions = 10;
    benchmark.encode();

    Conversation viaWire = benchmark.wire();
    PlainConversation plain = benchmark.plainRecords();

    assertThat(viaWire.interactions()).hasSize(10);
    assertThat(viaWire.isComplete()).isTrue();
    assertThat(plain.conversation()).hasSize(10);
    assertThat(benchmark.tree().path("conversation").size()).isEqualTo(10);
    assertThat(viaWire.interactions().get(3).input()).contains(plain.conversation().get(3).input());
    assertThat(viaWire.interactions().get(3).input().orElseThrow())
        .isEqualTo(new ObjectMapper().readTree(Fixtures.conversation(10)).path("conversation").get(3).path("input").asText());
  }

  @Test
  void everyBenchmarkRunsUnderJmh() throws Exception {
    Collection<RunResult> results = SmokeRun.of(DecodeBenchmark.class, "interactions", "10");

    assertThat(results)
        .extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""))
        .containsExactlyInAnyOrder("wire", "plainRecords", "tree");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
