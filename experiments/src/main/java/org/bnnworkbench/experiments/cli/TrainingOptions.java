package org.bnnworkbench.experiments.cli;

import java.util.List;
import java.util.Locale;
import org.bnnworkbench.engine.train.TrainingConfig;

/**
 * The hyperparameter options of {@code bnn train}, one per field of {@link TrainingConfig}, each defaulting to
 * {@link TrainingConfig#defaults()}. Values are checked here, so that a bad one is reported with its option's name
 * rather than with the config's field name.
 */
final class TrainingOptions {

    static final List<String> OPTIMIZERS = List.of("adam", "sgd");
    static final List<String> SCHEDULES = List.of("constant", "step", "cosine");
    static final List<String> ESTIMATORS = List.of("ste", "approx", "swish");
    static final List<String> PADS = List.of("-1", "0");

    private TrainingOptions() {
    }

    /** Declares the hyperparameter options on {@code options}. */
    static Options declare(Options options) {
        for (String name : List.of("epochs", "batch", "lr", "schedule", "optimizer", "momentum", "weight-decay",
                "estimator", "clip", "pad", "seed", "crop-padding", "train-limit", "test-limit")) {
            options.value(name);
        }
        return options.flag("scaling").flag("flip");
    }

    static TrainingConfig read(Options options) {
        TrainingConfig d = TrainingConfig.defaults();
        int epochs = options.positiveInt("epochs", d.epochs());
        int batch = options.positiveInt("batch", d.batchSize());
        float lr = positiveFloat(options, "lr", d.learningRate());
        String schedule = options.choice("schedule", d.schedule(), SCHEDULES);
        String optimizer = options.choice("optimizer", d.optimizer(), OPTIMIZERS);
        float momentum = (float) options.nonNegativeNumber("momentum", d.momentum());
        if (momentum >= 1) {
            throw options.problem("--momentum expects a number in [0, 1), got '" + options.string("momentum").get()
                    + "'");
        }
        float weightDecay = (float) options.nonNegativeNumber("weight-decay", d.weightDecay());
        String estimator = options.choice("estimator", d.estimator(), ESTIMATORS);
        float clip = positiveFloat(options, "clip", d.clip());
        float pad = Float.parseFloat(options.choice("pad", String.valueOf((int) d.padValue()), PADS));
        long seed = options.longInteger("seed", d.seed());
        int cropPadding = options.nonNegativeInt("crop-padding", d.cropPadding());
        int trainLimit = options.nonNegativeInt("train-limit", d.trainLimit());
        if (trainLimit == 1) {
            throw options.problem("--train-limit expects 0 (all images) or at least 2, got '1'");
        }
        int testLimit = options.nonNegativeInt("test-limit", d.testLimit());
        try {
            return new TrainingConfig(epochs, batch, lr, schedule, optimizer, momentum, weightDecay, estimator, clip,
                    options.isSet("scaling") || d.scaling(), pad, seed, cropPadding, options.isSet("flip") || d.flip(),
                    trainLimit, testLimit);
        } catch (IllegalArgumentException e) {
            // every field was checked above; this is the config's own word on a combination
            throw options.problem(e.getMessage());
        }
    }

    /** A positive number that stays positive as a float: 1e-50 is positive but rounds to 0f. */
    private static float positiveFloat(Options options, String name, float fallback) {
        float value = (float) options.positiveNumber(name, fallback);
        if (!(value > 0) || Float.isInfinite(value)) {
            throw options.problem("--" + name + " expects a positive number within float range, got '"
                    + options.string(name).orElse("") + "'");
        }
        return value;
    }

    /** The defaults, as {@code bnn help train} shows them. */
    static String defaultsText() {
        TrainingConfig d = TrainingConfig.defaults();
        return String.format(Locale.ROOT, "--epochs %d --batch %d --lr %s --schedule %s --optimizer %s "
                        + "--momentum %s --weight-decay %s --estimator %s --clip %s --pad %d --seed %d "
                        + "--crop-padding %d --train-limit %d --test-limit %d",
                d.epochs(), d.batchSize(), d.learningRate(), d.schedule(), d.optimizer(), d.momentum(),
                d.weightDecay(), d.estimator(), d.clip(), (int) d.padValue(), d.seed(), d.cropPadding(),
                d.trainLimit(), d.testLimit());
    }
}
