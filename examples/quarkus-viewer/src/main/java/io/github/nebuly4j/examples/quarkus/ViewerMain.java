package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Optional;

/**
 * The viewer's entry point. A packaged viewer (prod mode, which has no Dev Services) with no
 * {@code NEBULY_API_KEY} starts an {@link EmbeddedNebuly} serving the demo conversations before
 * Quarkus starts, and points the client at it with {@code quarkus.nebuly.base-url} and {@code
 * quarkus.nebuly.api-key} system properties; it stops the fake when Quarkus stops. In dev and
 * test mode, and with a key, it only runs Quarkus: Dev Services provide the fake there.
 */
@QuarkusMain
public final class ViewerMain {
  private ViewerMain() {}

  /**
   * Runs the viewer.
   *
   * @param args the command line, passed to Quarkus
   */
  public static void main(String... args) {
    Optional<EmbeddedNebuly> embedded = needsEmbeddedNebuly() ? Optional.of(EmbeddedNebuly.start()) : Optional.empty();
    embedded.ifPresent(
        nebuly -> {
          System.setProperty("quarkus.nebuly.base-url", nebuly.baseUrl().toString());
          System.setProperty("quarkus.nebuly.api-key", nebuly.apiKey());
        });
    try {
      Quarkus.run(args);
    } finally {
      embedded.ifPresent(EmbeddedNebuly::close);
    }
  }

  private static boolean needsEmbeddedNebuly() {
    String key = System.getenv(Backend.API_KEY);
    return LaunchMode.current() == LaunchMode.NORMAL
        && (key == null || key.isBlank())
        && System.getProperty("quarkus.nebuly.api-key") == null;
  }
}
