package org.bnnworkbench.engine.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.io.AtomicFiles;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.optim.Optimizer;

/**
 * Everything needed to continue a run exactly where it stopped: parameters, BatchNorm running
 * statistics, optimiser moments and step count, the shuffling generator's state, the finished
 * epochs and their metrics, and the config it belongs to. Binary format with a magic number and
 * version; written to a temp file and renamed, so a crash never leaves a half-written checkpoint.
 */
public final class Checkpoint {

    private static final long MAGIC = 0x424E4E434B505431L; // "BNNCKPT1"
    private static final int VERSION = 1;

    private final String configKey;
    private final int epochsDone;
    private final long rngState;
    private final List<String> paramNames;
    private final List<float[]> params;
    private final List<float[]> state;
    private final String optimizerId;
    private final long optimizerSteps;
    private final List<float[]> optimizerState;
    private final List<EpochMetrics> history;

    private Checkpoint(String configKey, int epochsDone, long rngState, List<String> paramNames, List<float[]> params,
                       List<float[]> state, String optimizerId, long optimizerSteps, List<float[]> optimizerState,
                       List<EpochMetrics> history) {
        this.configKey = configKey;
        this.epochsDone = epochsDone;
        this.rngState = rngState;
        this.paramNames = paramNames;
        this.params = params;
        this.state = state;
        this.optimizerId = optimizerId;
        this.optimizerSteps = optimizerSteps;
        this.optimizerState = optimizerState;
        this.history = history;
    }

    static Checkpoint capture(Network network, Optimizer optimizer, long rngState, int epochsDone,
                              List<EpochMetrics> history, TrainingConfig config) {
        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (Param p : network.params()) {
            names.add(p.name());
            values.add(p.value().data().clone());
        }
        List<float[]> state = network.state().stream().map(float[]::clone).toList();
        List<float[]> opt = optimizer.state().stream().map(float[]::clone).toList();
        return new Checkpoint(key(config), epochsDone, rngState, names, values, state, optimizer.id(),
                optimizer.steps(), opt, List.copyOf(history));
    }

    /** What a checkpoint must match to be resumed: every hyperparameter except the number of epochs. */
    static String key(TrainingConfig config) {
        var map = new java.util.LinkedHashMap<>(config.asMap());
        map.remove("epochs");
        return map.toString();
    }

    public int epochsDone() {
        return epochsDone;
    }

    public long rngState() {
        return rngState;
    }

    public List<EpochMetrics> history() {
        return history;
    }

    /** Checks that the checkpoint belongs to this config; throws with the reason if not. */
    public void checkCompatible(TrainingConfig config) {
        if (!configKey.equals(key(config))) {
            throw new IllegalArgumentException("the checkpoint was written with other settings: " + configKey
                    + " (now " + key(config) + ")");
        }
    }

    void applyTo(Network network, Optimizer optimizer) {
        List<Param> ps = network.params();
        if (ps.size() != params.size()) {
            throw new IllegalArgumentException("the checkpoint has " + params.size() + " parameters, the network "
                    + ps.size() + ": it belongs to another network");
        }
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            if (!p.name().equals(paramNames.get(i)) || p.size() != params.get(i).length) {
                throw new IllegalArgumentException("checkpoint parameter " + paramNames.get(i) + " does not match "
                        + p.name() + ": it belongs to another network");
            }
            System.arraycopy(params.get(i), 0, p.value().data(), 0, p.size());
        }
        copyAll(state, network.state(), "BatchNorm statistics");
        if (!optimizer.id().equals(optimizerId)) {
            throw new IllegalArgumentException("the checkpoint was trained with " + optimizerId + ", not " + optimizer.id());
        }
        copyAll(optimizerState, optimizer.state(), "optimiser state");
        optimizer.restoreSteps(optimizerSteps);
    }

    private static void copyAll(List<float[]> from, List<float[]> to, String what) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("the checkpoint's " + what + " do not match the network");
        }
        for (int i = 0; i < from.size(); i++) {
            if (from.get(i).length != to.get(i).length) {
                throw new IllegalArgumentException("the checkpoint's " + what + " do not match the network");
            }
            System.arraycopy(from.get(i), 0, to.get(i), 0, from.get(i).length);
        }
    }

    public void writeAtomically(Path file) throws IOException {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            write(out);
            out.flush();
        });
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(configKey);
        out.writeInt(epochsDone);
        out.writeLong(rngState);
        out.writeInt(params.size());
        for (int i = 0; i < params.size(); i++) {
            out.writeUTF(paramNames.get(i));
            writeFloats(out, params.get(i));
        }
        writeList(out, state);
        out.writeUTF(optimizerId);
        out.writeLong(optimizerSteps);
        writeList(out, optimizerState);
        out.writeInt(history.size());
        for (EpochMetrics m : history) {
            out.writeInt(m.epoch());
            for (double v : new double[] {m.trainLoss(), m.trainTop1(), m.testLoss(), m.testTop1(), m.testTop5(),
                    m.saturation(), m.flipRatio(), m.seconds(), m.imagesPerSecond(), m.learningRate()}) {
                out.writeDouble(v);
            }
        }
    }

    public static Checkpoint read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not a BNN Workbench checkpoint (wrong magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " is a checkpoint of format version " + version + "; this version reads "
                        + VERSION);
            }
            String key = in.readUTF();
            int epochs = in.readInt();
            long rng = in.readLong();
            int n = in.readInt();
            List<String> names = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                names.add(in.readUTF());
                values.add(readFloats(in));
            }
            List<float[]> state = readList(in);
            String opt = in.readUTF();
            long steps = in.readLong();
            List<float[]> optState = readList(in);
            int h = in.readInt();
            List<EpochMetrics> history = new ArrayList<>();
            for (int i = 0; i < h; i++) {
                int epoch = in.readInt();
                double[] v = new double[10];
                for (int k = 0; k < v.length; k++) {
                    v[k] = in.readDouble();
                }
                history.add(new EpochMetrics(epoch, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]));
            }
            return new Checkpoint(key, epochs, rng, names, values, state, opt, steps, optState, history);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated (the checkpoint ends early)", e);
        }
    }

    private static void writeList(DataOutputStream out, List<float[]> list) throws IOException {
        out.writeInt(list.size());
        for (float[] a : list) {
            writeFloats(out, a);
        }
    }

    private static List<float[]> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("corrupt checkpoint: list of " + n + " arrays");
        }
        List<float[]> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readFloats(in));
        }
        return list;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(a.length * 4);
        buf.asFloatBuffer().put(a);
        out.write(buf.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 500_000_000) {
            throw new IOException("corrupt checkpoint: array of " + n + " values");
        }
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        float[] a = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(a);
        return a;
    }
}
