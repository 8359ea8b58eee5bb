package org.bnnworkbench.engine.spec;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.kernel.ConvGeometry;

/**
 * Builds a block's list of {@link OpNode}s while inferring shapes, and turns every impossible
 * combination into a {@link SpecException} that names the block.
 */
final class Expansion {

    private final String blockId;
    private final List<FeatureShape> inputs;
    private final Precision precision;
    private final List<OpNode> ops = new ArrayList<>();

    Expansion(String blockId, List<FeatureShape> inputs, Precision precision) {
        this.blockId = blockId;
        this.inputs = inputs;
        this.precision = precision;
    }

    SpecException error(String problem) {
        return new SpecException(blockId, problem);
    }

    int input(int k) {
        if (k >= inputs.size()) {
            throw error("needs " + (k + 1) + " inputs, has " + inputs.size());
        }
        return OpNode.blockInput(k);
    }

    FeatureShape shape(int ref) {
        return ref < 0 ? inputs.get(-1 - ref) : ops.get(ref).output();
    }

    List<OpNode> ops() {
        if (ops.isEmpty()) {
            throw error("expands to nothing");
        }
        return List.copyOf(ops);
    }

    Precision precision() {
        return precision;
    }

    private int add(String name, Op op, FeatureShape out, int... from) {
        ops.add(new OpNode(blockId + "." + name, op, from, out));
        return ops.size() - 1;
    }

    int conv(String name, int from, int out, int kernel, int stride, int padding, int dilation, int groups,
             boolean binary, boolean bias) {
        FeatureShape in = shape(from);
        if (out <= 0) {
            throw error("output channels must be positive, got " + out);
        }
        if (kernel <= 0 || stride <= 0 || dilation <= 0 || padding < 0 || groups <= 0) {
            throw error("bad convolution parameters: kernel " + kernel + ", stride " + stride + ", padding " + padding
                    + ", dilation " + dilation + ", groups " + groups);
        }
        if (in.channels() % groups != 0 || out % groups != 0) {
            throw error("groups " + groups + " must divide the input channels (" + in.channels()
                    + ") and the output channels (" + out + ")");
        }
        ConvGeometry g = new ConvGeometry(in.channels(), out, kernel, stride, padding, dilation, groups);
        int oh = g.outSize(in.height());
        int ow = g.outSize(in.width());
        if (oh <= 0 || ow <= 0) {
            throw error("a " + kernel + "x" + kernel + " convolution (dilation " + dilation + ") does not fit the "
                    + in.height() + "x" + in.width() + " input");
        }
        return add(name, new Op.Conv(g, binary, bias), new FeatureShape(out, oh, ow), from);
    }

    int bn(String name, int from) {
        FeatureShape in = shape(from);
        return add(name, new Op.BatchNorm(in.channels()), in, from);
    }

    int relu(String name, int from) {
        return add(name, new Op.Relu(), shape(from), from);
    }

    int sign(String name, int from) {
        return add(name, new Op.Sign(), shape(from), from);
    }

    /** The activation before a binary conv: sign, or ReLU in the full-precision twin. */
    int binaryActivation(String name, int from) {
        return precision == Precision.BINARY ? sign(name, from) : relu(name, from);
    }

    int maxPool(String name, int from, int kernel, int stride, int padding) {
        return add(name, new Op.MaxPool(kernel, stride, padding), pooled(from, kernel, stride, padding), from);
    }

    int avgPool(String name, int from, int kernel, int stride, int padding) {
        return add(name, new Op.AvgPool(kernel, stride, padding), pooled(from, kernel, stride, padding), from);
    }

    private FeatureShape pooled(int from, int kernel, int stride, int padding) {
        FeatureShape in = shape(from);
        if (kernel <= 0 || stride <= 0 || padding < 0 || padding >= kernel) {
            throw error("bad pooling window: kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
        int oh = (in.height() + 2 * padding - kernel) / stride + 1;
        int ow = (in.width() + 2 * padding - kernel) / stride + 1;
        if (oh <= 0 || ow <= 0) {
            throw error("a " + kernel + "x" + kernel + " pooling window does not fit the " + in.height() + "x"
                    + in.width() + " input");
        }
        return new FeatureShape(in.channels(), oh, ow);
    }

    int globalAvgPool(String name, int from) {
        return add(name, new Op.GlobalAvgPool(), new FeatureShape(shape(from).channels(), 1, 1), from);
    }

    int dense(String name, int from, int out) {
        if (out <= 0) {
            throw error("classes must be positive, got " + out);
        }
        FeatureShape in = shape(from);
        return add(name, new Op.Dense((int) in.size(), out), new FeatureShape(out, 1, 1), from);
    }

    int shuffle(String name, int from, int groups) {
        FeatureShape in = shape(from);
        if (groups <= 0 || in.channels() % groups != 0) {
            throw error("channel shuffle groups " + groups + " must divide the " + in.channels() + " channels");
        }
        return add(name, new Op.ChannelShuffle(groups), in, from);
    }

    int concat(String name, int a, int b) {
        FeatureShape sa = shape(a);
        FeatureShape sb = shape(b);
        if (!sa.sameResolution(sb)) {
            throw error("cannot concatenate " + sa + " and " + sb + ": resolutions differ");
        }
        return add(name, new Op.Concat(), new FeatureShape(sa.channels() + sb.channels(), sa.height(), sa.width()), a, b);
    }

    int sliceAdd(String name, int target, int addend) {
        FeatureShape st = shape(target);
        FeatureShape sa = shape(addend);
        if (!st.sameResolution(sa) || sa.channels() > st.channels()) {
            throw error("cannot add " + sa + " into the last channels of " + st);
        }
        return add(name, new Op.SliceAdd(), st, target, addend);
    }

    int add(String name, int a, int b) {
        FeatureShape sa = shape(a);
        FeatureShape sb = shape(b);
        if (!sa.equals(sb)) {
            throw error("cannot add " + sa + " and " + sb + ": shapes differ (channels x height x width)");
        }
        return add(name, new Op.Add(), sa, a, b);
    }
}
