package org.partnershiptracker.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query-service's shape, checked on every build: the facts and formulas (each capability's
 * {@code model}) are plain Java, free of Spring, MongoDB and Kafka, so their tests run without
 * them; capabilities do not depend on each other in a cycle.
 */
@AnalyzeClasses(
    packages = "org.partnershiptracker.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class QueryArchitectureTest {

  @ArchTest
  static final ArchRule formulasKnowNoFrameworkAndNoEdge =
      noClasses()
          .that()
          .resideInAPackage("..query.*.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.servlet..",
              "com.mongodb..",
              "org.bson..",
              "org.apache.kafka..",
              "..web..",
              "..config..",
              "..query.projection..",
              "..query.readmodel..")
          .because(
              "the read side's formulas are plain Java that unit tests run as they are; HTTP,"
                  + " storage and the consumer depend on the formulas, never the other way");

  @ArchTest
  static final ArchRule capabilitiesHaveNoCycles =
      slices().matching("org.partnershiptracker.query.(*)..").should().beFreeOfCycles();
}
