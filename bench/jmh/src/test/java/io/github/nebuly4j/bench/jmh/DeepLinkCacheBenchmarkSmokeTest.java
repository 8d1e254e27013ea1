package io.github.nebuly4j.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.LinkTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The smoke run of the deep-link cache benchmarks: the cached and uncached paths give the same
 * links, a burst reaches the resolver behind the cache once, and every benchmark runs under JMH in
 * this JVM. Asserts nothing about speed.
 */
class DeepLinkCacheBenchmarkSmokeTest {

  @Test
  void cachedAndUncachedGiveTheSameLinksOfTheHotSet() {
    DeepLinkCacheBenchmark benchmark = new DeepLinkCacheBenchmark();
    benchmark.hotIds = 10;
    benchmark.prepare();
    DeepLinkCacheBenchmark.Cursor cachedCursor = new DeepLinkCacheBenchmark.Cursor();
    DeepLinkCacheBenchmark.Cursor uncachedCursor = new DeepLinkCacheBenchmark.Cursor();

    List<DeepLink> viaCache = new ArrayList<>();
    List<DeepLink> direct = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      viaCache.add(benchmark.cached(cachedCursor));
      direct.add(benchmark.uncached(uncachedCursor));
    }

    assertThat(viaCache).isEqualTo(direct);
    assertThat(viaCache.subList(0, 10)).doesNotHaveDuplicates().isEqualTo(viaCache.subList(10, 20));
    assertThat(viaCache).allSatisfy(link -> assertThat(link.target()).isEqualTo(LinkTarget.INTERACTION));
    DeepLink first = viaCache.get(0);
    assertThat(first.uri())
        .isEqualTo(URI.create("https://v2.platform.eu.nebuly.com/live-activity?projectId=bench-project"
            + "&organizationId=bench-org&interactionId=" + first.targetId() + "&liveActivityPageTab=interactions"));
  }

  @Test
  void aBurstOfAThousandCallsForOneIdReachesTheResolverOnce() throws Exception {
    DeepLinkCacheBenchmark benchmark = new DeepLinkCacheBenchmark();
    DeepLinkCacheBenchmark.Callers callers = new DeepLinkCacheBenchmark.Callers();
    DeepLinkCacheBenchmark.DelegateCalls counters = new DeepLinkCacheBenchmark.DelegateCalls();
    callers.start();
    try {
      for (int burst = 0; burst < 3; burst++) {
        assertThat(benchmark.burstOfOneId(callers, counters)).isEqualTo(1);
      }
    } finally {
      callers.stop();
    }

    assertThat(counters.delegateCalls).isEqualTo(3);
    assertThat(counters.bursts).isEqualTo(3);
  }

  @Test
  void everyBenchmarkRunsUnderJmh() throws Exception {
    Collection<RunResult> results = SmokeRun.of(DeepLinkCacheBenchmark.class, "hotIds", "10");

    assertThat(results)
        .extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""))
        .containsExactlyInAnyOrder(
            "cached", "uncached", "cachedOnFourThreads", "uncachedOnFourThreads", "burstOfOneId");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    RunResult burst =
        results.stream().filter(r -> r.getParams().getBenchmark().endsWith(".burstOfOneId")).findFirst().orElseThrow();
    Result<?> delegateCalls = burst.getSecondaryResults().get("delegateCalls");
    Result<?> bursts = burst.getSecondaryResults().get("bursts");
    assertThat(bursts.getScore()).isPositive();
    assertThat(delegateCalls.getScore()).isEqualTo(bursts.getScore());
  }
}
