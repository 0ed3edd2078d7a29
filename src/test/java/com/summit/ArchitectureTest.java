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
    static final ArchRule featuresHaveNoCycles = slices().matching("com.summit.(*)..").should().beFreeOfCycles()
            .because("features (customer, opportunity, approval, tasklist, ...) depend on each other one way, through interfaces where "
                    + "the other way is needed (TaskSubjectAccess, TimelineSource, InstanceOwnership)");

    @ArchTest
    static final ArchRule baseDependsOnNoFeature = noClasses().that().resideInAPackage("com.summit.base..")
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("com.summit..")
                    .and(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("com.summit.base..")))
            .because("base (i18n, errors, shared UI parts) is what every feature builds on, so it knows none of them");

    @ArchTest
    static final ArchRule noLombok = noClasses().should().beAnnotatedWith("lombok.Data")
            .orShould().dependOnClassesThat().resideInAPackage("lombok..")
            .because("records and constructors say what a class holds; no generated code");

    @ArchTest
    static final ArchRule workersAreThin = noClasses().that().haveSimpleNameEndingWith("Worker")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
            .because("a job worker maps the job's variables to one service call; the service owns the rules and the transaction");

    @ArchTest
    static final ArchRule domainKnowsNoViewNorProcess = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "..process..", "com.vaadin..", "io.camunda.client..")
            .because("a feature's records and repositories hold data; views and workers use them, not the other way");

    @ArchTest
    static final ArchRule constructorInjectionOnly = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
            .should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .because("dependencies arrive through constructors");

    @ArchTest
    static final ArchRule workersLiveInProcessPackages = classes().that().haveSimpleNameEndingWith("Worker")
            .should().resideInAPackage("..process..")
            .because("each feature's job workers sit beside its process names, in its process package");

    @ArchTest
    static final ArchRule repositoriesLiveInDomainPackages = classes().that().haveSimpleNameEndingWith("Repository")
            .and().resideOutsideOfPackage("com.summit.engine..")
            .should().resideInAPackage("..domain..")
            .because("SQL lives in each feature's domain package (the engine's own bookkeeping excepted)");
}
