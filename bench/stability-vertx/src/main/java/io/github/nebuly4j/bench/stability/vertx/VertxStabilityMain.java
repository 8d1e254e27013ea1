package io.github.nebuly4j.bench.stability.vertx;

import io.github.nebuly4j.bench.stability.AdapterSettings;
import io.github.nebuly4j.bench.stability.Ports;
import io.github.nebuly4j.bench.stability.Stability;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The stability runs' launcher for adapter-vertx: it creates a {@link Vertx} and a {@link
 * NebulyVertxClient} with the run's settings, hands the run the client's ports, then closes the
 * client and the {@code Vertx}. Vert.x and Netty log through {@code java.util.logging}, where the
 * run watches for warnings.
 *
 * <pre>
 * java -cp … io.github.nebuly4j.bench.stability.vertx.VertxStabilityMain --run soak --server-jar testkit-standalone.jar
 * </pre>
 */
public final class VertxStabilityMain {
  /** The adapter's name in the report. */
  public static final String ADAPTER = "vertx-adapter";

  private VertxStabilityMain() {}

  /**
   * Runs the run the command line names and exits with its status.
   *
   * @param args the command line; see {@code bench/stability/README.md}
   */
  public static void main(String[] args) {
    System.exit(run(args, (client, another) -> Ports.of(client)));
  }

  /**
   * Runs a run over ports that a test may wrap around the client.
   *
   * @param args the command line
   * @param ports the ports to exercise, made of the client (and of more clients, if they need any)
   * @return the exit status
   */
  public static int run(String[] args, PortsOfClient ports) {
    // Before Vert.x first logs: its log, and Netty's, go to java.util.logging.
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
    return Stability.launch(ADAPTER, args, settings -> open(settings, ports));
  }

  private static Stability.OpenAdapter open(AdapterSettings settings, PortsOfClient portsOfClient) {
    Vertx vertx = Vertx.vertx();
    Supplier<NebulyVertxClient> newClient = () -> NebulyVertxClient.create(vertx, options(settings));
    NebulyVertxClient client = newClient.get();
    Ports ports = portsOfClient.of(client, newClient);
    return new Stability.OpenAdapter() {
      @Override
      public Ports ports() {
        return ports;
      }

      @Override
      public void close() {
        client.close();
      }

      @Override
      public String closeDescription() {
        return "NebulyVertxClient.close()";
      }

      @Override
      public void shutdown() {
        try {
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException("Vertx.close() did not complete: " + e, e);
        }
      }

      @Override
      public String shutdownDescription() {
        return "Vertx.close()";
      }
    };
  }

  /** The run's settings under adapter-vertx's names. */
  static NebulyVertxOptions options(AdapterSettings settings) {
    return new NebulyVertxOptions()
        .setBaseUrl(settings.baseUrl().toString())
        .setApiKey(settings.apiKey())
        .setConnectTimeout(settings.connectTimeout())
        .setAttemptTimeout(settings.attemptTimeout())
        .setMaxBodySize(settings.maxBodySize())
        .setMaxConnections(settings.maxConnections())
        .setRetryPolicy(settings.retryPolicy());
  }

  /** Makes the ports a run exercises out of the launcher's client. */
  @FunctionalInterface
  public interface PortsOfClient {
    /**
     * Returns the ports to exercise.
     *
     * @param client the client the launcher closes
     * @param another creates more clients of the same settings, which nobody closes
     * @return the ports
     */
    Ports of(NebulyVertxClient client, Supplier<NebulyVertxClient> another);
  }
}
