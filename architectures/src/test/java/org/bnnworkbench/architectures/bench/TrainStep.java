package org.bnnworkbench.architectures.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.engine.graph.Network;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.Merge;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.nn.Sequential;
import org.bnnworkbench.engine.nn.SoftmaxCrossEntropy;
import org.bnnworkbench.engine.optim.Optimizer;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecCompiler;
import org.bnnworkbench.engine.tensor.Tensor;
import org.bnnworkbench.engine.train.TrainingConfig;

/**
 * One full training step (forward, loss, backward, optimiser) of a named network on a fixed batch,
 * as the trainer does it. {@link TrainStepThroughput} loads this class once per engine build (each
 * in its own class loader) and talks to it only through JDK types, so two builds can be timed
 * interleaved in one JVM.
 */
public final class TrainStep implements Runnable {

    private final Network network;
    private final Optimizer optimizer;
    private final Tensor images;
    private final int[] labels;
    private final Map<String, long[]> times;
    private double lastLoss;

    /** Time per node ("name Type.forward") instead of per layer type. */
    private static final boolean BY_NODE = Boolean.getBoolean("bench.byNode");

    private TrainStep(String name, int batch, boolean timed) {
        boolean twin = name.endsWith("+twin");
        String base = twin ? name.substring(0, name.length() - "+twin".length()) : name;
        NetworkSpec spec = Architectures.get(base).spec();
        if (twin) {
            spec = spec.fullPrecisionTwin();
        }
        TrainingConfig config = TrainingConfig.defaults();
        Network compiled = SpecCompiler.compile(spec, config.binaryOptions(), new Random(config.seed()));
        this.times = timed ? new TreeMap<>() : null;
        this.network = timed ? timedCopy(compiled, times) : compiled;
        this.optimizer = Optimizer.create(config.optimizer(), network.params(), config.weightDecay(), config.momentum());
        int[] shape = inputShape(spec, batch);
        Random rng = new Random(7);
        float[] x = new float[shape[0] * shape[1] * shape[2] * shape[3]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        this.images = new Tensor(x, shape);
        this.labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(10);
        }
    }

    private static int[] inputShape(NetworkSpec spec, int batch) {
        var in = spec.input();
        return new int[] {batch, in.channels(), in.height(), in.width()};
    }

    /** A step for network {@code name} ("+twin" appended means its full-precision twin). */
    public static Runnable create(String name, int batch) {
        return new TrainStep(name, batch, false);
    }

    /** A step whose layers are timed; {@link #times(Runnable)} reads the nanoseconds per layer type. */
    public static Runnable createTimed(String name, int batch) {
        return new TrainStep(name, batch, true);
    }

    /** Nanoseconds per "Type.forward"/"Type.backward" (and loss, optimizer) since creation. */
    public static Map<String, Long> times(Runnable step) {
        Map<String, Long> out = new TreeMap<>();
        ((TrainStep) step).times.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    public static double loss(Runnable step) {
        return ((TrainStep) step).lastLoss;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        Tensor logits = network.forward(images, true);
        SoftmaxCrossEntropy.Result r = SoftmaxCrossEntropy.compute(logits, labels);
        long t1 = System.nanoTime();
        optimizer.zeroGrad();
        network.backward(r.gradient());
        long t2 = System.nanoTime();
        optimizer.step(1e-3f);
        long t3 = System.nanoTime();
        lastLoss = r.loss();
        if (times != null) {
            add(times, "(loss)", t1 - t0 - forwardSum());
            add(times, "(optimizer incl. zeroGrad)", t3 - t2 - backwardSum() + (t2 - t1));
        }
    }

    // the wrapped layers add their own time; what is left of the phases is loss/zeroGrad/graph glue
    private long fwdMark;
    private long bwdMark;

    private long forwardSum() {
        long s = times.entrySet().stream().filter(e -> e.getKey().endsWith(".forward"))
                .mapToLong(e -> e.getValue()[0]).sum();
        long d = s - fwdMark;
        fwdMark = s;
        return d;
    }

    private long backwardSum() {
        long s = times.entrySet().stream().filter(e -> e.getKey().endsWith(".backward"))
                .mapToLong(e -> e.getValue()[0]).sum();
        long d = s - bwdMark;
        bwdMark = s;
        return d;
    }

    private static void add(Map<String, long[]> times, String key, long nanos) {
        times.computeIfAbsent(key, k -> new long[1])[0] += nanos;
    }

    private static Network timedCopy(Network net, Map<String, long[]> times) {
        Network.Builder b = Network.builder();
        List<Network.Node> nodes = net.nodes();
        for (int i = 1; i < nodes.size(); i++) {
            Network.Node n = nodes.get(i);
            if (n.layer() != null) {
                b.layer(n.name(), timed(n.layer(), times, BY_NODE ? n.name() + " " : ""), n.inputs()[0]);
            } else {
                b.merge(n.name(), timed(n.merge(), times, BY_NODE ? n.name() + " " : ""), n.inputs());
            }
        }
        // the classifier output is the last node in every compiled network
        return b.build(nodes.size() - 1);
    }

    private static Layer timed(Layer layer, Map<String, long[]> times, String prefix) {
        if (layer instanceof Sequential seq) {
            List<Layer> inner = new ArrayList<>();
            for (Layer l : seq.layers()) {
                inner.add(timed(l, times, prefix));
            }
            return new Sequential(inner);
        }
        String name = prefix + layer.getClass().getSimpleName();
        return new Layer() {
            @Override
            public Tensor forward(Tensor input, boolean training) {
                long t = System.nanoTime();
                Tensor y = layer.forward(input, training);
                add(times, name + ".forward", System.nanoTime() - t);
                return y;
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                long t = System.nanoTime();
                Tensor y = layer.backward(gradOutput);
                add(times, name + ".backward", System.nanoTime() - t);
                return y;
            }

            @Override
            public List<Param> params() {
                return layer.params();
            }

            @Override
            public List<float[]> state() {
                return layer.state();
            }

            @Override
            public void release() {
                layer.release();
            }
        };
    }

    private static Merge timed(Merge merge, Map<String, long[]> times, String prefix) {
        String name = prefix + merge.getClass().getSimpleName();
        return new Merge() {
            @Override
            public Tensor forward(List<Tensor> inputs) {
                long t = System.nanoTime();
                Tensor y = merge.forward(inputs);
                add(times, name + ".forward", System.nanoTime() - t);
                return y;
            }

            @Override
            public List<Tensor> backward(Tensor gradOutput) {
                long t = System.nanoTime();
                List<Tensor> y = merge.backward(gradOutput);
                add(times, name + ".backward", System.nanoTime() - t);
                return y;
            }
        };
    }
}
