package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import org.junit.jupiter.api.BeforeEach;

/**
 * What an HTTP adapter's test class gives the HTTP suites: the fake server and the adapter. The
 * suites reset the server before each test (seeds, faults and journal; the keys stay).
 */
public interface FakeServerBinding {

  /**
   * Returns a started server that accepts {@link ContractSettings#API_KEY}; the same one for every
   * call within a test. A {@link io.github.nebuly4j.testkit.server.FakeNebulyServer} in this JVM,
   * or a {@link io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer} for one that runs
   * elsewhere (in a framework's class loader, say).
   *
   * @return the server
   */
  FakeNebulyControl server();

  /**
   * Returns the implementation under test configured with exactly these settings. It may be cached
   * per settings.
   *
   * @param settings the configuration
   * @return the adapter
   */
  AdapterUnderTest adapter(ContractSettings settings);

  /**
   * Starts capturing the log lines at WARN or above that the adapter writes. The default listens
   * on the {@code java.util.logging} root logger ({@link LogCapture#onJulRootLogger()}); a binding
   * whose adapter logs through another backend overrides it.
   *
   * @return a running capture, closed by the suite
   */
  default LogCapture captureLogs() {
    return LogCapture.onJulRootLogger();
  }

  /** Starts every test with an empty server that accepts the suites' key. */
  @BeforeEach
  default void resetFakeServer() {
    server().acceptApiKey(ContractSettings.API_KEY).reset();
  }
}
