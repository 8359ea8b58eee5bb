package org.bnnworkbench.engine.tensor;

import java.util.Arrays;

/**
 * A dense float tensor in row-major order. Feature maps are NCHW (batch, channels, height, width);
 * matrices and class scores are (N, features).
 *
 * <p>The data array is exposed on purpose: kernels work on it directly, and copying would cost more
 * than the arithmetic in most layers.
 */
public final class Tensor {

    private final int[] shape;
    private final float[] data;

    public Tensor(float[] data, int... shape) {
        long size = sizeOf(shape);
        if (size != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + size + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static Tensor zeros(int... shape) {
        long size = sizeOf(shape);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        }
        return new Tensor(new float[(int) size], shape);
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape);
    }

    private static long sizeOf(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one dimension");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            size *= d;
        }
        return size;
    }

    public float[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** Batch size: the first dimension. */
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

    /** Values per sample (everything but the first dimension). */
    public int sampleSize() {
        return data.length / shape[0];
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    /** Same data, another shape with the same number of values. */
    public Tensor reshape(int... newShape) {
        return new Tensor(data, newShape);
    }

    public String shapeString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Tensor[" + shapeString() + "]";
    }
}
