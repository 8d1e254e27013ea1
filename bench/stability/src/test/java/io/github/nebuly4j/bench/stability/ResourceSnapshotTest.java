package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ResourceSnapshotTest {
  private static final Predicate<String> NONE = name -> false;

  @Test
  void countsTheProcesssConnectionsToAPortByState() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = server.getLocalPort();
      assertThat(ResourceSnapshot.take("before", port, NONE, false).established()).isZero();
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port); Socket accepted = server.accept()) {
        ResourceSnapshot open = ResourceSnapshot.take("open", port, NONE, false);
        // Only the client's side: the accepted socket's remote port is the client's.
        assertThat(open.established()).isEqualTo(1);
        assertThat(open.closeWait()).isZero();

        accepted.close();
        ResourceSnapshot closedByPeer = awaitCloseWait(port);
        assertThat(closedByPeer.closeWait()).isEqualTo(1);
        assertThat(closedByPeer.established()).isZero();
      }
      ResourceSnapshot after = ResourceSnapshot.take("after", port, NONE, false);
      assertThat(after.established() + after.closeWait()).isZero();
    }
  }

  private static ResourceSnapshot awaitCloseWait(int port) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    ResourceSnapshot snapshot = ResourceSnapshot.take("closed by peer", port, NONE, false);
    while (snapshot.closeWait() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      snapshot = ResourceSnapshot.take("closed by peer", port, NONE, false);
    }
    return snapshot;
  }

  @Test
  void listsTheLiveThreadsButTheHarnesss() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    Thread worker = new Thread(() -> awaitQuietly(stop), "snapshot-test-worker");
    Thread harness = new Thread(() -> awaitQuietly(stop), "HttpClient-99-Worker-0");
    worker.start();
    harness.start();
    try {
      ResourceSnapshot snapshot = ResourceSnapshot.take("now", 1, name -> name.startsWith("HttpClient-99-"), false);

      assertThat(snapshot.threads()).contains("snapshot-test-worker").doesNotContain("HttpClient-99-Worker-0");
      assertThat(snapshot.heapAfterGc()).isEqualTo(-1);
    } finally {
      stop.countDown();
      worker.join();
      harness.join();
    }
  }

  @Test
  void measuresTheHeapAfterACollectionAndTheResidentMemory() {
    ResourceSnapshot snapshot = ResourceSnapshot.take("now", 1, NONE, true);

    assertThat(snapshot.heapAfterGc()).isPositive();
    assertThat(snapshot.peakRss()).isGreaterThanOrEqualTo(snapshot.rss()).isPositive();
    assertThat(snapshot.files()).isPositive();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
