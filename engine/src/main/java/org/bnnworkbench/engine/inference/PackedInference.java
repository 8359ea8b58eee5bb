package org.bnnworkbench.engine.inference;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.kernel.ConvKernel;
import org.bnnworkbench.engine.kernel.Elementwise;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.kernel.Parallel;
import org.bnnworkbench.engine.kernel.binary.BinaryConvKernel;
import org.bnnworkbench.engine.kernel.binary.BitPack;
import org.bnnworkbench.engine.nn.AvgPool2d;
import org.bnnworkbench.engine.nn.ChannelShuffle;
import org.bnnworkbench.engine.nn.Concat;
import org.bnnworkbench.engine.nn.GlobalAvgPool;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.MaxPool2d;
import org.bnnworkbench.engine.nn.Merge;
import org.bnnworkbench.engine.nn.ReLU;
import org.bnnworkbench.engine.nn.SliceAdd;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Runs a {@link PackedModel}: binary convolutions on bit-packed feature maps through the popcount kernel,
 * signs (with their fused BatchNorm) as per-channel threshold comparisons that pack bits, 32-bit layers on
 * the float kernels. Weights come only from the model: no training network is involved. The float layers
 * use the same kernels and the same arithmetic as the training engine in evaluation (BatchNorm as
 * x * scale + shift), so the class scores equal the training network's bit for bit at the same batch size.
 * The parameter-free layers (pooling, ReLU, merges) are the engine's own, called in evaluation mode.
 */
public final class PackedInference {

    /** A bit-packed feature map: [n][h][w][groups][words per group]. */
    private record PackedMap(long[] bits, int n, int c, int h, int w, int groups) {
    }

    private final PackedModel model;
    private final Object[] runners;

    public PackedInference(PackedModel model) {
        this.model = model;
        List<PackedModel.Node> nodes = model.nodes();
        this.runners = new Object[nodes.size()];
        for (int i = 1; i < nodes.size(); i++) {
            runners[i] = runnerFor(nodes.get(i).op());
        }
    }

    private static Object runnerFor(PackedOp op) {
        if (op instanceof PackedOp.FloatConv c) {
            return new ConvKernel(c.geometry(), 0f);
        }
        if (op instanceof PackedOp.BinaryConv b) {
            return new BinaryConvKernel(b.geometry(), b.padValue());
        }
        if (op instanceof PackedOp.Relu) {
            return new ReLU();
        }
        if (op instanceof PackedOp.MaxPool p) {
            return new MaxPool2d(p.kernel(), p.stride(), p.padding());
        }
        if (op instanceof PackedOp.AvgPool p) {
            return new AvgPool2d(p.kernel(), p.stride(), p.padding());
        }
        if (op instanceof PackedOp.GlobalAvgPool) {
            return new GlobalAvgPool();
        }
        if (op instanceof PackedOp.ChannelShuffle s) {
            return new ChannelShuffle(s.groups());
        }
        if (op instanceof PackedOp.Concat) {
            return new Concat();
        }
        if (op instanceof PackedOp.SliceAdd) {
            return new SliceAdd();
        }
        if (op instanceof PackedOp.Add) {
            return new org.bnnworkbench.engine.nn.Add();
        }
        return null;
    }

    public PackedModel model() {
        return model;
    }

    /** Class scores [n][classes] for normalised images [n][c][h][w]. */
    public Tensor logits(Tensor images) {
        PackedOp.Input in = model.input();
        if (images.rank() != 4 || images.c() != in.channels() || images.h() != in.height() || images.w() != in.width()) {
            throw new IllegalArgumentException("model " + model.name() + " expects N x " + in.channels() + " x "
                    + in.height() + " x " + in.width() + " images, got " + images.shapeString());
        }
        List<PackedModel.Node> nodes = model.nodes();
        Object[] values = new Object[nodes.size()];
        values[0] = images;
        int[] lastUse = new int[nodes.size()];
        for (int i = 1; i < nodes.size(); i++) {
            for (int k : nodes.get(i).inputs()) {
                lastUse[k] = i;
            }
        }
        for (int i = 1; i < nodes.size(); i++) {
            PackedModel.Node node = nodes.get(i);
            values[i] = run(node.op(), runners[i], node.inputs(), values);
            for (int k : node.inputs()) {
                if (lastUse[k] == i && k > 0) {
                    values[k] = null; // free feature maps nobody reads any more
                }
            }
        }
        Tensor out = floats(values[nodes.size() - 1]);
        BinaryConvKernel.release();
        return out.reshape(out.n(), out.size() / out.n());
    }

    /** The predicted class of each image. */
    public int[] predict(Tensor images) {
        return bestClasses(logits(images));
    }

    /** The class of the largest logit of each image ([n][classes] logits; the first of equal ones). */
    public static int[] bestClasses(Tensor logits) {
        int n = logits.n();
        int classes = logits.size() / n;
        int[] best = new int[n];
        float[] d = logits.data();
        for (int i = 0; i < n; i++) {
            int b = 0;
            for (int k = 1; k < classes; k++) {
                if (d[i * classes + k] > d[i * classes + b]) {
                    b = k;
                }
            }
            best[i] = b;
        }
        return best;
    }

    private static Object run(PackedOp op, Object runner, int[] inputs, Object[] values) {
        if (op instanceof PackedOp.SignThreshold s) {
            Tensor x = floats(values[inputs[0]]);
            long[] bits = new long[x.n() * x.h() * x.w() * BitPack.wordsPerPixel(x.c(), s.groups())];
            BitPack.packThresholds(x.data(), x.n(), x.c(), x.h(), x.w(), s.groups(), s.threshold(), s.below(), bits);
            return new PackedMap(bits, x.n(), x.c(), x.h(), x.w(), s.groups());
        }
        if (op instanceof PackedOp.BinaryConv b) {
            PackedMap x = packed(values[inputs[0]], b.geometry().groups());
            var g = b.geometry();
            Tensor y = Tensor.zeros(x.n(), g.outChannels(), g.outSize(x.h()), g.outSize(x.w()));
            ((BinaryConvKernel) runner).forward(x.bits(), x.n(), x.h(), x.w(), b.weights(), b.alpha(), y.data());
            return y;
        }
        if (op instanceof PackedOp.FloatConv c) {
            return ((ConvKernel) runner).forward(floats(values[inputs[0]]), c.weights(), c.bias());
        }
        if (op instanceof PackedOp.Affine a) {
            return affine(floats(values[inputs[0]]), a.scale(), a.shift());
        }
        if (op instanceof PackedOp.Dense d) {
            Tensor x = floats(values[inputs[0]]);
            int n = x.n();
            Tensor y = Tensor.zeros(n, d.out());
            float[] o = y.data();
            for (int i = 0; i < n; i++) {
                System.arraycopy(d.bias(), 0, o, i * d.out(), d.out());
            }
            Gemm.sgemm(false, true, n, d.out(), d.in(), x.data(), d.weights(), 1f, o);
            return y;
        }
        if (runner instanceof Layer layer) {
            return layer.forward(floats(values[inputs[0]]), false);
        }
        if (runner instanceof Merge merge) {
            List<Tensor> ins = new ArrayList<>(inputs.length);
            for (int k : inputs) {
                ins.add(floats(values[k]));
            }
            return merge.forward(ins);
        }
        throw new IllegalStateException("no runner for " + op);
    }

    /** BatchNorm in evaluation, channel by channel as {@code BatchNorm} does it. */
    private static Tensor affine(Tensor x, float[] scale, float[] shift) {
        int n = x.n();
        int channels = scale.length;
        int plane = x.size() / (n * channels);
        float[] in = x.data();
        Tensor y = Tensor.zerosLike(x);
        float[] out = y.data();
        Parallel.forEachIndex(channels, c -> {
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                Elementwise.affine(in, out, base, base + plane, scale[c], shift[c]);
            }
        });
        return y;
    }

    private static Tensor floats(Object value) {
        if (value instanceof Tensor t) {
            return t;
        }
        PackedMap m = (PackedMap) value;
        Tensor t = Tensor.zeros(m.n(), m.c(), m.h(), m.w());
        BitPack.unpack(m.bits(), m.n(), m.c(), m.h(), m.w(), m.groups(), t.data());
        return t;
    }

    private static PackedMap packed(Object value, int groups) {
        if (value instanceof PackedMap m && m.groups() == groups) {
            return m;
        }
        Tensor t = floats(value);
        long[] bits = new long[t.n() * t.h() * t.w() * BitPack.wordsPerPixel(t.c(), groups)];
        BitPack.packSigns(t.data(), t.n(), t.c(), t.h(), t.w(), groups, bits);
        return new PackedMap(bits, t.n(), t.c(), t.h(), t.w(), groups);
    }
}
