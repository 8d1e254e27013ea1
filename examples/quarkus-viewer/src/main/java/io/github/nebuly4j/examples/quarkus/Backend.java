package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.demo.DemoConversation;
import io.github.nebuly4j.examples.demo.DemoConversations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Which Nebuly the viewer talks to: the embedded demo backend (no API key configured) or a
 * configured one. Logs the choice at start-up, never the key, and stops the embedded backend when
 * the application stops.
 */
@ApplicationScoped
public class Backend {
  private static final Logger LOG = Logger.getLogger(Backend.class);

  private final Config config;

  /**
   * Creates the bean.
   *
   * @param config the application's configuration
   */
  public Backend(Config config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    // Reading the base URL starts the embedded backend if this configuration has it.
    String baseUrl =
        config.getOptionalValue(EmbeddedNebulyConfigSource.BASE_URL, String.class).orElse("Nebuly's default");
    if (embedded()) {
      LOG.infof(
          "No Nebuly API key is configured (NEBULY_API_KEY or nebuly.api-key): serving %d demo"
              + " conversations from an embedded fake Nebuly at %s",
          DemoConversations.all().size(),
          baseUrl);
    } else {
      LOG.infof("Reading conversations from Nebuly at %s with the configured API key", baseUrl);
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    EmbeddedNebulyConfigSource.stop();
  }

  /**
   * Tells whether the viewer serves the embedded demo backend.
   *
   * @return true when no API key is configured
   */
  public boolean embedded() {
    return EmbeddedNebulyConfigSource.running().isPresent();
  }

  /**
   * Returns the conversations a start page can link to.
   *
   * @return the demo conversations on the embedded backend; none on a configured Nebuly, whose
   *     conversations the viewer cannot list
   */
  public List<DemoConversation> demos() {
    return embedded() ? DemoConversations.all() : List.of();
  }
}
