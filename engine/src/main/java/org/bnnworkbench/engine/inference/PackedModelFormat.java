package org.bnnworkbench.engine.inference;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.engine.data.Normalization;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.binary.BitPack;
import org.bnnworkbench.engine.kernel.binary.PackedWeights;

/**
 * The packed model file (".bnnp"), big-endian:
 * <pre>
 * "BNNPACK" version:u8 | name: u16 length + UTF-8 | normalisation: u8 flag [+ mean, std: f32 per channel]
 * node count: u16 | per node: kind:u8, input count:u8, inputs: u16 each, then its fields:
 *   INPUT     channels, height, width: u16
 *   CONV      geometry (7 x u16), bias flag:u8, weights f32 [out][in/g][k][k], bias f32 [out]
 *   BCONV     geometry, pad:u8 (0 = -1, 1 = 0), scaled:u8, weight signs: one bit per weight (1 = -1), in
 *             [out][in/g][k][k] order, least significant bit first, padded to a whole byte per layer;
 *             alpha f32 [out] when scaled
 *   AFFINE    channels:u16, scale f32 [c], shift f32 [c]          (an unfused BatchNorm)
 *   SIGN      channels, groups:u16, fused:u8 [+ scale f32 [c], shift f32 [c] of the fused BatchNorm]
 *   DENSE     in:u32, out:u16, weights f32 [out][in], bias f32 [out]
 *   MAXPOOL / AVGPOOL  kernel, stride, padding:u8;  SHUFFLE groups:u16;  RELU, GAP, CONCAT, SLICEADD, ADD: nothing
 * </pre>
 * So the file is the cost model's size (binary weights at 1 bit, other parameters at 4 bytes, BatchNorm 2
 * per channel) plus the header and per-node fields, alpha when scaled (not a counted parameter) and each
 * binary layer's last partial byte. A fused BatchNorm + sign is stored as the BatchNorm's folded scale and
 * shift, and the reader turns them into the per-channel thresholds ({@link PackedOp.SignThreshold#fused}),
 * exactly the comparisons the exporter made: storing the thresholds instead (4 bytes and a direction bit per
 * channel) would make files of the dense family 1.5-3% smaller than the cost model counts.
 */
public final class PackedModelFormat {

    private static final byte[] MAGIC = "BNNPACK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private enum Kind { INPUT, CONV, BCONV, AFFINE, SIGN, DENSE, RELU, MAXPOOL, AVGPOOL, GAP, SHUFFLE, CONCAT, SLICEADD, ADD }

    private PackedModelFormat() {
    }

    public static void write(PackedModel model, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            write(model, os);
        }
    }

    public static PackedModel read(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file)) {
            return read(is);
        }
    }

    /** The size of the file {@link #write} makes, without writing it. */
    public static long sizeBytes(PackedModel model) {
        var counter = new java.io.ByteArrayOutputStream();
        try {
            write(model, counter);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return counter.size();
    }

    public static void write(PackedModel model, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.write(MAGIC);
        out.writeByte(VERSION);
        byte[] name = model.name().getBytes(StandardCharsets.UTF_8);
        out.writeShort(name.length);
        out.write(name);
        Normalization norm = model.normalization();
        out.writeByte(norm == null ? 0 : 1);
        if (norm != null) {
            out.writeShort(norm.channels());
            floats(out, norm.mean());
            floats(out, norm.std());
        }
        out.writeShort(model.nodes().size());
        for (PackedModel.Node node : model.nodes()) {
            writeNode(out, node);
        }
        out.flush();
    }

    private static void writeNode(DataOutputStream out, PackedModel.Node node) throws IOException {
        PackedOp op = node.op();
        out.writeByte(kind(op).ordinal());
        out.writeByte(node.inputs().length);
        for (int in : node.inputs()) {
            out.writeShort(in);
        }
        if (op instanceof PackedOp.Input in) {
            out.writeShort(in.channels());
            out.writeShort(in.height());
            out.writeShort(in.width());
        } else if (op instanceof PackedOp.FloatConv c) {
            geometry(out, c.geometry());
            out.writeByte(c.bias() == null ? 0 : 1);
            floats(out, c.weights());
            if (c.bias() != null) {
                floats(out, c.bias());
            }
        } else if (op instanceof PackedOp.BinaryConv b) {
            geometry(out, b.geometry());
            out.writeByte(b.padValue() == -1f ? 0 : 1);
            out.writeByte(b.alpha() == null ? 0 : 1);
            float[] signs = BitPack.unpackWeights(b.weights().bits(), b.geometry());
            boolean[] minus = new boolean[signs.length];
            for (int i = 0; i < signs.length; i++) {
                minus[i] = signs[i] < 0f;
            }
            bits(out, minus);
            if (b.alpha() != null) {
                floats(out, b.alpha());
            }
        } else if (op instanceof PackedOp.Affine a) {
            out.writeShort(a.scale().length);
            floats(out, a.scale());
            floats(out, a.shift());
        } else if (op instanceof PackedOp.SignThreshold s) {
            out.writeShort(s.channels());
            out.writeShort(s.groups());
            out.writeByte(s.isFused() ? 1 : 0);
            if (s.isFused()) {
                floats(out, s.scale());
                floats(out, s.shift());
            }
        } else if (op instanceof PackedOp.Dense d) {
            out.writeInt(d.in());
            out.writeShort(d.out());
            floats(out, d.weights());
            floats(out, d.bias());
        } else if (op instanceof PackedOp.MaxPool p) {
            window(out, p.kernel(), p.stride(), p.padding());
        } else if (op instanceof PackedOp.AvgPool p) {
            window(out, p.kernel(), p.stride(), p.padding());
        } else if (op instanceof PackedOp.ChannelShuffle s) {
            out.writeShort(s.groups());
        }
    }

    private static Kind kind(PackedOp op) {
        if (op instanceof PackedOp.Input) {
            return Kind.INPUT;
        } else if (op instanceof PackedOp.FloatConv) {
            return Kind.CONV;
        } else if (op instanceof PackedOp.BinaryConv) {
            return Kind.BCONV;
        } else if (op instanceof PackedOp.Affine) {
            return Kind.AFFINE;
        } else if (op instanceof PackedOp.SignThreshold) {
            return Kind.SIGN;
        } else if (op instanceof PackedOp.Dense) {
            return Kind.DENSE;
        } else if (op instanceof PackedOp.Relu) {
            return Kind.RELU;
        } else if (op instanceof PackedOp.MaxPool) {
            return Kind.MAXPOOL;
        } else if (op instanceof PackedOp.AvgPool) {
            return Kind.AVGPOOL;
        } else if (op instanceof PackedOp.GlobalAvgPool) {
            return Kind.GAP;
        } else if (op instanceof PackedOp.ChannelShuffle) {
            return Kind.SHUFFLE;
        } else if (op instanceof PackedOp.Concat) {
            return Kind.CONCAT;
        } else if (op instanceof PackedOp.SliceAdd) {
            return Kind.SLICEADD;
        }
        return Kind.ADD;
    }

    public static PackedModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a packed BNN model (no BNNPACK header)");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("packed model version " + version + " is not supported (this engine reads " + VERSION + ")");
        }
        String name = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
        Normalization norm = null;
        if (in.readUnsignedByte() == 1) {
            int channels = in.readUnsignedShort();
            norm = new Normalization(floats(in, channels), floats(in, channels));
        }
        int count = in.readUnsignedShort();
        List<PackedModel.Node> nodes = new ArrayList<>(count);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            int k = in.readUnsignedByte();
            if (k >= kinds.length) {
                throw new IOException("node " + i + ": unknown kind " + k);
            }
            int[] inputs = new int[in.readUnsignedByte()];
            for (int j = 0; j < inputs.length; j++) {
                inputs[j] = in.readUnsignedShort();
            }
            nodes.add(new PackedModel.Node(readOp(in, kinds[k]), inputs));
        }
        if (in.read() != -1) {
            throw new IOException("packed model has bytes after its last node");
        }
        return new PackedModel(name, norm, nodes);
    }

    private static PackedOp readOp(DataInputStream in, Kind kind) throws IOException {
        return switch (kind) {
            case INPUT -> new PackedOp.Input(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort());
            case CONV -> {
                ConvGeometry g = geometry(in);
                boolean bias = in.readUnsignedByte() == 1;
                float[] w = floats(in, g.weightCount());
                yield new PackedOp.FloatConv(g, w, bias ? floats(in, g.outChannels()) : null);
            }
            case BCONV -> {
                ConvGeometry g = geometry(in);
                float pad = in.readUnsignedByte() == 0 ? -1f : 0f;
                boolean scaled = in.readUnsignedByte() == 1;
                boolean[] minus = bits(in, g.weightCount());
                float[] signs = new float[minus.length];
                for (int i = 0; i < signs.length; i++) {
                    signs[i] = minus[i] ? -1f : 1f;
                }
                yield new PackedOp.BinaryConv(PackedWeights.of(signs, g), pad, scaled ? floats(in, g.outChannels()) : null);
            }
            case AFFINE -> {
                int c = in.readUnsignedShort();
                yield new PackedOp.Affine(floats(in, c), floats(in, c));
            }
            case SIGN -> {
                int c = in.readUnsignedShort();
                int groups = in.readUnsignedShort();
                if (in.readUnsignedByte() == 0) {
                    yield PackedOp.SignThreshold.plain(c, groups);
                }
                float[] scale = floats(in, c);
                yield PackedOp.SignThreshold.fused(scale, floats(in, c), groups);
            }
            case DENSE -> {
                int inputs = in.readInt();
                int outputs = in.readUnsignedShort();
                yield new PackedOp.Dense(inputs, outputs, floats(in, inputs * outputs), floats(in, outputs));
            }
            case RELU -> new PackedOp.Relu();
            case MAXPOOL -> new PackedOp.MaxPool(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte());
            case AVGPOOL -> new PackedOp.AvgPool(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte());
            case GAP -> new PackedOp.GlobalAvgPool();
            case SHUFFLE -> new PackedOp.ChannelShuffle(in.readUnsignedShort());
            case CONCAT -> new PackedOp.Concat();
            case SLICEADD -> new PackedOp.SliceAdd();
            case ADD -> new PackedOp.Add();
        };
    }

    private static void geometry(DataOutputStream out, ConvGeometry g) throws IOException {
        for (int v : new int[] {g.inChannels(), g.outChannels(), g.kernel(), g.stride(), g.padding(), g.dilation(),
                g.groups()}) {
            out.writeShort(v);
        }
    }

    private static ConvGeometry geometry(DataInputStream in) throws IOException {
        int[] v = new int[7];
        for (int i = 0; i < 7; i++) {
            v[i] = in.readUnsignedShort();
        }
        return new ConvGeometry(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static void window(DataOutputStream out, int kernel, int stride, int padding) throws IOException {
        out.writeByte(kernel);
        out.writeByte(stride);
        out.writeByte(padding);
    }

    private static void floats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] floats(DataInputStream in, int count) throws IOException {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    /** One bit per value, least significant bit of each byte first, the last byte padded with 0. */
    private static void bits(DataOutputStream out, boolean[] values) throws IOException {
        for (int i = 0; i < values.length; i += 8) {
            int b = 0;
            for (int j = 0; j < 8 && i + j < values.length; j++) {
                if (values[i + j]) {
                    b |= 1 << j;
                }
            }
            out.writeByte(b);
        }
    }

    private static boolean[] bits(DataInputStream in, int count) throws IOException {
        boolean[] v = new boolean[count];
        for (int i = 0; i < count; i += 8) {
            int b = in.readUnsignedByte();
            for (int j = 0; j < 8 && i + j < count; j++) {
                v[i + j] = ((b >>> j) & 1) == 1;
            }
        }
        return v;
    }
}
