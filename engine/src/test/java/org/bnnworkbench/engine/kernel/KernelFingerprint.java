package org.bnnworkbench.engine.kernel;

import java.util.Random;
import java.util.zip.CRC32;
import org.bnnworkbench.engine.nn.BatchNorm;
import org.bnnworkbench.engine.nn.Conv2d;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A checksum of the exact bits that multi-threaded kernels produce: both SGEMM paths on shapes that
 * split by columns and by rows, a convolution + BatchNorm forward and backward pass, and single-image
 * convolutions. Run in a
 * child JVM with another {@code -Dbnn.threads} to compare thread counts.
 */
public final class KernelFingerprint {

    private KernelFingerprint() {
    }

    public static void main(String[] args) {
        System.out.println(Parallel.threads() + " " + Gemm.vectorized() + " " + compute());
    }

    static String compute() {
        CRC32 crc = new CRC32();
        Random rng = new Random(2024);
        // 131 x 389 and 64 x 1000 split by columns, 517 x 24 and 256 x 196 by rows, on both paths
        for (boolean vector : new boolean[] {true, false}) {
            int[][] shapes = {{131, 389, 263}, {517, 24, 300}, {64, 1000, 300}, {256, 196, 500}};
            for (int[] s : shapes) {
                float[] a = random(rng, s[0] * s[2]);
                float[] b = random(rng, s[2] * s[1]);
                float[] c = random(rng, s[0] * s[1]);
                if (vector) {
                    Gemm.sgemm(false, true, s[0], s[1], s[2], 0.5f, a, 0, s[2], b, 0, s[2], 0.5f, c, 0, s[1]);
                } else {
                    Gemm.sgemmScalar(true, false, s[0], s[1], s[2], 0.5f, a, 0, s[0], b, 0, s[1], 0.5f, c, 0, s[1]);
                }
                update(crc, c);
            }
        }
        Conv2d conv = new Conv2d("c", new ConvGeometry(16, 24, 3, 1, 1, 1, 2), true, true, rng);
        BatchNorm bn = new BatchNorm("bn", 24);
        Tensor x = new Tensor(random(rng, 6 * 16 * 14 * 14), 6, 16, 14, 14);
        Tensor y = bn.forward(conv.forward(x, true), true);
        Tensor dx = conv.backward(bn.backward(new Tensor(random(rng, y.size()), y.shape())));
        update(crc, y.data());
        update(crc, dx.data());
        update(crc, conv.weight().grad().data());
        update(crc, bn.gamma().grad().data());
        // single images, whose columns are split among the threads: stride 1 (stacked path) and stride 2 (im2col)
        for (int stride : new int[] {1, 2}) {
            Conv2d single = new Conv2d("s" + stride, new ConvGeometry(32, 48, 3, stride, 1, 1, 1), true, true, rng);
            update(crc, single.forward(new Tensor(random(rng, 32 * 30 * 30), 1, 32, 30, 30), true).data());
        }
        return Long.toHexString(crc.getValue());
    }

    private static float[] random(Random rng, int size) {
        float[] d = new float[size];
        for (int i = 0; i < size; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return d;
    }

    private static void update(CRC32 crc, float[] values) {
        for (float v : values) {
            int bits = Float.floatToRawIntBits(v);
            crc.update(bits);
            crc.update(bits >>> 8);
            crc.update(bits >>> 16);
            crc.update(bits >>> 24);
        }
    }
}
