package io.github.nebuly4j.quarkus.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it when missing) on a free
 * port of 127.0.0.1, with no persistence, for as long as the test needs it.
 */
final class RedisServer implements AutoCloseable {
  private static final long START_SECONDS = 30;

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server and waits until it accepts connections. */
  static RedisServer start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                  "--save", "", "--appendonly", "no")
              .redirectErrorStream(true)
              .start();
    } catch (IOException missing) {
      throw new IOException("redis-server could not be started; install Debian's redis-server (.ci/run does)", missing);
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (line.contains("Ready to accept connections")) {
                    ready.complete(null);
                  }
                }
                ready.completeExceptionally(new IOException("redis-server stopped"));
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "redis-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      synchronized (output) {
        throw new IOException("redis-server did not start on port " + port + ":\n" + output, e);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while redis-server started", e);
    }
    return new RedisServer(process, port);
  }

  /** The URL the Redis clients connect to. */
  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
