package io.github.nebuly4j.quarkus.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The run-time jar of the extension (the one applications carry) needs neither adapter-vertx nor testkit. */
class AdapterQuarkusArchitectureTest {
  private static final JavaClasses ADAPTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.nebuly4j.quarkus");

  @Test
  void dependsOnNeitherTheVertxAdapterNorTestkit() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.github.nebuly4j.quarkus..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.github.nebuly4j.vertx..", "io.github.nebuly4j.testkit..")
            .because("the two adapters never see each other, and testkit is for tests: the extension's jar needs neither");
    rule.check(ADAPTER);
  }
}
