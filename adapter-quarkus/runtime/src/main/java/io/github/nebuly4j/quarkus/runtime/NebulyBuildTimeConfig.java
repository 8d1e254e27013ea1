package io.github.nebuly4j.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The build-time configuration of nebuly4j, {@code quarkus.nebuly.*}: Dev Services. */
@ConfigMapping(prefix = "quarkus.nebuly")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface NebulyBuildTimeConfig {

  /**
   * Dev Services: a fake Nebuly in dev and test mode.
   *
   * @return the Dev Services settings
   */
  DevServices devservices();

  /**
   * The {@code quarkus.nebuly.devservices.*} settings. In dev and test mode, when neither {@code
   * quarkus.nebuly.api-key} nor {@code quarkus.nebuly.base-url} is set, nebuly4j starts testkit's
   * {@code FakeNebulyServer} in the JVM on a free port of 127.0.0.1 and points the client at it.
   * Test classes with the same configuration (one test profile) share one server; another profile
   * is another application and gets another. In dev mode the server outlives restarts until the
   * seed file is edited.
   */
  interface DevServices {
    /**
     * Whether the fake Nebuly is started when the client is not configured.
     *
     * @return true unless set
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * What the fake Nebuly serves: a seed file in the standalone fake server's format (a JSON
     * object with the optional members {@code conversations}, a list of conversation documents,
     * {@code interaction_links} and {@code conversation_links}, objects of id to URL, and {@code
     * interaction_rows} and {@code conversation_rows}, lists of the rows its listing endpoints
     * page through), as a file path or, when no such file exists, a class-path resource. Unset:
     * the five demo conversations, listed with their interactions, and links to them and their
     * interactions.
     *
     * @return the seed's location, if set
     */
    Optional<String> seed();
  }
}
