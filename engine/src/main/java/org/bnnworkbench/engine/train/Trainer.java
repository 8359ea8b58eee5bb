package org.bnnworkbench.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bnnworkbench.engine.binary.SignActivation;
import org.bnnworkbench.engine.data.DatasetSplit;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.data.Normalization;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.nn.SoftmaxCrossEntropy;
import org.bnnworkbench.engine.optim.LearningRateSchedule;
import org.bnnworkbench.engine.optim.Optimizer;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecCompiler;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Trains a network on a data set: shuffled mini-batches with augmentation, the optimiser and
 * learning-rate schedule of the config, evaluation on the test split after every epoch, BNN
 * diagnostics, events for listeners, cancel and pause from any thread, a checkpoint after every
 * epoch, and a stop with a clear message when the loss becomes NaN or infinite.
 *
 * <p>Deterministic: the weights come from {@code Random(seed)}, shuffling and augmentation from a
 * {@link Rng} derived from the seed, and every kernel sums in a fixed order.
 */
public final class Trainer {

    private static final int EVAL_BATCH = 256;
    private static final long AUGMENT_SALT = 0x5DEECE66DL;

    private final Network network;
    private final DatasetSplit data;
    private final LabelledImages train;
    private final LabelledImages test;
    private final TrainingConfig config;
    private final Normalization norm;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final Rng rng;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private final List<EpochMetrics> history = new ArrayList<>();
    private int startEpoch;
    private Path checkpointFile;

    public Trainer(Network network, DatasetSplit data, TrainingConfig config) {
        this.network = network;
        this.data = data;
        this.config = config;
        this.train = limit(data.train(), config.trainLimit());
        this.test = limit(data.test(), config.testLimit());
        if (train.size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 images, the data set has " + train.size());
        }
        this.norm = Normalization.fit(train);
        this.optimizer = Optimizer.create(config.optimizer(), network.params(), config.weightDecay(), config.momentum());
        this.schedule = config.lrSchedule();
        this.rng = new Rng(config.seed() ^ AUGMENT_SALT);
    }

    /** Compiles the spec with the config's binary options and seed, and wraps it in a trainer. */
    public static Trainer forSpec(NetworkSpec spec, DatasetSplit data, TrainingConfig config) {
        Network net = SpecCompiler.compile(spec, config.binaryOptions(), new Random(config.seed()));
        return new Trainer(net, data, config);
    }

    private static LabelledImages limit(LabelledImages images, int limit) {
        if (limit <= 0 || limit >= images.size()) {
            return images;
        }
        int[] first = new int[limit];
        for (int i = 0; i < limit; i++) {
            first[i] = i;
        }
        return images.subset(first);
    }

    public Network network() {
        return network;
    }

    public TrainingConfig config() {
        return config;
    }

    public Normalization normalization() {
        return norm;
    }

    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    /** Saves a checkpoint to this file after every epoch (atomically: temp file, then rename). */
    public void checkpointTo(Path file) {
        this.checkpointFile = file;
    }

    /** Stops after the current batch; {@link #run()} then returns a CANCELLED result. */
    public void cancel() {
        cancelled.set(true);
        resume();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Continues a run from a checkpoint written by a trainer with the same network and config. */
    public void restore(Checkpoint checkpoint) {
        checkpoint.applyTo(network, optimizer);
        rng.setState(checkpoint.rngState());
        history.clear();
        history.addAll(checkpoint.history());
        startEpoch = checkpoint.epochsDone();
    }

    private void emit(TrainingEvent event) {
        for (TrainingListener l : listeners) {
            l.onEvent(event);
        }
    }

    public TrainingResult run() {
        long start = System.nanoTime();
        int batch = config.batchSize();
        int batches = (train.size() + batch - 1) / batch;
        if (train.size() % batch == 1) {
            batches--; // a final batch of one image would give BatchNorm a zero variance
        }
        emit(new TrainingEvent.Started(config.epochs(), batches, train.size(), test.size(), network.parameterCount(),
                startEpoch));
        BatchAssembler trainBatches = new BatchAssembler(train, norm, config.cropPadding(), config.flip());
        long binaryWeights = network.params().stream().filter(Param::isBinary).mapToLong(Param::size).sum();
        int[] labels = new int[batch];
        double batchSecondsTotal = 0;
        long batchCount = 0;
        double lastEvalSeconds = -1;
        long imagesTrained = 0;
        double trainingSeconds = 0;
        Evaluation last = null;
        for (int epoch = startEpoch; epoch < config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] order = rng.permutation(train.size());
            network.signActivations().forEach(SignActivation::resetSaturation);
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            long flips = 0;
            int steps = 0;
            float lr = 0f;
            for (int b = 0; b < batches; b++) {
                if (waitWhilePaused()) {
                    return finish(TrainingResult.Status.CANCELLED, "cancelled in epoch " + (epoch + 1), start, last);
                }
                long t0 = System.nanoTime();
                int from = b * batch;
                int to = Math.min(train.size(), from + batch);
                Tensor x = trainBatches.batch(order, from, to, labels, rng);
                int[] batchLabels = to - from == batch ? labels : java.util.Arrays.copyOf(labels, to - from);
                Tensor logits = network.forward(x, true);
                SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(logits, batchLabels);
                if (!Double.isFinite(r.loss())) {
                    network.release();
                    return finish(TrainingResult.Status.DIVERGED, "training diverged in epoch " + (epoch + 1)
                            + ", batch " + (b + 1) + ": the loss is " + r.loss()
                            + " (try a lower learning rate or a smaller clip threshold)", start, last);
                }
                optimizer.zeroGrad();
                network.backward(r.gradient());
                lr = schedule.rate(epoch + (double) b / batches);
                flips += optimizer.step(lr);
                steps++;
                lossSum += r.loss() * (to - from);
                correct += r.top1();
                seen += to - from;
                double seconds = (System.nanoTime() - t0) / 1e9;
                batchSecondsTotal += seconds;
                batchCount++;
                imagesTrained += to - from;
                trainingSeconds += seconds;
                double perBatch = batchSecondsTotal / batchCount;
                long remainingBatches = (long) (config.epochs() - epoch - 1) * batches + (batches - b - 1);
                int remainingEvals = config.epochs() - epoch;
                double evalGuess = lastEvalSeconds >= 0 ? lastEvalSeconds
                        : perBatch * test.size() / (3.0 * batch);
                emit(new TrainingEvent.Batch(epoch + 1, b + 1, batches, r.loss(), (double) r.top1() / (to - from),
                        imagesTrained / trainingSeconds, remainingBatches * perBatch + remainingEvals * evalGuess));
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            long evalStart = System.nanoTime();
            last = evaluate();
            lastEvalSeconds = (System.nanoTime() - evalStart) / 1e9;
            long[] sat = saturation();
            EpochMetrics m = new EpochMetrics(epoch + 1, lossSum / seen, (double) correct / seen, last.loss, last.top1,
                    last.top5, sat[1] == 0 ? 0 : (double) sat[0] / sat[1],
                    binaryWeights == 0 || steps == 0 ? 0 : (double) flips / ((double) binaryWeights * steps),
                    (System.nanoTime() - epochStart) / 1e9, seen / trainSeconds, lr);
            history.add(m);
            emit(new TrainingEvent.Epoch(m));
            if (checkpointFile != null) {
                saveCheckpoint(epoch + 1);
            }
        }
        return finish(TrainingResult.Status.COMPLETED, "completed " + config.epochs() + " epochs", start, last);
    }

    private void saveCheckpoint(int epochsDone) {
        try {
            Checkpoint.capture(network, optimizer, rng.state(), epochsDone, history, config).writeAtomically(checkpointFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write checkpoint " + checkpointFile + ": " + e.getMessage(), e);
        }
    }

    /** Blocks while paused; returns true when the run was cancelled. */
    private boolean waitWhilePaused() {
        synchronized (pauseLock) {
            while (paused && !cancelled.get()) {
                try {
                    pauseLock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled.set(true);
                }
            }
        }
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    private long[] saturation() {
        long saturated = 0;
        long seen = 0;
        for (SignActivation s : network.signActivations()) {
            long[] c = s.saturationCounts();
            saturated += c[0];
            seen += c[1];
        }
        return new long[] {saturated, seen};
    }

    private TrainingResult finish(TrainingResult.Status status, String message, long start, Evaluation last) {
        double wall = (System.nanoTime() - start) / 1e9;
        double trained = history.stream().mapToDouble(m -> m.imagesPerSecond() > 0 ? train.size() / m.imagesPerSecond() : 0).sum();
        double ips = trained > 0 ? history.size() * (double) train.size() / trained : 0;
        double top1 = history.isEmpty() ? 0 : history.get(history.size() - 1).testTop1();
        TrainingResult result = new TrainingResult(status, message, List.copyOf(history), top1, wall, ips,
                last == null ? new int[0][0] : last.confusion);
        emit(new TrainingEvent.Finished(result));
        return result;
    }

    private record Evaluation(double loss, double top1, double top5, int[][] confusion) {
    }

    /** Loss, top-1, top-5 and the confusion matrix on the test split, BatchNorm in evaluation mode. */
    private Evaluation evaluate() {
        BatchAssembler assembler = new BatchAssembler(test, norm, 0, false);
        int n = test.size();
        int classes = test.classes();
        int[][] confusion = new int[classes][classes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] labels = new int[EVAL_BATCH];
        double loss = 0;
        long top1 = 0;
        long top5 = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            Tensor x = assembler.batch(order, from, to, labels, null);
            int[] batchLabels = java.util.Arrays.copyOf(labels, to - from);
            Tensor logits = network.forward(x, false);
            SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(logits, batchLabels);
            loss += r.loss() * (to - from);
            top1 += r.top1();
            top5 += r.top5();
            int k = logits.sampleSize();
            float[] z = logits.data();
            for (int i = 0; i < to - from; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (z[i * k + j] > z[i * k + best]) {
                        best = j;
                    }
                }
                if (batchLabels[i] < classes && best < classes) {
                    confusion[batchLabels[i]][best]++;
                }
            }
        }
        network.release();
        return new Evaluation(loss / n, (double) top1 / n, (double) top5 / n, confusion);
    }
}
