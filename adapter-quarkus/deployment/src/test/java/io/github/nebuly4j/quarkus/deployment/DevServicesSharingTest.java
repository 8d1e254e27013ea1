package io.github.nebuly4j.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Test classes with the same configuration share one fake Nebuly; a change of the seed starts
 * another. Three test classes run in order, each starting its application (as Surefire runs a
 * module's test classes, one after another in one JVM), and each notes the server its client was
 * pointed at in a system property, which every class loader sees. They are nested, so that
 * Surefire does not run them by themselves.
 */
class DevServicesSharingTest {
  private static final String NOTED = "nebuly4j.test.devservices.";

  @Test
  void testClassesWithTheSameConfigurationShareOneServer() {
    Stream.of("First", "Second", "OtherSeed").forEach(name -> System.clearProperty(NOTED + name));

    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.testclass.order.default", ClassOrderer.OrderAnnotation.class.getName())
            .selectors(selectClass(First.class), selectClass(Second.class), selectClass(OtherSeed.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    String first = System.getProperty(NOTED + "First");
    assertThat(first).startsWith("http://127.0.0.1:");
    assertThat(System.getProperty(NOTED + "Second")).as("the same configuration, the same server").isEqualTo(first);
    assertThat(System.getProperty(NOTED + "OtherSeed")).as("another seed, another server").startsWith("http://127.0.0.1:").isNotEqualTo(first);
  }

  /**
   * Notes where the client of its application was pointed: the base URL, and a hash of the API key,
   * which Dev Services make up anew for each server they start (a port alone may be given again).
   */
  abstract static class NotingClass {
    @Inject NebulySettings settings;

    @Test
    void notesTheServer() {
      System.setProperty(
          NOTED + getClass().getSimpleName(), settings.baseUrl() + " " + Integer.toHexString(settings.apiKey().hashCode()));
    }
  }

  @Order(1)
  static class First extends NotingClass {
    @RegisterExtension static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(jar -> jar.addClass(NotingClass.class));
  }

  @Order(2)
  static class Second extends NotingClass {
    @RegisterExtension static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(jar -> jar.addClass(NotingClass.class));
  }

  @Order(3)
  static class OtherSeed extends NotingClass {
    @RegisterExtension
    static final QuarkusUnitTest APP =
        new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(NotingClass.class).addAsResource("test-seed.json", "seeds/test-seed.json"))
            .overrideConfigKey("quarkus.nebuly.devservices.seed", "seeds/test-seed.json");
  }
}
