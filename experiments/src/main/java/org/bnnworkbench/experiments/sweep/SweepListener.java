package org.bnnworkbench.experiments.sweep;

/**
 * Hears a sweep's events. Called on the sweep's worker threads, several at once when points train in parallel: a
 * listener must be thread-safe and quick, and a UI must hand the event over to its own thread. An exception thrown
 * here does not stop the sweep.
 */
@FunctionalInterface
public interface SweepListener {

    void onEvent(SweepEvent event);
}
