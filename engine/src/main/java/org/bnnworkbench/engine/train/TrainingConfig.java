package org.bnnworkbench.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bnnworkbench.engine.binary.BinaryConv2d;
import org.bnnworkbench.engine.binary.BinaryOptions;
import org.bnnworkbench.engine.binary.SignEstimator;
import org.bnnworkbench.engine.optim.LearningRateSchedule;

/**
 * Every hyperparameter of a run. Together with the network spec, the data set and the seed it
 * determines the run's numbers exactly, so it is written into every run record.
 *
 * @param cropPadding random-crop augmentation: pad by this many pixels and crop back (0 = off)
 * @param flip        random horizontal flips (off for digits, where a flip changes the meaning)
 * @param trainLimit  use only the first N training images (0 = all), for quick trials
 * @param testLimit   evaluate on the first N test images (0 = all)
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, String schedule, String optimizer,
                             float momentum, float weightDecay, String estimator, float clip, boolean scaling,
                             float padValue, long seed, int cropPadding, boolean flip, int trainLimit,
                             int testLimit) {

    public TrainingConfig {
        require(epochs > 0, "epochs must be positive, got " + epochs);
        require(batchSize > 0, "batch size must be positive, got " + batchSize);
        require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be a positive number, got " + learningRate);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        require(weightDecay >= 0 && Float.isFinite(weightDecay), "weight decay must be >= 0, got " + weightDecay);
        require(clip > 0 && Float.isFinite(clip), "clip threshold must be a positive number, got " + clip);
        require(padValue == BinaryConv2d.PAD_MINUS_ONE || padValue == BinaryConv2d.PAD_ZERO,
                "binary padding must be -1 or 0, got " + padValue);
        require(cropPadding >= 0, "crop padding must be >= 0, got " + cropPadding);
        require(trainLimit >= 0 && testLimit >= 0, "limits must be >= 0");
        SignEstimator.parse(estimator, clip);
        LearningRateSchedule.parse(schedule, learningRate, epochs);
        require(optimizer.equals("adam") || optimizer.equals("sgd"), "optimiser must be adam or sgd, got '" + optimizer + "'");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults that train the small reference networks well: Adam 3e-3 with cosine decay, STE, t = 1.3. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(10, 128, 3e-3f, "cosine", "adam", 0.9f, 0f, "ste", SignEstimator.DEFAULT_CLIP,
                false, BinaryConv2d.PAD_MINUS_ONE, 42L, 0, false, 0, 0);
    }

    public BinaryOptions binaryOptions() {
        return new BinaryOptions(SignEstimator.parse(estimator, clip), scaling, padValue);
    }

    public LearningRateSchedule lrSchedule() {
        return LearningRateSchedule.parse(schedule, learningRate, epochs);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, learningRate, schedule, optimizer, momentum, weightDecay, estimator,
                clip, scaling, padValue, seed, cropPadding, flip, trainLimit, testLimit);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, learningRate, schedule, optimizer, momentum, weightDecay,
                estimator, clip, scaling, padValue, s, cropPadding, flip, trainLimit, testLimit);
    }

    public TrainingConfig withLimits(int train, int test) {
        return new TrainingConfig(epochs, batchSize, learningRate, schedule, optimizer, momentum, weightDecay,
                estimator, clip, scaling, padValue, seed, cropPadding, flip, train, test);
    }

    public TrainingConfig withAugmentation(int crop, boolean flipOn) {
        return new TrainingConfig(epochs, batchSize, learningRate, schedule, optimizer, momentum, weightDecay,
                estimator, clip, scaling, padValue, seed, crop, flipOn, trainLimit, testLimit);
    }

    /** Every hyperparameter by name, as written in run records. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch", batchSize);
        m.put("lr", learningRate);
        m.put("schedule", schedule);
        m.put("optimizer", optimizer);
        m.put("momentum", momentum);
        m.put("weightDecay", weightDecay);
        m.put("estimator", estimator);
        m.put("clip", clip);
        m.put("scaling", scaling);
        m.put("padValue", padValue);
        m.put("seed", seed);
        m.put("cropPadding", cropPadding);
        m.put("flip", flip);
        m.put("trainLimit", trainLimit);
        m.put("testLimit", testLimit);
        return m;
    }
}
