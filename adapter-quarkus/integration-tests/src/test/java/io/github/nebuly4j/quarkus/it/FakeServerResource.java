package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one {@link FakeNebulyServer} for the whole test run and configures the application with
 * the contract suites' {@link ContractSettings#standard} values, through {@code quarkus.nebuly.*}
 * properties, exactly as an application would configure itself.
 */
public class FakeServerResource implements QuarkusTestResourceLifecycleManager {
  /** The offline-link settings the application is started with. */
  static final String PROJECT_ID = "test-project";

  static final String ORGANIZATION_ID = "test-organization";
  static final String FRONTEND_URL = "https://nebuly.example/app/";

  private FakeNebulyServer server;

  @Override
  public Map<String, String> start() {
    server = FakeNebulyServer.builder().apiKey(ContractSettings.API_KEY).start();
    ContractSettings standard = ContractSettings.standard(server.baseUrl());
    return Map.ofEntries(
        Map.entry("quarkus.nebuly.base-url", standard.baseUrl().toString()),
        Map.entry("quarkus.nebuly.api-key", standard.apiKey()),
        Map.entry("quarkus.nebuly.connect-timeout", "1s"),
        Map.entry("quarkus.nebuly.attempt-timeout", "1s"),
        Map.entry("quarkus.nebuly.retry.max-attempts", "3"),
        Map.entry("quarkus.nebuly.retry.initial-backoff", "10ms"),
        Map.entry("quarkus.nebuly.retry.max-backoff", "100ms"),
        Map.entry("quarkus.nebuly.retry.jitter", "0"),
        Map.entry("quarkus.nebuly.retry.max-retry-after", "3s"),
        Map.entry("quarkus.nebuly.retry.deadline", "10s"),
        Map.entry("quarkus.nebuly.max-body-size", "16M"),
        Map.entry("quarkus.nebuly.max-connections", Integer.toString(standard.maxConnections())),
        Map.entry("quarkus.nebuly.project-id", PROJECT_ID),
        Map.entry("quarkus.nebuly.organization-id", ORGANIZATION_ID),
        Map.entry("quarkus.nebuly.frontend-url", FRONTEND_URL));
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        server, new TestInjector.AnnotatedAndMatchesType(InjectFakeServer.class, FakeNebulyServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
