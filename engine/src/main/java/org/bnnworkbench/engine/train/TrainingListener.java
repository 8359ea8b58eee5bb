package org.bnnworkbench.engine.train;

/** Receives training events on the training thread; must return quickly. */
@FunctionalInterface
public interface TrainingListener {

    void onEvent(TrainingEvent event);
}
