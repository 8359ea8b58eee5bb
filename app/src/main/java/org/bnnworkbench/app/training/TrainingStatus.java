package org.bnnworkbench.app.training;

import java.util.List;
import java.util.Locale;
import org.bnnworkbench.engine.train.EpochMetrics;
import org.bnnworkbench.engine.train.TrainingEvent;
import org.bnnworkbench.experiments.run.RunRecord;

/** The sentences of the training view's status line, progress and gap. */
final class TrainingStatus {

    private TrainingStatus() {
    }

    /** E.g. {@code epoch 2/10, batch 31/79}, or that the epoch's test images are being evaluated. */
    static String batch(TrainingEvent.Batch b, int epochs, boolean evaluating) {
        return "epoch " + b.epoch() + "/" + epochs + (evaluating ? ", evaluating on the test images"
                : ", batch " + b.batch() + "/" + b.batches());
    }

    /** E.g. {@code 83 images/s, 4:12 left}. */
    static String speed(TrainingEvent.Batch b) {
        return String.format(Locale.ROOT, "%,.0f images/s, %s left", b.imagesPerSecond(), duration(b.etaSeconds()));
    }

    /** The twin's test top-1 minus the binary run's at the last epoch both finished; null before that. */
    static String gap(List<EpochMetrics> binary, List<EpochMetrics> twin) {
        if (binary == null || twin == null || binary.isEmpty() || twin.isEmpty()) {
            return null;
        }
        int epoch = Math.min(binary.size(), twin.size());
        double b = binary.get(epoch - 1).testTop1();
        double t = twin.get(epoch - 1).testTop1();
        return String.format(Locale.ROOT, "Twin \u2212 binary test top-1: %+.1f pp  (twin %.1f%%, binary %.1f%%,"
                + " epoch %d)", 100 * (t - b), 100 * t, 100 * b, epoch);
    }

    /**
     * How a run ended.
     *
     * @param who          empty, or the run's role and a space when the training has two runs
     * @param record       its final record, or null if it ended without one
     * @param endedWithout why it has no record (failed to start, cancelled before it started)
     */
    static String outcome(String who, String id, RunRecord record, String endedWithout) {
        if (record == null) {
            return capitalized(who) + (who.isEmpty() ? "" : ": ") + endedWithout;
        }
        int epochs = record.epochs();
        String plural = epochs == 1 ? "epoch" : "epochs";
        return switch (record.status()) {
            case COMPLETED -> String.format(Locale.ROOT, "Completed %s(run %s): test top-1 %.1f%% after %d %s, %s",
                    who, id, 100 * record.testTop1(), epochs, plural, duration(record.wallSeconds()));
            case CANCELLED -> epochs == 0
                    ? "Cancelled " + who + "(run " + id + ") before its first epoch ended: nothing to resume"
                    : "Cancelled " + who + "(run " + id + ") after " + epochs + " finished " + plural
                    + "; Resume in the Runs tab goes on from there";
            default -> capitalized(record.status().id()) + " " + who + "(run " + id + "): " + record.message();
        };
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on; {@code ?} when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
