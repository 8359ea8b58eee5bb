package org.bnnworkbench.engine.optim;

import java.util.Locale;

/**
 * The learning rate as a function of training progress, measured in epochs (fractional within an
 * epoch, so cosine decays smoothly per step).
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, LearningRateSchedule.Step, LearningRateSchedule.Cosine {

    float rate(double epochProgress);

    String id();

    static LearningRateSchedule parse(String id, float base, int epochs) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "constant" -> new Constant(base);
            case "step" -> new Step(base, Math.max(1, epochs / 3), 0.1f);
            case "cosine" -> new Cosine(base, epochs);
            default -> throw new IllegalArgumentException("unknown schedule '" + id + "' (use constant, step or cosine)");
        };
    }

    record Constant(float base) implements LearningRateSchedule {
        @Override
        public float rate(double epochProgress) {
            return base;
        }

        @Override
        public String id() {
            return "constant";
        }
    }

    /** Multiplies the rate by gamma every {@code everyEpochs} epochs (BMXNet examples: x0.1). */
    record Step(float base, int everyEpochs, float gamma) implements LearningRateSchedule {
        public Step {
            if (everyEpochs <= 0) {
                throw new IllegalArgumentException("step schedule needs a positive step, got " + everyEpochs);
            }
        }

        @Override
        public float rate(double epochProgress) {
            return (float) (base * Math.pow(gamma, Math.floor(epochProgress / everyEpochs)));
        }

        @Override
        public String id() {
            return "step";
        }
    }

    /** Cosine decay from base to 0 over the run (Loshchilov and Hutter 2017, without restarts). */
    record Cosine(float base, int epochs) implements LearningRateSchedule {
        @Override
        public float rate(double epochProgress) {
            double t = Math.min(1.0, epochProgress / Math.max(1, epochs));
            return (float) (base * 0.5 * (1 + Math.cos(Math.PI * t)));
        }

        @Override
        public String id() {
            return "cosine";
        }
    }
}
