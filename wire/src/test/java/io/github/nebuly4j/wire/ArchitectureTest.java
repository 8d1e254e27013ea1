package io.github.nebuly4j.wire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.nebuly4j.wire");

  @Test
  void wireDependsOnlyOnTheJdkCoreJacksonAndMapStructAnnotationsNoHttpLibrary() {
    classes()
        .that()
        .resideInAPackage("io.github.nebuly4j.wire..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.net.ssl..",
            "io.github.nebuly4j.core..",
            "io.github.nebuly4j.wire..",
            "com.fasterxml.jackson..",
            "org.mapstruct..")
        .check(MAIN);
  }

  @Test
  void nothingNeedsMapStructAtRunTime() {
    // mapstruct is a provided dependency: only its annotations may appear, never its Mappers class.
    noClasses()
        .that()
        .resideInAPackage("io.github.nebuly4j.wire..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.mapstruct.factory.Mappers")
        .check(MAIN);
  }

  @Test
  void wireNeverSeesAnAdapterOrTheTestkit() {
    noClasses()
        .that()
        .resideInAPackage("io.github.nebuly4j.wire..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.nebuly4j.vertx..", "io.github.nebuly4j.quarkus..", "io.github.nebuly4j.testkit..")
        .check(MAIN);
  }
}
