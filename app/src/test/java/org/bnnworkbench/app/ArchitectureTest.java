package org.bnnworkbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules about which code may depend on which, checked on every class of org.bnnworkbench on the class path
 * (all four modules' main code; test classes are left out).
 */
@AnalyzeClasses(packages = "org.bnnworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    @ArchTest
    public static final ArchRule ONLY_THE_APP_USES_JAVAFX = noClasses()
            .that().resideInAnyPackage(
                    "org.bnnworkbench.engine..", "org.bnnworkbench.architectures..", "org.bnnworkbench.experiments..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the engine and the command line must train without a display, in tests and on servers");
}
