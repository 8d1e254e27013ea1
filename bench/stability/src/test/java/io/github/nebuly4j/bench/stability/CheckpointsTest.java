package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {
  private static final long MIB = 1024 * 1024;

  private static ResourceSnapshot snapshot(int threads, int sockets, int other, int established, int closeWait, long heap) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      names.add("thread-" + i);
    }
    return new ResourceSnapshot("s", names, sockets, other, 40, established, closeWait, heap, 100 * MIB, 120 * MIB);
  }

  private static final ResourceSnapshot BASELINE = snapshot(10, 4, 8, 2, 0, 20 * MIB);

  @Test
  void growthWithinTheAllowancesIsNoLeak() {
    ResourceSnapshot after = snapshot(10 + Checkpoints.THREADS, 2 + 16, 8 + Checkpoints.DESCRIPTORS, 16, 0, 20 * MIB + Checkpoints.HEAP_MIB * MIB);

    assertThat(Checkpoints.problems(after, BASELINE, 16, true)).isEmpty();
  }

  @Test
  void eachGrowthPastItsAllowanceIsNamed() {
    ResourceSnapshot after = snapshot(10 + Checkpoints.THREADS + 1, 2, 8 + Checkpoints.DESCRIPTORS + 1, 0, 0, 20 * MIB + Checkpoints.HEAP_MIB * MIB + 1);

    assertThat(Checkpoints.problems(after, BASELINE, 0, true))
        .hasSize(3)
        .anySatisfy(problem -> assertThat(problem).startsWith("9 more threads").contains("new: thread-10", "thread-18"))
        .anySatisfy(problem -> assertThat(problem).startsWith("17 more descriptors"))
        .anySatisfy(problem -> assertThat(problem).startsWith("heap after GC grew by 32.0 MiB"));
  }

  @Test
  void aConnectionLeftOpenOrHalfClosedIsALeak() {
    assertThat(Checkpoints.problems(snapshot(10, 3, 8, 1, 0, 20 * MIB), BASELINE, 0, true))
        .containsExactly("1 connection(s) to the server still established (allowed: 0)");
    assertThat(Checkpoints.problems(snapshot(10, 3, 8, 0, 1, 20 * MIB), BASELINE, 16, true))
        .containsExactly("1 connection(s) in CLOSE_WAIT: closed by the server, never by the process");
  }

  @Test
  void theHeapIsJudgedOnlyAfterACollection() {
    assertThat(Checkpoints.problems(snapshot(10, 4, 8, 0, 0, 900 * MIB), BASELINE, 0, false)).isEmpty();
  }
}
