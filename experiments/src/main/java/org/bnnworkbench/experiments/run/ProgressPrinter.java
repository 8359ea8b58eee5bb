package org.bnnworkbench.experiments.run;

import java.io.PrintStream;
import java.util.Locale;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.engine.train.TrainingListener;

/**
 * Shows training progress on standard error: on a terminal one line rewritten in place after every batch; in a
 * log file or pipe a line about every tenth of an epoch, which a log can hold and a person can still follow. After
 * each epoch, one line with its metrics. {@code bnn train} prints it on standard error, and every run keeps the same
 * lines in its {@code run.log}.
 */
public final class ProgressPrinter implements TrainingListener {

    /** Lines per epoch when the output is not a terminal. */
    private static final int LINES_PER_EPOCH = 10;
    /** Redrawing a terminal line more often than this only costs time. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private int epochs;
    private double lossSum;
    private double top1Sum;
    private int batchesSeen;
    private int openLineLength;
    private long lastRedraw;

    public ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            epochs = s.epochs();
            String resumed = s.startEpoch() > 0 ? ", resuming after epoch " + s.startEpoch() : "";
            line(String.format(Locale.ROOT, "training %d epoch%s of %d batches: %,d training and %,d test images, "
                            + "%,d parameters%s", s.epochs(), s.epochs() == 1 ? "" : "s", s.batchesPerEpoch(),
                    s.trainImages(), s.testImages(), s.parameters(), resumed));
        } else if (event instanceof TrainingEvent.Batch b) {
            batch(b);
        } else if (event instanceof TrainingEvent.Epoch e) {
            line(epochLine(e.metrics(), epochs));
        } else if (event instanceof TrainingEvent.Finished) {
            endOpenLine();
        }
    }

    private void batch(TrainingEvent.Batch b) {
        if (b.batch() == 1) {
            lossSum = 0;
            top1Sum = 0;
            batchesSeen = 0;
        }
        lossSum += b.loss();
        top1Sum += b.top1();
        batchesSeen++;
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastRedraw >= REDRAW_NANOS || b.batch() == b.batches()) {
                lastRedraw = now;
                rewrite(batchLine(b));
            }
        } else {
            int every = Math.max(1, (b.batches() + LINES_PER_EPOCH - 1) / LINES_PER_EPOCH);
            if (b.batch() % every == 0 && b.batch() < b.batches()) {
                err.println(batchLine(b));
            }
        }
    }

    /** Loss and accuracy are means over the epoch so far: a single batch's figures jump too much to read. */
    private String batchLine(TrainingEvent.Batch b) {
        return String.format(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %s  acc %.1f%%  %.0f img/s  ETA %s",
                b.epoch(), epochs, b.batch(), b.batches(), loss(lossSum / batchesSeen), 100 * top1Sum / batchesSeen,
                b.imagesPerSecond(), duration(b.etaSeconds()));
    }

    /** One epoch's metrics in a line; {@code epochs} is the run's total. */
    public static String epochLine(EpochMetrics m, int epochs) {
        return String.format(Locale.ROOT, "epoch %d/%d: train loss %s acc %.2f%% | test loss %s top-1 %.2f%% "
                        + "top-5 %.2f%% | saturation %.1f%% flips %.3f%% | lr %.3g | %.1f s, %.0f img/s",
                m.epoch(), epochs, loss(m.trainLoss()), 100 * m.trainTop1(), loss(m.testLoss()), 100 * m.testTop1(),
                100 * m.testTop5(), 100 * m.saturation(), 100 * m.flipRatio(), m.learningRate(), m.seconds(),
                m.imagesPerSecond());
    }

    /** Four decimals, as losses of a working run are small; a run heading for divergence gets an exponent. */
    public static String loss(double value) {
        return String.format(Locale.ROOT, Math.abs(value) < 1e4 ? "%.4f" : "%.3e", value);
    }

    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void rewrite(String text) {
        // pad over what is left of a longer previous line; no ANSI codes, which not every terminal knows
        int pad = Math.max(0, openLineLength - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        openLineLength = text.length();
    }

    private void line(String text) {
        if (openLineLength > 0) {
            rewrite(text);
            err.println();
            openLineLength = 0;
        } else {
            err.println(text);
        }
    }

    private void endOpenLine() {
        if (openLineLength > 0) {
            err.println();
            openLineLength = 0;
        }
    }
}
