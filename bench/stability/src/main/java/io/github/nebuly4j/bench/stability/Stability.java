package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One stability run of one adapter, in the process being measured. A launcher drives it through
 * five steps, and {@link #launch} does them all for a launcher that creates its adapter itself:
 *
 * <ol>
 *   <li>{@link #start}: reads the command line, starts the fake server in a JVM of its own, starts
 *       watching stdout, stderr and the log, and takes the {@code start} baseline;
 *   <li>the launcher creates its adapter with {@link #settings()};
 *   <li>{@link #exercise}: warms the adapter up, takes the {@code warm} baseline, runs the run
 *       through the ports only, and checks the resources after each phase;
 *   <li>the launcher closes its adapter ({@link #afterClose}), then its framework ({@link
 *       #afterShutdown}), and each time the resources are checked again;
 *   <li>{@link #finish}: checks the log and the key, prints the report and returns the exit status.
 * </ol>
 *
 * <p>The run's threads (two that start calls, one timer) exist before the first baseline, so they
 * count in every one. The JDK HTTP client that controls the fake server is the harness's too: its
 * threads are left out of every count, and its idle connections close after a second, so that they
 * are gone by the time a checkpoint counts connections.
 */
public final class Stability {
  /**
   * The API key of every run unless {@code --api-key} says otherwise: characters that need care in
   * a header, a URL, JSON or a log pattern, and letters beyond ASCII. Every check that the key
   * shows nowhere looks for this.
   */
  public static final String DEFAULT_API_KEY = "k3y+/=!~%ünïcode";

  /** The exit status of a run whose checks all passed. */
  public static final int PASSED = 0;

  /** The exit status of a run with a failed check. */
  public static final int FAILED = 1;

  /** The exit status of a command line that could not be understood. */
  public static final int USAGE_ERROR = 2;

  private static final int WARM_UP_CALLS = 200;
  private static final int WARM_UP_CONCURRENCY = 8;
  private static final Pattern CONTROL_THREAD = Pattern.compile("HttpClient-(\\d+)-.*");

  private final StabilityOptions options;
  private final Path reportFile;
  private final SecretScan secrets;
  private final OutputWatch output;
  private final ScheduledExecutorService timer;
  private final ExecutorService driver;
  private final FakeServerProcess server;
  private final RemoteFakeNebulyServer control;
  private final AdapterSettings settings;
  private final RunReport report;
  private final Checkpoints checkpoints;
  private final long startedAt = System.nanoTime();
  private boolean exercised;

  private Stability(String adapter, StabilityOptions options, Path reportFile) {
    this.options = options;
    this.reportFile = reportFile;
    // First, so that a server that does not start leaves nothing to undo.
    this.server = FakeServerProcess.start(options.serverJar(), List.of("-Xmx1g"));
    this.secrets = new SecretScan(options.apiKey());
    this.output = OutputWatch.start(secrets);
    this.timer = new ScheduledThreadPoolExecutor(1, named("stability-timer"));
    this.driver = Executors.newFixedThreadPool(2, named("stability-driver"));
    ((ScheduledThreadPoolExecutor) timer).prestartAllCoreThreads();
    ((ThreadPoolExecutor) driver).prestartAllCoreThreads();
    this.control = RemoteFakeNebulyServer.connect(server.baseUrl());
    control.acceptApiKey(options.apiKey());
    this.settings = options.settings(server.baseUrl());
    this.report = new RunReport(options.run().label(), adapter);
    this.checkpoints = new Checkpoints(report, server.port(), controlThreads());
    report.setting("run: " + options.describe());
    report.setting("adapter settings: " + settings);
    String key = options.apiKey();
    report.setting("API key: " + key.length() + " characters, " + key.chars().filter(c -> c > 127).count() + " of them beyond ASCII and "
        + key.chars().filter(c -> !Character.isLetterOrDigit(c)).count() + " neither letters nor digits (never printed)");
    checkpoints.start();
  }

  /**
   * Starts a run: reads the command line (see {@link #usage()}), starts the fake server and takes
   * the first baseline.
   *
   * @param adapter the adapter's name in the report, such as {@code vertx-adapter}
   * @param args the command line
   * @return the run
   * @throws IllegalArgumentException if the command line is wrong; its message says why
   */
  public static Stability start(String adapter, String... args) {
    Arguments.requireNonNull(adapter, "adapter");
    Arguments.requireNonNull(args, "args");
    // Before the JDK's HTTP client is first used: the control's idle connections close after a second.
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "1");
    }
    List<String> rest = new ArrayList<>(List.of(args));
    Path reportFile = null;
    int report = rest.indexOf("--report");
    if (report >= 0) {
      if (report + 1 >= rest.size()) {
        throw new IllegalArgumentException("--report needs a value");
      }
      reportFile = Path.of(rest.remove(report + 1));
      rest.remove(report);
    }
    return new Stability(adapter, StabilityOptions.parse(rest.toArray(String[]::new)), reportFile);
  }

  /**
   * Returns the command line's usage, for a launcher to print on a {@link #USAGE_ERROR}.
   *
   * @return the usage
   */
  public static String usage() {
    return StabilityOptions.USAGE;
  }

  /**
   * Returns the settings the adapter must be created with.
   *
   * @return the settings; the same for the whole run
   */
  public AdapterSettings settings() {
    return settings;
  }

  /**
   * Warms the adapter up, takes the {@code warm} baseline and runs the run through the ports. A
   * failure of the run itself (not of a call) is reported as a failed check.
   *
   * @param ports the adapter's ports
   * @throws IllegalArgumentException if {@code ports} is null
   * @throws IllegalStateException if called twice
   */
  public void exercise(Ports ports) {
    Arguments.requireNonNull(ports, "ports");
    if (exercised) {
      throw new IllegalStateException("a Stability run exercises one adapter once");
    }
    exercised = true;
    output.ensureAttached();
    secrets.inspect("the toString of the DeepLinkResolver", String.valueOf(ports.resolver()));
    secrets.inspect("the toString of the ConversationRepository", String.valueOf(ports.repository()));
    long stopIssuingAt = startedAt + options.maxTime().toNanos();
    CallDriver calls =
        new CallDriver(ports, new Outcomes(settings), settings.callBound(), timer, driver, secrets, stopIssuingAt);
    RunContext context = new RunContext(options, settings, report, calls, new ServerScript(control), checkpoints);
    try {
      if (!warmUp(context)) {
        return;
      }
      checkpoints.warm();
      Runs.run(context);
      output.ensureAttached();
      report.check("the run ends within --max-time (" + Durations.format(options.maxTime()) + ")",
          System.nanoTime() - stopIssuingAt < 0, "no call was left unstarted for want of time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report.check("the run completes", false, "interrupted");
    } catch (RuntimeException e) {
      secrets.inspect(e);
      report.check("the run completes", false, "the harness failed: " + e);
    }
  }

  /** The warm-up: normal calls, every one of which must succeed; without that, nothing else is worth running. */
  private boolean warmUp(RunContext context) throws InterruptedException {
    List<PlannedCall> calls = new ArrayList<>();
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      calls.add(context.plan("warm-", Scenario.normal(), null));
    }
    context.prepare(calls);
    context.driver.run(calls, WARM_UP_CONCURRENCY, new LatencyHistogram());
    long served = calls.stream().filter(call -> Outcomes.SUCCESS.equals(call.outcome)).count();
    Set<String> outcomes = calls.stream().map(call -> String.valueOf(call.outcome)).collect(Collectors.toCollection(java.util.TreeSet::new));
    report.check("warm-up: " + WARM_UP_CALLS + " normal calls succeed", served == calls.size(),
        RunReport.count(served) + " succeeded; outcomes " + outcomes);
    return served == calls.size();
  }

  /**
   * Records how the framework that ran {@link #exercise} ended, for a launcher whose framework
   * calls back with a status (Quarkus's exit handler): anything but 0 without failure fails the run.
   *
   * @param status the framework's exit status
   * @param failure what it failed with, or null
   */
  public void applicationEnded(int status, Throwable failure) {
    if (failure != null) {
      secrets.inspect(failure);
    }
    report.check("the application runs the run and ends", status == 0 && failure == null,
        "exit status " + status + (failure == null ? "" : ", failed with " + failure));
  }

  /**
   * Checks the resources after the adapter was closed, its framework still running: no connection
   * to the server may stay, and nothing else may have grown since the {@code warm} baseline.
   *
   * @param what what was closed, such as {@code NebulyVertxClient.close()}
   */
  public void afterClose(String what) {
    output.ensureAttached();
    checkpoints.afterClose("after " + Arguments.requireNonNull(what, "what"));
  }

  /**
   * Checks the resources after the framework the adapter runs on was shut down: the process must
   * be back at the {@code start} baseline.
   *
   * @param what what was shut down, such as {@code Vertx.close()}
   */
  public void afterShutdown(String what) {
    output.ensureAttached();
    checkpoints.afterShutdown("after " + Arguments.requireNonNull(what, "what"));
  }

  /**
   * Checks the log and the key, prints the report (and writes it to {@code --report}), stops the
   * fake server and gives the process its streams back.
   *
   * @return {@link #PASSED} or {@link #FAILED}
   */
  public int finish() {
    report.check("no log line at WARN or above", output.warningCount() == 0,
        RunReport.count(output.warningCount()) + " of " + RunReport.count(output.records()) + " records"
            + (output.warnings().isEmpty() ? "" : "; e.g. " + String.join(" / ", output.warnings().subList(0, Math.min(3, output.warnings().size())))));
    List<String> found = secrets.findings();
    report.check("the API key appears in no exception message, toString, stack trace, log record or output",
        found.isEmpty(),
        (found.isEmpty() ? "not found" : "found in " + String.join(", ", found)) + " in " + RunReport.count(secrets.textsInspected())
            + " texts and " + RunReport.count(secrets.bytesInspected()) + " bytes of output");
    String markdown = report.markdown();
    PrintStream out = System.out;
    out.print(markdown);
    out.flush();
    if (reportFile != null) {
      try {
        Files.writeString(reportFile, markdown, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report to " + reportFile, e);
      }
    }
    server.close();
    timer.shutdownNow();
    driver.shutdownNow();
    output.stop();
    return report.passed() ? PASSED : FAILED;
  }

  /**
   * Starts a run as {@link #start} does, or says on the console why it cannot: the usage on a bad
   * command line, the reason when the run could not start. Every launcher starts its run this way,
   * so that each refuses alike.
   *
   * @param adapter the adapter's name in the report
   * @param args the command line
   * @return the started run
   * @throws Refused with the exit status ({@link #USAGE_ERROR} or {@link #FAILED}) once explained
   */
  public static Stability startOrExplain(String adapter, String[] args) throws Refused {
    try {
      return start(adapter, args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage());
      throw new Refused(USAGE_ERROR);
    } catch (RuntimeException e) {
      System.err.println("error: the run could not start: " + e.getMessage());
      throw new Refused(FAILED);
    }
  }

  /** A run that did not start, already explained on the console; its launcher exits with {@link #status}. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exit status the launcher ends with. */
    public final int status;

    Refused(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /**
   * Runs a whole stability run for a launcher that creates its adapter itself: {@link #start},
   * {@code factory}, {@link #exercise}, the adapter's close and its framework's shutdown, each
   * followed by its checkpoint, and {@link #finish}. Prints the usage and returns {@link
   * #USAGE_ERROR} on a bad command line.
   *
   * @param adapter the adapter's name in the report
   * @param args the command line
   * @param factory creates the adapter
   * @return the exit status
   */
  public static int launch(String adapter, String[] args, AdapterFactory factory) {
    Arguments.requireNonNull(factory, "factory");
    Stability run;
    try {
      run = startOrExplain(adapter, args);
    } catch (Refused refused) {
      return refused.status;
    }
    try {
      OpenAdapter open = factory.open(run.settings());
      run.exercise(open.ports());
      open.close();
      run.afterClose(open.closeDescription());
      open.shutdown();
      run.afterShutdown(open.shutdownDescription());
    } catch (RuntimeException e) {
      run.secrets.inspect(e);
      run.report.check("the launcher runs", false, "it failed: " + e);
    }
    return run.finish();
  }

  /** Creates the adapter under test from the run's settings. */
  @FunctionalInterface
  public interface AdapterFactory {
    /**
     * Creates the adapter, and whatever framework it needs.
     *
     * @param settings the settings to create it with
     * @return the adapter
     */
    OpenAdapter open(AdapterSettings settings);
  }

  /** An adapter a launcher created, with its framework. */
  public interface OpenAdapter {
    /**
     * Returns the adapter's ports.
     *
     * @return the ports
     */
    Ports ports();

    /** Closes the adapter as an application does when it stops using it; the framework stays. */
    void close();

    /**
     * Says what {@link #close()} does, for the report.
     *
     * @return such as {@code NebulyVertxClient.close()}
     */
    String closeDescription();

    /** Shuts down the framework the launcher started for the adapter. */
    void shutdown();

    /**
     * Says what {@link #shutdown()} does, for the report.
     *
     * @return such as {@code Vertx.close()}
     */
    String shutdownDescription();
  }

  /** Leaves out the threads of the harness's JDK HTTP client, the one that controls the server. */
  private static Predicate<String> controlThreads() {
    Set<String> clients =
        Thread.getAllStackTraces().keySet().stream()
            .map(thread -> CONTROL_THREAD.matcher(thread.getName()))
            .filter(Matcher::matches)
            .map(matcher -> "HttpClient-" + matcher.group(1) + "-")
            .collect(Collectors.toSet());
    return name -> clients.stream().anyMatch(name::startsWith);
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
