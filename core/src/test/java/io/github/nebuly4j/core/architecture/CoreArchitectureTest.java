package io.github.nebuly4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds core's architecture: JDK only at run time, no package cycles, a clean public API. */
class CoreArchitectureTest {

  private static final String CORE = "io.github.nebuly4j.core";
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(CORE);
  }

  @Test
  void theImportSeesTheWholeOfCore() {
    // Guards the rules below against passing vacuously on an empty or partial import.
    assertThat(core.stream().map(JavaClass::getSimpleName))
        .contains("Conversation", "Interaction", "DeepLink", "NebulyException", "OfflineDeepLinks", "RetryPolicy",
            "CachingDeepLinkResolver", "DeepLinkCachePolicy");
  }

  @Test
  void coreDependsOnTheJdkOnly() {
    // Immutables' annotations have CLASS retention: they are in the bytecode but never loaded.
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", CORE + "..", "org.immutables.value..")
        .check(core);
  }

  @Test
  void immutablesIsUsedForItsAnnotationsOnly() {
    noClasses().should().dependOnClassesThat(
            DescribedPredicate.describe("a class of Immutables that is no annotation or part of one",
                (JavaClass c) -> c.getPackageName().startsWith("org.immutables") && !isAnnotationPart(c)))
        .check(core);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(CORE + ".(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void theDomainPackageDependsOnNoOtherCorePackageButInternal() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(CORE + ".links..", CORE + ".retry..")
        .check(core);
  }

  @Test
  void publicSignaturesExposeNeitherInternalNorNonPublicTypes() {
    codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage(CORE + ".internal..")
        .should(exposeOnlyPublicApiTypes())
        .check(core);
  }

  @Test
  void abstractValueTypesStayPackagePrivate() {
    classes().that().haveSimpleNameStartingWith("Abstract")
        .should().notBePublic()
        .andShould().notHaveModifier(JavaModifier.PROTECTED)
        .check(core);
    noClasses().should().haveSimpleNameStartingWith("Immutable").check(core);
  }

  /** An annotation, or an enum nested in one (a {@code @Value.Style} attribute value). */
  private static boolean isAnnotationPart(JavaClass type) {
    return type.isAnnotation() || type.getEnclosingClass().map(CoreArchitectureTest::isAnnotationPart).orElse(false);
  }

  private static ArchCondition<JavaCodeUnit> exposeOnlyPublicApiTypes() {
    return new ArchCondition<>("expose only public, non-internal types") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        Stream.concat(
                unit.getReturnType().getAllInvolvedRawTypes().stream(),
                unit.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
            .filter(type -> type.getPackageName().startsWith(CORE))
            .filter(type -> type.getPackageName().startsWith(CORE + ".internal")
                || !type.getModifiers().contains(JavaModifier.PUBLIC))
            .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                unit.getFullName() + " exposes " + type.getName())));
      }
    };
  }
}
