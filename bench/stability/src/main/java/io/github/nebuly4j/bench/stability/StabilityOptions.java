package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of a stability run: which run, its size and the adapter's settings, each with a
 * default of its own per run.
 *
 * @param run which run
 * @param serverJar testkit's standalone jar
 * @param calls calls of the first phase (soak: later phases make a fifth of it each; overload: of
 *     each burst)
 * @param concurrency calls in flight, one value per phase
 * @param faultShare the share of calls that meet a fault
 * @param cancelShare the share of calls cancelled (storm)
 * @param batch calls per batch: the server is reset between batches
 * @param bursts bursts (overload)
 * @param seed the seed of every random choice: a run is reproducible
 * @param connectTimeout the adapter's connect timeout
 * @param attemptTimeout the adapter's attempt timeout
 * @param maxConnections the adapter's pool
 * @param maxBodySize the adapter's body bound
 * @param hugeBody the size of the sized bodies past the bound (hostile)
 * @param maxTime after this, no call starts and the run fails
 * @param apiKey the key; never printed
 */
record StabilityOptions(
    RunKind run,
    Path serverJar,
    int calls,
    List<Integer> concurrency,
    double faultShare,
    double cancelShare,
    int batch,
    int bursts,
    long seed,
    Duration connectTimeout,
    Duration attemptTimeout,
    int maxConnections,
    long maxBodySize,
    long hugeBody,
    Duration maxTime,
    String apiKey) {

  /** The system property naming testkit's standalone jar when {@code --server-jar} is not given. */
  static final String SERVER_JAR_PROPERTY = "nebuly4j.standaloneJar";

  /**
   * The retry policy of every run but the overload: the defaults, but a {@code Retry-After} is
   * honoured up to 2 s only, so that the bound of a call, past which it is a hang, stays short.
   */
  static final RetryPolicy STABILITY_POLICY = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(2)).build();

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: <launcher> --run soak|storm|overload|hostile [options]",
          "  --server-jar PATH        testkit's standalone jar (default: -D" + SERVER_JAR_PROPERTY + ")",
          "  --calls N                calls (soak: of the first phase, later ones a fifth; overload: per burst)",
          "  --concurrency A,B        calls in flight, one value per phase",
          "  --fault-share X          share of calls that meet a fault, 0 to 1",
          "  --cancel-share X         share of calls cancelled (storm), 0 to 1",
          "  --batch N                calls per batch; the server is reset between batches",
          "  --bursts N               bursts (overload)",
          "  --seed N                 seed of the plan's random choices",
          "  --connect-timeout D      the adapter's connect timeout (250ms, 2s, 1m)",
          "  --attempt-timeout D      the adapter's attempt timeout",
          "  --max-connections N      the adapter's pool (soak: the largest concurrency)",
          "  --max-body-size N        the adapter's body bound, in bytes",
          "  --huge-body N            size of the sized bodies past the bound (hostile), in bytes",
          "  --max-time D             no call starts after this; the run then fails",
          "  --api-key KEY            the API key (default: one of unusual characters)",
          "  --report FILE            also write the report there");

  /** The four runs. */
  enum RunKind {
    SOAK,
    STORM,
    OVERLOAD,
    HOSTILE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Reads a command line.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static StabilityOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (!option.startsWith("--") || i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unknown argument '" + option + "'");
      }
      if (values.put(option.substring(2), args[++i]) != null) {
        throw new IllegalArgumentException(option + " is given twice");
      }
    }
    String runName = values.remove("run");
    if (runName == null) {
      throw new IllegalArgumentException("--run is required");
    }
    RunKind run;
    try {
      run = RunKind.valueOf(runName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--run must be soak, storm, overload or hostile, got '" + runName + "'", e);
    }
    Defaults defaults = Defaults.of(run);
    String jar = values.containsKey("server-jar") ? values.remove("server-jar") : System.getProperty(SERVER_JAR_PROPERTY);
    if (jar == null) {
      throw new IllegalArgumentException("--server-jar is required (or -D" + SERVER_JAR_PROPERTY + ")");
    }
    List<Integer> concurrency = values.containsKey("concurrency") ? integers("concurrency", values.remove("concurrency")) : defaults.concurrency;
    StabilityOptions options =
        new StabilityOptions(
            run,
            Path.of(jar),
            positive("calls", values.remove("calls"), defaults.calls),
            concurrency,
            share("fault-share", values.remove("fault-share"), defaults.faultShare),
            share("cancel-share", values.remove("cancel-share"), 0.5),
            positive("batch", values.remove("batch"), defaults.batch),
            positive("bursts", values.remove("bursts"), 4),
            values.containsKey("seed") ? Long.parseLong(values.remove("seed")) : 1,
            duration("connect-timeout", values.remove("connect-timeout"), defaults.connectTimeout),
            duration("attempt-timeout", values.remove("attempt-timeout"), defaults.attemptTimeout),
            positive("max-connections", values.remove("max-connections"),
                run == RunKind.SOAK ? concurrency.stream().mapToInt(Integer::intValue).max().orElse(1) : 16),
            positive("max-body-size", values.remove("max-body-size"), defaults.maxBodySize),
            positive("huge-body", values.remove("huge-body"), 64L * 1024 * 1024),
            duration("max-time", values.remove("max-time"), defaults.maxTime),
            values.containsKey("api-key") ? values.remove("api-key") : Stability.DEFAULT_API_KEY);
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option --" + values.keySet().iterator().next());
    }
    return options;
  }

  /** The settings the launcher gives its adapter for a server at {@code baseUrl}. */
  AdapterSettings settings(URI baseUrl) {
    return new AdapterSettings(
        baseUrl,
        apiKey,
        connectTimeout,
        attemptTimeout,
        maxBodySize,
        maxConnections,
        run == RunKind.OVERLOAD ? RetryPolicy.none() : STABILITY_POLICY);
  }

  /** The plan's size, for the report (never the key). */
  String describe() {
    return switch (run) {
      case SOAK -> String.format(Locale.ROOT, "%,d calls at concurrency %d, then %,d at each of %s; %.0f %% meet a fault; batches of %,d; seed %d",
          calls, concurrency.get(0), calls / 5, concurrency.subList(1, concurrency.size()), faultShare * 100, batch, seed);
      case STORM -> String.format(Locale.ROOT, "%,d calls at concurrency %s, %.0f %% cancelled at a random moment, %.0f %% meet a short fault; batches of %,d; seed %d",
          calls, concurrency, cancelShare * 100, faultShare * 100, batch, seed);
      case OVERLOAD -> String.format(Locale.ROOT, "%d bursts of %,d calls at once, every request delayed by the server", bursts, calls);
      case HOSTILE -> String.format(Locale.ROOT, "%,d calls at concurrency %s; %.0f %% meet a body past the bound (sized ones of %,d bytes, endless ones); seed %d",
          calls, concurrency, faultShare * 100, hugeBody, seed);
    };
  }

  /** Each run's defaults. */
  private record Defaults(
      int calls, List<Integer> concurrency, double faultShare, int batch, Duration connectTimeout,
      Duration attemptTimeout, long maxBodySize, Duration maxTime) {

    static Defaults of(RunKind run) {
      Duration connect = Duration.ofSeconds(5);
      return switch (run) {
        case SOAK -> new Defaults(100_000, List.of(64, 512), 0.2, 5_000, connect, Duration.ofSeconds(2), 1024 * 1024, Duration.ofMinutes(60));
        case STORM -> new Defaults(20_000, List.of(128), 0.5, 2_000, connect, Duration.ofSeconds(10), 16L * 1024 * 1024, Duration.ofMinutes(30));
        case OVERLOAD -> new Defaults(5_000, List.of(5_000), 0, 5_000, Duration.ofSeconds(1), Duration.ofSeconds(10), 16L * 1024 * 1024, Duration.ofMinutes(20));
        case HOSTILE -> new Defaults(2_000, List.of(8), 0.8, 500, connect, Duration.ofSeconds(10), 2L * 1024 * 1024, Duration.ofMinutes(30));
      };
    }
  }

  private static int positive(String name, String value, int fallback) {
    return (int) positive(name, value, (long) fallback);
  }

  private static long positive(String name, String value, long fallback) {
    if (value == null) {
      return fallback;
    }
    long number;
    try {
      number = Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'", e);
    }
    if (number < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1, got " + number);
    }
    return number;
  }

  private static double share(String name, String value, double fallback) {
    if (value == null) {
      return fallback;
    }
    double share = Double.parseDouble(value);
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("--" + name + " must be between 0 and 1, got " + value);
    }
    return share;
  }

  private static Duration duration(String name, String value, Duration fallback) {
    try {
      return value == null ? fallback : Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
    }
  }

  private static List<Integer> integers(String name, String value) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : Arrays.asList(value.split(","))) {
      numbers.add(positive(name, part.strip(), 1));
    }
    return List.copyOf(numbers);
  }

  /** Describes the options with the API key hidden. */
  @Override
  public String toString() {
    return "StabilityOptions[" + run.label() + ", " + describe() + "]";
  }
}
