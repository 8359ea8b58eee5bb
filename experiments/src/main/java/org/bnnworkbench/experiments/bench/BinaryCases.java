package org.bnnworkbench.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.binary.BinaryConvKernel;
import org.bnnworkbench.engine.kernel.binary.BitPack;
import org.bnnworkbench.engine.kernel.binary.PackedWeights;
import org.bnnworkbench.engine.kernel.binary.XnorGemm;
import org.bnnworkbench.experiments.bench.FloatCases.ConvLayer;

/**
 * The binary cases of {@code bnn bench}: the XNOR-popcount GEMM on the same shapes as the float GEMM, and the
 * packed binary convolution on the same layers. K is the logical binary depth (bits), so that the effective
 * GFLOP/s, 2MKN / s, compare with the float kernels' and with OpenBLAS's on the same M, K, N (issue #7).
 * Operands are random bit patterns in the {@link BitPack} layout: the kernels' time does not depend on the bits.
 */
public final class BinaryCases {

    private static final long SEED = 20_240_602L;

    private BinaryCases() {
    }

    /** Every case, in the order the table lists them. */
    public static List<BenchCase> all() {
        var cases = new ArrayList<BenchCase>();
        for (ConvLayer layer : FloatCases.RESNET18_LAYERS) {
            GemmShape s = layer.asGemm(1);
            cases.add(new BenchCase(Kernels.BINARY_GEMM, s, 1,
                    "W " + s.m() + "x" + s.k() + " bits, A " + s.n() + "x" + s.k() + " bits, packed", () -> gemm(s)));
        }
        for (int batch : FloatCases.BATCHES) {
            for (ConvLayer layer : FloatCases.RESNET18_LAYERS) {
                cases.add(new BenchCase(Kernels.BINARY_CONV2D, layer.asGemm(batch), 1,
                        layer.describe(batch) + ", packed input, pad -1", () -> convForward(layer, batch)));
            }
        }
        return List.copyOf(cases);
    }

    /** {@code XnorGemm.multiply}: c = K - 2 popcount(W XOR A) for M rows of W and N rows of A, K bits each. */
    private static Runnable gemm(GemmShape s) {
        var random = new SplittableRandom(SEED);
        int kw = BitPack.words(s.k());
        long[] w = bits(random, s.m(), s.k());
        long[] a = bits(random, s.n(), s.k());
        float[] c = new float[s.m() * s.n()];
        return () -> XnorGemm.multiply(w, s.m(), kw, s.k(), a, s.n(), c);
    }

    private static Runnable convForward(ConvLayer layer, int batch) {
        var random = new SplittableRandom(SEED);
        ConvGeometry g = layer.geometry();
        int size = layer.size();
        var kernel = new BinaryConvKernel(g, -1f);
        long[] x = bits(random, batch * size * size, g.inChannels());
        PackedWeights weights = PackedWeights.of(bits(random, g.outChannels() * g.kernel() * g.kernel(),
                g.inPerGroup()), g);
        float[] out = new float[batch * g.outChannels() * g.outSize(size) * g.outSize(size)];
        return () -> kernel.forward(x, batch, size, size, weights, null, out);
    }

    /** {@code rows} runs of {@code bitsPerRow} random bits, the words past the last bit 0 as BitPack keeps them. */
    private static long[] bits(SplittableRandom random, int rows, int bitsPerRow) {
        int words = BitPack.words(bitsPerRow);
        long[] out = new long[rows * words];
        int tail = bitsPerRow % 64;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < words; j++) {
                long word = random.nextLong();
                boolean last = j == words - 1 && tail != 0;
                out[r * words + j] = last ? word & BitPack.minusOnes(tail) : word;
            }
        }
        return out;
    }
}
