package org.bnnworkbench.engine.reference;

import java.util.Random;
import org.bnnworkbench.engine.tensor.Tensor;

/** Random test inputs, including ones kept away from the kinks of piecewise functions. */
public final class RandomTensors {

    private RandomTensors() {
    }

    public static Tensor gaussian(Random rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return t;
    }

    public static Tensor uniform(Random rng, float lo, float hi, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * rng.nextFloat();
        }
        return t;
    }

    /** Uniform in [lo, hi] but at least {@code margin} away from every kink. */
    public static Tensor awayFrom(Random rng, float lo, float hi, double margin, double[] kinks, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            float v;
            do {
                v = lo + (hi - lo) * rng.nextFloat();
            } while (near(v, kinks, margin));
            d[i] = v;
        }
        return t;
    }

    private static boolean near(double v, double[] kinks, double margin) {
        for (double k : kinks) {
            if (Math.abs(v - k) < margin) {
                return true;
            }
        }
        return false;
    }

    /** Values {@code spacing} apart in random order: no ties and no near-ties within a window. */
    public static Tensor distinct(Random rng, double spacing, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) ((i - d.length / 2.0) * spacing);
        }
        for (int i = d.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return t;
    }

    /** Values in {-1, +1}, as a binary convolution receives them. */
    public static Tensor binary(Random rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextBoolean() ? 1f : -1f;
        }
        return t;
    }

    /** Copies values into a parameter or tensor array. */
    public static void fill(float[] target, Tensor source) {
        System.arraycopy(source.data(), 0, target, 0, target.length);
    }
}
