package org.bnnworkbench.engine.spec;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.kernel.ConvGeometry;

/**
 * Builds a block's list of {@link OpNode}s while inferring shapes, and turns every impossible
 * combination into a {@link SpecException} that names the block. Sizes are computed in {@code long}:
 * a feature map or a weight tensor the engine could not hold in one array (more than
 * {@value #MAX_VALUES} values) is such an impossible combination, so every later count fits.
 */
final class Expansion {

    /** The most values one engine tensor holds: a Java array's length. */
    static final long MAX_VALUES = Integer.MAX_VALUE;

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
        long extent = (long) dilation * (kernel - 1) + 1;
        long paddedHeight = in.height() + 2L * padding;
        long paddedWidth = in.width() + 2L * padding;
        if (extent > MAX_VALUES || paddedHeight > MAX_VALUES || paddedWidth > MAX_VALUES) {
            throw error("a " + kernel + "x" + kernel + " convolution with padding " + padding + " and dilation "
                    + dilation + " is too large");
        }
        long oh = Math.floorDiv(paddedHeight - extent, stride) + 1;
        long ow = Math.floorDiv(paddedWidth - extent, stride) + 1;
        if (oh <= 0 || ow <= 0) {
            throw error("a " + kernel + "x" + kernel + " convolution (dilation " + dilation + ") does not fit the "
                    + in.height() + "x" + in.width() + " input");
        }
        long weights = product(out, in.channels() / groups, kernel, kernel);
        if (weights > MAX_VALUES) {
            throw error("a convolution from " + in.channels() + " to " + out + " channels with a " + kernel + "x" + kernel
                    + " kernel has more weights than one tensor can hold (" + MAX_VALUES + ")");
        }
        FeatureShape shape = featureMap(out, oh, ow);
        ConvGeometry g = new ConvGeometry(in.channels(), out, kernel, stride, padding, dilation, groups);
        return add(name, new Op.Conv(g, binary, bias), shape, from);
    }

    /** A feature map's shape, refused when it holds more values than one tensor can. */
    private FeatureShape featureMap(long channels, long height, long width) {
        if (product(channels, height, width) > MAX_VALUES) {
            throw error("the output would be " + channels + "x" + height + "x" + width
                    + ", more values than one tensor can hold (" + MAX_VALUES + ")");
        }
        return new FeatureShape((int) channels, (int) height, (int) width);
    }

    /** The product of non-negative factors, or {@link Long#MAX_VALUE} when it overflows. */
    private static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f != 0 && p > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            p *= f;
        }
        return p;
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
        long oh = Math.floorDiv(in.height() + 2L * padding - kernel, stride) + 1;
        long ow = Math.floorDiv(in.width() + 2L * padding - kernel, stride) + 1;
        if (oh <= 0 || ow <= 0) {
            throw error("a " + kernel + "x" + kernel + " pooling window does not fit the " + in.height() + "x"
                    + in.width() + " input");
        }
        return featureMap(in.channels(), oh, ow);
    }

    int globalAvgPool(String name, int from) {
        return add(name, new Op.GlobalAvgPool(), new FeatureShape(shape(from).channels(), 1, 1), from);
    }

    int dense(String name, int from, int out) {
        if (out <= 0) {
            throw error("classes must be positive, got " + out);
        }
        FeatureShape in = shape(from);
        if (product(in.size(), out) > MAX_VALUES) {
            throw error("a dense layer from " + in.size() + " values to " + out
                    + " classes has more weights than one tensor can hold (" + MAX_VALUES + ")");
        }
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
        return add(name, new Op.Concat(), featureMap((long) sa.channels() + sb.channels(), sa.height(), sa.width()), a, b);
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
