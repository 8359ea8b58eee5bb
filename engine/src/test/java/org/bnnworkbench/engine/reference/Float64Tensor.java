package org.bnnworkbench.engine.reference;

import java.util.Arrays;
import org.bnnworkbench.engine.tensor.Tensor;

/** A double-precision tensor for the reference implementations: row-major values and their shape. */
public record Float64Tensor(double[] data, int[] shape) {

    public Float64Tensor {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
    }

    public static Float64Tensor zeros(int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return new Float64Tensor(new double[(int) size], shape.clone());
    }

    /** The exact double values of a float tensor. */
    public static Float64Tensor of(Tensor t) {
        return new Float64Tensor(toDouble(t.data()), t.shape());
    }

    public static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    /** The same shape with other values. */
    public Float64Tensor with(double[] values) {
        return new Float64Tensor(values, shape);
    }

    public int n() {
        return shape[0];
    }

    public int c() {
        return shape[1];
    }

    public int h() {
        return shape[2];
    }

    public int w() {
        return shape[3];
    }

    public int size() {
        return data.length;
    }

    /** Values per sample. */
    public int sampleSize() {
        return data.length / shape[0];
    }

    public int index(int n, int c, int y, int x) {
        return ((n * shape[1] + c) * shape[2] + y) * shape[3] + x;
    }

    public double at(int n, int c, int y, int x) {
        return data[index(n, c, y, x)];
    }

    /** The value at (y, x), or {@code outside} when the position is beyond the image. */
    public double atOrPad(int n, int c, int y, int x, double outside) {
        if (y < 0 || y >= shape[2] || x < 0 || x >= shape[3]) {
            return outside;
        }
        return at(n, c, y, x);
    }
}
