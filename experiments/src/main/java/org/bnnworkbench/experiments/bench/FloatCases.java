package org.bnnworkbench.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.ConvKernel;
import org.bnnworkbench.engine.kernel.Gemm;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * The float cases of {@code bnn bench}: the 3x3 convolutions of a ResNet-18-like network at 56, 28 and 14 pixels
 * (He et al. 2016, conv2_x to conv4_x), as plain GEMMs and as convolutions, plus a square 512^3 GEMM.
 */
public final class FloatCases {

    /** A 3x3, stride 1, padding 1 convolution from {@code channels} to {@code channels} on size x size maps. */
    public record ConvLayer(int channels, int size) {

        ConvGeometry geometry() {
            return new ConvGeometry(channels, channels, 3, 1, 1, 1, 1);
        }

        /** M = out channels, K = in channels x 3 x 3, N = batch x H x W. */
        public GemmShape asGemm(int batch) {
            return new GemmShape(channels, channels * 9, batch * size * size);
        }

        String describe(int batch) {
            return "conv3x3 " + channels + "->" + channels + " at " + size + "x" + size + ", batch " + batch;
        }
    }

    public static final List<ConvLayer> RESNET18_LAYERS =
            List.of(new ConvLayer(64, 56), new ConvLayer(128, 28), new ConvLayer(256, 14));
    public static final GemmShape SQUARE = new GemmShape(512, 512, 512);
    public static final List<Integer> BATCHES = List.of(1, 16);

    private static final long SEED = 20_240_601L;

    private FloatCases() {
    }

    /** (64,576,3136), (128,1152,784), (256,2304,196) and 512^3. */
    public static List<GemmShape> gemmShapes() {
        var shapes = new ArrayList<GemmShape>();
        RESNET18_LAYERS.forEach(layer -> shapes.add(layer.asGemm(1)));
        shapes.add(SQUARE);
        return List.copyOf(shapes);
    }

    /** Every case, in the order the table lists them. */
    public static List<BenchCase> all() {
        var cases = new ArrayList<BenchCase>();
        for (GemmShape s : gemmShapes()) {
            cases.add(new BenchCase(Kernels.FLOAT_GEMM, s, 1, gemmLabel(s), () -> gemm(s, false)));
        }
        for (GemmShape s : gemmShapes()) {
            cases.add(new BenchCase(Kernels.FLOAT_GEMM_SCALAR, s, 1, gemmLabel(s), () -> gemm(s, true)));
        }
        for (int batch : BATCHES) {
            for (ConvLayer layer : RESNET18_LAYERS) {
                cases.add(new BenchCase(Kernels.FLOAT_CONV2D, layer.asGemm(batch), 1, layer.describe(batch),
                        () -> convForward(layer, batch)));
            }
        }
        for (int batch : BATCHES) {
            for (ConvLayer layer : RESNET18_LAYERS) {
                cases.add(new BenchCase(Kernels.FLOAT_CONV2D_BACKWARD, layer.asGemm(batch), 2,
                        layer.describe(batch) + ", weight + input gradient", () -> convBackward(layer, batch)));
            }
        }
        return List.copyOf(cases);
    }

    private static String gemmLabel(GemmShape s) {
        return s.equals(SQUARE) ? "square" : "A " + s.m() + "x" + s.k() + ", B " + s.k() + "x" + s.n();
    }

    private static Runnable gemm(GemmShape s, boolean scalar) {
        var random = new SplittableRandom(SEED);
        float[] a = uniform(random, s.m() * s.k());
        float[] b = uniform(random, s.k() * s.n());
        float[] c = new float[s.m() * s.n()];
        int m = s.m();
        int n = s.n();
        int k = s.k();
        if (scalar) {
            return () -> Gemm.sgemmScalar(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        }
        return () -> Gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    private static Runnable convForward(ConvLayer layer, int batch) {
        var random = new SplittableRandom(SEED);
        var kernel = new ConvKernel(layer.geometry(), 0f);
        Tensor x = image(random, layer, batch);
        float[] w = uniform(random, layer.geometry().weightCount());
        return () -> kernel.forward(x, w, null);
    }

    private static Runnable convBackward(ConvLayer layer, int batch) {
        var random = new SplittableRandom(SEED);
        var kernel = new ConvKernel(layer.geometry(), 0f);
        Tensor x = image(random, layer, batch);
        Tensor dy = image(random, layer, batch);
        float[] w = uniform(random, layer.geometry().weightCount());
        float[] dw = new float[w.length];
        return () -> kernel.backward(x, w, dy, dw, null, true);
    }

    private static Tensor image(SplittableRandom random, ConvLayer layer, int batch) {
        int size = layer.size();
        return new Tensor(uniform(random, batch * layer.channels() * size * size), batch, layer.channels(), size, size);
    }

    private static float[] uniform(SplittableRandom random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
