package io.github.nebuly4j.vertx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules for this adapter: it never reaches into Quarkus, Mutiny or the other
 * adapter, nothing it depends on knows it, and one class only uses the Web Client's internals.
 * The other modules are imported from the classpath, as their jars.
 */
class VertxArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.nebuly4j");
  }

  @Test
  void everyModuleUnderTestIsImported() {
    // Guards the rules below against passing because a module was not on the classpath.
    assertThat(classes.contain("io.github.nebuly4j.vertx.NebulyVertxClient")).isTrue();
    assertThat(classes.contain("io.github.nebuly4j.core.NebulyException")).isTrue();
    assertThat(classes.contain("io.github.nebuly4j.wire.NebulyExchange")).isTrue();
    assertThat(classes.contain("io.github.nebuly4j.testkit.server.FakeNebulyServer")).isTrue();
  }

  @Test
  void theAdapterUsesNeitherQuarkusNorMutinyNorTheOtherAdapter() {
    noClasses()
        .that().resideInAPackage("io.github.nebuly4j.vertx..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.quarkus..", "io.smallrye.mutiny..", "io.github.nebuly4j.quarkus..")
        .check(classes);
  }

  @Test
  void nothingTheAdapterBuildsOnKnowsIt() {
    noClasses()
        .that().resideInAnyPackage("io.github.nebuly4j.core..", "io.github.nebuly4j.wire..", "io.github.nebuly4j.testkit..")
        .should().dependOnClassesThat().resideInAPackage("io.github.nebuly4j.vertx..")
        .check(classes);
  }

  @Test
  void onlyRequestHandlesTouchesTheWebClientsInternals() {
    noClasses()
        .that().resideInAPackage("io.github.nebuly4j..")
        .and().doNotHaveFullyQualifiedName("io.github.nebuly4j.vertx.RequestHandles")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.vertx.ext.web.client.impl..", "io.vertx.core.internal..", "io.vertx.core.impl..")
        .because("Vert.x may change its internals in any release; RequestHandles is the one place that depends"
            + " on them, and RequestHandlesTest holds it to their behaviour")
        .check(classes);
  }
}
