package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.spi.Arguments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a stability launcher in a JVM of its own, as {@code bench/stability.sh} does, and collects
 * its exit status, its report and everything it wrote: what the launchers' smoke tests check.
 */
public final class LauncherProcess {
  private LauncherProcess() {}

  /**
   * What a launcher's run left.
   *
   * @param exitStatus the process's exit status
   * @param report the Markdown report, empty if none was written
   * @param output everything the process wrote to stdout and stderr, each byte one character
   *     (ISO-8859-1), so that any encoding of a text can be looked for
   */
  public record Result(int exitStatus, String report, String output) {

    /**
     * Tells whether the process wrote {@code text}, in UTF-8 or in ISO-8859-1.
     *
     * @param text what to look for, such as the API key
     * @return true if its bytes are in the output
     */
    public boolean wrote(String text) {
      return output.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
          || output.contains(text);
    }

    /**
     * Returns the output as UTF-8 text, for a failure message.
     *
     * @return the output
     */
    public String outputText() {
      return new String(output.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * Returns the report's rows of failed checks.
     *
     * @return each failed check's row
     */
    public List<String> failedChecks() {
      return report.lines().filter(line -> line.contains("| **FAIL** |")).toList();
    }

    /**
     * Returns why the run did not pass, if it did not: an exit status other than 0, a failed check,
     * a report that says anything but PASS, or the API key in the output.
     *
     * @param apiKey the key the run used
     * @return the reasons; empty when it passed
     */
    public List<String> problems(String apiKey) {
      List<String> problems = new ArrayList<>(failedChecks());
      if (exitStatus != Stability.PASSED) {
        problems.add("exit status " + exitStatus + ": " + outputText());
      }
      if (!report.lines().findFirst().orElse("").endsWith("— PASS")) {
        problems.add("the report does not say PASS: " + report.lines().findFirst().orElse("(no report)"));
      }
      if (wrote(apiKey)) {
        problems.add("the API key is in the process's output");
      }
      return problems;
    }

    /** Describes the result by its status and failed checks, without the output. */
    @Override
    public String toString() {
      return "exit status " + exitStatus + "; failed checks " + failedChecks();
    }
  }

  /**
   * Runs {@code command} with {@code --report FILE} added, in {@code directory}, and waits for it.
   *
   * @param command the launcher's command line, {@code java} first
   * @param directory where the report and the output are written
   * @param timeout the longest wait; the process is killed after it
   * @return what it left
   * @throws IllegalStateException if it does not end within the timeout
   */
  public static Result run(List<String> command, Path directory, Duration timeout) {
    Arguments.requireNonNull(command, "command");
    Arguments.requireNonNull(directory, "directory");
    Arguments.requireNonNull(timeout, "timeout");
    Path report = directory.resolve("report.md");
    Path output = directory.resolve("output.txt");
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("--report", report.toString()));
    try {
      Files.deleteIfExists(report);
      Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("the launcher did not end within " + timeout + ": " + Files.readString(output, StandardCharsets.UTF_8));
      }
      return new Result(
          process.exitValue(),
          Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "",
          new String(Files.readAllBytes(output), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + full, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the launcher", e);
    }
  }

  /**
   * Returns the command that starts a launcher in a new JVM with this JVM's {@code
   * -Dnebuly4j.standaloneJar}.
   *
   * @param jvmOptions options of the new JVM, such as {@code -Xmx64m}
   * @param launcher what starts the launcher: {@link #onThisClassPath} or {@code -jar} and a jar
   * @param args the run's command line
   * @return the command
   */
  public static List<String> javaCommand(List<String> jvmOptions, List<String> launcher, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    String serverJar = System.getProperty(StabilityOptions.SERVER_JAR_PROPERTY);
    if (serverJar != null) {
      command.add("-D" + StabilityOptions.SERVER_JAR_PROPERTY + "=" + serverJar);
    }
    command.addAll(launcher);
    command.addAll(args);
    return command;
  }

  /**
   * Returns what starts {@code mainClass} on this JVM's class path, for a test that runs a launcher
   * from its own class path.
   *
   * @param mainClass the launcher's main class
   * @return {@code -cp}, the class path and the class
   */
  public static List<String> onThisClassPath(String mainClass) {
    // Surefire runs tests from a manifest-only jar; its property holds the real class path.
    return List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass);
  }
}
