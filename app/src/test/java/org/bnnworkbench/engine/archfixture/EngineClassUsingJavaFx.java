package org.bnnworkbench.engine.archfixture;

import javafx.beans.property.SimpleDoubleProperty;

/**
 * Test fixture, not engine code: a class in an engine package that uses JavaFX, which
 * {@code ArchitectureRulesTest} feeds to the rule to show that the rule fails on it. It lives in the app's test
 * sources, which the real architecture check leaves out.
 */
public final class EngineClassUsingJavaFx {

    private final SimpleDoubleProperty loss = new SimpleDoubleProperty();

    public double loss() {
        return loss.get();
    }
}
