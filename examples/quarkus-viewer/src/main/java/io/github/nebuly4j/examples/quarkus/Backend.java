package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Which Nebuly the viewer talks to: a fake one serving the demo conversations when no {@code
 * NEBULY_API_KEY} is given (Dev Services in dev and test mode, {@link ViewerMain}'s embedded fake
 * when packaged), or the configured one. Logs the choice at start-up, never the key.
 */
@ApplicationScoped
public class Backend {
  /** The environment variable (or property) that holds the API key of the user's Nebuly project. */
  static final String API_KEY = "NEBULY_API_KEY";

  private static final Logger LOG = Logger.getLogger(Backend.class);

  private final boolean demo;
  private final NebulySettings settings;

  /**
   * Creates the bean.
   *
   * @param config the application's configuration
   * @param settings what the nebuly4j client runs with
   */
  public Backend(Config config, NebulySettings settings) {
    this.demo = config.getOptionalValue(API_KEY, String.class).filter(key -> !key.isBlank()).isEmpty();
    this.settings = settings;
  }

  void onStart(@Observes StartupEvent event) {
    if (demo) {
      LOG.infof(
          "No Nebuly API key is configured (%s): serving %d demo conversations from a fake Nebuly at %s",
          API_KEY, DemoConversations.all().size(), settings.baseUrl());
    } else {
      LOG.infof("Reading conversations from Nebuly at %s with the configured API key", settings.baseUrl());
    }
  }

  /**
   * Tells whether the viewer serves the demo conversations of a fake Nebuly.
   *
   * @return true when no API key is configured
   */
  public boolean embedded() {
    return demo;
  }
}
