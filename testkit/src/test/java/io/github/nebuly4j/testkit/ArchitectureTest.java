package io.github.nebuly4j.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import java.util.List;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** testkit must never see wire's classes or a framework a Quarkus user's tests would clash with. */
class ArchitectureTest {
  /** testkit's main and test classes, imported from their directories: scanning jars is slow. */
  private static final JavaClasses TESTKIT =
      new ClassFileImporter().importLocations(List.of(location(FakeNebulyServer.class), location(ArchitectureTest.class)));

  @Test
  void testkitUsesNoWireVertxNettyOrQuarkusClass() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.github.nebuly4j.testkit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.github.nebuly4j.wire..", "io.vertx..", "io.netty..", "io.quarkus..");

    rule.check(TESTKIT);
  }

  @Test
  void theServerAndTheFakesNeedNoJUnit() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("io.github.nebuly4j.testkit.server..", "io.github.nebuly4j.testkit.fake..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.junit..", "org.opentest4j..", "io.github.nebuly4j.testkit.contract..");

    rule.check(new ClassFileImporter().importLocations(List.of(location(FakeNebulyServer.class))));
  }

  private static Location location(Class<?> type) {
    try {
      return Location.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type, e);
    }
  }
}
