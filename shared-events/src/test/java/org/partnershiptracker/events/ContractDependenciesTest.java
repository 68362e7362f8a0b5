package org.partnershiptracker.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The event contract is read by every service and by partners: it may depend on nothing else. */
@AnalyzeClasses(
    packages = "org.partnershiptracker.events",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ContractDependenciesTest {

  @ArchTest
  static final ArchRule theContractDependsOnTheJdkAndJacksonAnnotationsOnly =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "com.fasterxml.jackson.annotation..", "org.partnershiptracker.events..")
          .because(
              "shared-events is the public contract: anything it pulls in, every reader must"
                  + " carry");
}
