package org.bnnworkbench.app.sweeps;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.bnnworkbench.experiments.sweep.SweepPoint;

/**
 * One point of a running sweep as the {@code TaskProgressView} shows it: waiting until the sweep starts it, then
 * its training progress, gone when it ends. The task runs (on a worker that only waits) from the moment it is shown,
 * as the view enables cancel buttons of running tasks only. Its cancel button cancels this point only (the others go
 * on); a cancelled point keeps no result and trains when the sweep is run again.
 */
final class PointTask extends Task<Void> {

    private final SweepPoint point;
    private final Consumer<String> cancelPoint;
    private final CountDownLatch ended = new CountDownLatch(1);

    /** @param cancelPoint tells the sweep runner to skip or stop the point, by id */
    PointTask(SweepPoint point, int points, Consumer<String> cancelPoint) {
        this.point = point;
        this.cancelPoint = cancelPoint;
        updateTitle(title(point, points));
        updateMessage("waiting");
        updateProgress(0, 1);
    }

    /** E.g. {@code Point 3 of 8: clip=1.3, seed 43}. */
    static String title(SweepPoint point, int points) {
        return "Point " + (point.index() + 1) + " of " + points + ": " + point.label() + ", seed " + point.seed();
    }

    SweepPoint point() {
        return point;
    }

    /** Shows how far the point's training is (on the FX thread, at most a few times a second). */
    void show(double done, String message) {
        updateProgress(done, 1);
        updateMessage(message);
    }

    /** The point's run ended (with a result or not): the task succeeds and leaves the view. */
    void end() {
        ended.countDown();
    }

    @Override
    protected Void call() throws InterruptedException {
        // runs on a worker from the moment the view shows the point until the point ends
        ended.await();
        return null;
    }

    @Override
    protected void cancelled() {
        ended.countDown();
        cancelPoint.accept(point.id());
    }
}
