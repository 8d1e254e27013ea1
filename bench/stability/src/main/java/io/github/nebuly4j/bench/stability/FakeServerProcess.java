package io.github.nebuly4j.bench.stability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Nebuly server as a child process: testkit's standalone jar in a JVM of its own, so that
 * the measured process holds none of its threads, sockets or memory. Its output goes to a file
 * (no reader thread in the measured process), deleted once its first line, which names the base
 * URL, has been read.
 */
final class FakeServerProcess implements AutoCloseable {
  /** A key the server starts with; the run's own key is added over the admin API, never on a command line. */
  private static final String STARTUP_KEY = "stability-startup-key";

  /**
   * Runs the server's JVM and stops it when stdin ends: when this process closes the pipe, or dies
   * in any way, even one that runs no shutdown hook (an {@code OutOfMemoryError} with {@code
   * -XX:+ExitOnOutOfMemoryError}), so that no server outlives its run. The shell ends with the
   * server, should the server end first. (A background job's stdin is {@code /dev/null}, hence the
   * pipe's copy on descriptor 3.)
   */
  private static final String TIED_TO_PARENT =
      "exec 3<&0; \"$@\" 3<&- & server=$!; (cat <&3 >/dev/null; kill $server 2>/dev/null) & wait $server";

  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+)\\S*)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI baseUrl;
  private final int port;

  private FakeServerProcess(Process process, URI baseUrl, int port) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.port = port;
  }

  /**
   * Starts the standalone jar on a free port and waits for its first line.
   *
   * @param jar testkit's standalone jar
   * @param jvmOptions options of the server's JVM
   * @throws IllegalStateException if it does not start
   */
  static FakeServerProcess start(Path jar, List<String> jvmOptions) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no fake server jar at " + jar + "; build testkit first (./mvnw -B package -pl testkit -am)");
    }
    Path log;
    try {
      log = Files.createTempFile("fake-nebuly-server-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of("sh", "-c", TIED_TO_PARENT, "fake-nebuly-server"));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--api-key", STARTUP_KEY));
    Process process;
    try {
      // stdin stays a pipe from this process: its end, however this process ends, stops the server.
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String output = read(log);
      Matcher listening = LISTENING.matcher(output);
      if (listening.find()) {
        // Only the first line is read; the server keeps writing to the file it has open.
        delete(log);
        FakeServerProcess server =
            new FakeServerProcess(process, URI.create(listening.group(1)), Integer.parseInt(listening.group(2)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stability-fake-server-stop"));
        return server;
      }
      if (!process.isAlive()) {
        delete(log);
        throw new IllegalStateException("the fake server exited with status " + process.exitValue() + ": " + output);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    process.destroyForcibly();
    String output = read(log);
    delete(log);
    throw new IllegalStateException("the fake server did not start within " + START_TIMEOUT.toSeconds() + " s: " + output);
  }

  URI baseUrl() {
    return baseUrl;
  }

  int port() {
    return port;
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void delete(Path log) {
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // A temporary file left behind is no failure of the run.
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
