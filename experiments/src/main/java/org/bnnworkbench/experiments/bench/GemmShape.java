package org.bnnworkbench.experiments.bench;

/** A matrix product of an M x K and a K x N matrix; {@link #flops()} counts a multiply-add as two. */
public record GemmShape(int m, int k, int n) {

    public GemmShape {
        if (m <= 0 || k <= 0 || n <= 0) {
            throw new IllegalArgumentException("GEMM dimensions must be positive: " + m + " x " + k + " x " + n);
        }
    }

    public double flops() {
        return 2.0 * m * k * n;
    }

    @Override
    public String toString() {
        return m + "x" + k + "x" + n;
    }
}
