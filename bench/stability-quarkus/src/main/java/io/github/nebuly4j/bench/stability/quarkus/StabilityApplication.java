package io.github.nebuly4j.bench.stability.quarkus;

import io.github.nebuly4j.bench.stability.Ports;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/** The Quarkus app of the launcher: it hands the extension's injected ports to the run. */
public class StabilityApplication implements QuarkusApplication {
  @Inject DeepLinkResolver resolver;
  @Inject ConversationRepository repository;

  /** Creates the application; Quarkus calls this. */
  public StabilityApplication() {}

  /**
   * Exercises the ports; the run's verdict comes after Quarkus has shut down.
   *
   * @param args the command line, already read by the launcher
   * @return 0
   */
  @Override
  public int run(String... args) {
    QuarkusStabilityMain.run().exercise(new Ports(resolver, repository));
    return 0;
  }
}
