package io.github.nebuly4j.bench.stability.quarkus;

import io.github.nebuly4j.bench.stability.AdapterSettings;
import io.github.nebuly4j.bench.stability.Stability;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stability runs' launcher for the Quarkus extension. Before Quarkus starts, it starts the run
 * (the fake server, the first baseline) and configures {@code quarkus.nebuly.*} from the run's
 * settings, as an application's configuration would; {@link StabilityApplication} then exercises
 * the injected ports; once Quarkus has shut down, closing the extension's client with it, the run
 * checks the resources against the first baseline and reports.
 *
 * <pre>
 * java -jar bench/stability-quarkus/target/quarkus-app/quarkus-run.jar --run soak --server-jar testkit-standalone.jar
 * </pre>
 */
@QuarkusMain
public final class QuarkusStabilityMain {
  /** The adapter's name in the report. */
  public static final String ADAPTER = "quarkus-adapter";

  private static final AtomicReference<Stability> RUN = new AtomicReference<>();

  private QuarkusStabilityMain() {}

  /**
   * Runs the run the command line names and exits with its status.
   *
   * @param args the command line; see {@code bench/stability/README.md}
   */
  public static void main(String... args) {
    // Before anything touches java.util.logging: Quarkus's log manager must be the one.
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }
    Stability run;
    try {
      run = Stability.startOrExplain(ADAPTER, args);
    } catch (Stability.Refused refused) {
      System.exit(refused.status);
      return;
    }
    RUN.set(run);
    properties(run.settings()).forEach(System::setProperty);
    Quarkus.run(StabilityApplication.class, (status, failure) -> run.applicationEnded(status, failure), args);
    run.afterShutdown("Quarkus shut down");
    System.exit(run.finish());
  }

  /** The run the application exercises; set before Quarkus starts. */
  static Stability run() {
    return RUN.get();
  }

  /** The run's settings as the extension's configuration. */
  static Map<String, String> properties(AdapterSettings settings) {
    RetryPolicy policy = settings.retryPolicy();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quarkus.nebuly.base-url", settings.baseUrl().toString());
    properties.put("quarkus.nebuly.api-key", settings.apiKey());
    properties.put("quarkus.nebuly.connect-timeout", settings.connectTimeout().toString());
    properties.put("quarkus.nebuly.attempt-timeout", settings.attemptTimeout().toString());
    properties.put("quarkus.nebuly.max-body-size", Long.toString(settings.maxBodySize()));
    properties.put("quarkus.nebuly.max-connections", Integer.toString(settings.maxConnections()));
    properties.put("quarkus.nebuly.retry.max-attempts", Integer.toString(policy.maxAttempts()));
    properties.put("quarkus.nebuly.retry.initial-backoff", policy.initialBackoff().toString());
    properties.put("quarkus.nebuly.retry.max-backoff", policy.maxBackoff().toString());
    properties.put("quarkus.nebuly.retry.multiplier", Double.toString(policy.multiplier()));
    properties.put("quarkus.nebuly.retry.jitter", Double.toString(policy.jitter()));
    properties.put("quarkus.nebuly.retry.max-retry-after", policy.maxRetryAfter().toString());
    properties.put("quarkus.nebuly.retry.deadline", policy.deadline().toString());
    return properties;
  }
}
