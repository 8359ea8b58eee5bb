package org.bnnworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.bnnworkbench.engine.archfixture.EngineClassUsingJavaFx;
import org.bnnworkbench.experiments.cli.BnnCommand;
import org.junit.jupiter.api.Test;

/** The architecture rules must catch what they are meant to catch, not pass because they match nothing. */
class ArchitectureRulesTest {

    @Test
    void anEngineClassThatUsesJavaFxBreaksTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(EngineClassUsingJavaFx.class);

        EvaluationResult result = ArchitectureTest.ONLY_THE_APP_USES_JAVAFX.evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains(EngineClassUsingJavaFx.class.getName())
                .contains("javafx.beans.property.SimpleDoubleProperty");
    }

    @Test
    void appClassesMayUseJavaFx() {
        JavaClasses classes = new ClassFileImporter()
                .importClasses(BnnWorkbenchApp.class, MainWindow.class, BnnCommand.class);

        assertThat(ArchitectureTest.ONLY_THE_APP_USES_JAVAFX.evaluate(classes).hasViolation()).isFalse();
    }
}
