package com.summit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The style rules of DESIGN.md that a machine can check. */
@AnalyzeClasses(packages = "com.summit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewsCallServicesOnly = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAnyPackage("..process..", "io.camunda..", "org.springframework.jdbc..", "co.elastic..")
            .because("views call services only: never repositories, never the Camunda client")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("com.summit.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule baseDependsOnNoFeature = noClasses().that().resideInAPackage("com.summit.base..")
            .should().dependOnClassesThat().resideInAnyPackage("com.summit.customer..", "com.summit.opportunity..",
                    "com.summit.tasklist..", "com.summit.search..", "com.summit.security..", "com.summit.engine..",
                    "com.summit.local..");

    @ArchTest
    static final ArchRule noFieldInjection = noClasses().should().beAnnotatedWith("lombok.Data")
            .orShould().dependOnClassesThat().resideInAPackage("lombok..");

    @ArchTest
    static final ArchRule constructorInjectionOnly = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
            .should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .because("dependencies arrive through constructors");

    @ArchTest
    static final ArchRule workersLiveInProcessPackages = classes().that().haveSimpleNameEndingWith("Worker")
            .should().resideInAPackage("..process..");

    @ArchTest
    static final ArchRule repositoriesLiveInDomainPackages = classes().that().haveSimpleNameEndingWith("Repository")
            .and().resideOutsideOfPackage("com.summit.engine..")
            .should().resideInAPackage("..domain..");
}
