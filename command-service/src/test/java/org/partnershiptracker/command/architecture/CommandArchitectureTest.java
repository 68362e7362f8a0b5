package org.partnershiptracker.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command-service's shape, checked on every build: the domain (each capability's {@code model}
 * and the shared {@code rules}) is plain Java and Axon, free of Spring, HTTP, JDBC, MongoDB and
 * Kafka; capabilities do not depend on each other in a cycle.
 */
@AnalyzeClasses(
    packages = "org.partnershiptracker.command",
    importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

  @ArchTest
  static final ArchRule theDomainKnowsNoFrameworkButAxonAndNoEdge =
      noClasses()
          .that()
          .resideInAnyPackage("..command.*.model..", "..command.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.servlet..",
              "jakarta.validation..",
              "java.sql..",
              "javax.sql..",
              "com.mongodb..",
              "org.bson..",
              "org.apache.kafka..",
              "..web..",
              "..infrastructure..",
              "..config..")
          .because(
              "rules and aggregates are plain Java that fixture tests run without Spring; HTTP and"
                  + " adapters depend on the domain, never the other way round");

  @ArchTest
  static final ArchRule capabilitiesHaveNoCycles =
      slices().matching("org.partnershiptracker.command.(*)..").should().beFreeOfCycles();
}
