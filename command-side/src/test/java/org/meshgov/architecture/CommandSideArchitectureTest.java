package org.meshgov.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code stays free of frameworks that are not about the domain: no Spring, HTTP or SQL. */
@AnalyzeClasses(packages = "org.meshgov", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule domainCodeKnowsNoSpring = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule domainCodeKnowsNoHttp = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.ws..", "org.apache.http..");

    @ArchTest
    static final ArchRule domainCodeKnowsNoSql = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule domainCodeKnowsNoProcessEngine = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.camunda..");
}
