package org.bnnworkbench.experiments.bench;

/**
 * One row of the benchmark: a kernel on the GEMM shape M x K times K x N, and the median time of one call.
 * A convolution is given as its equivalent GEMM: M = output channels, K = input channels x kernel x kernel,
 * N = batch x output height x output width.
 *
 * @param kernel one of {@link Kernels}, or a name added later (the list is open)
 * @param seconds median time of one call
 * @param effectiveGflops the arithmetic the call stands for, 2MKN per GEMM, divided by {@code seconds}; a
 *     convolution backward pass does two GEMMs of the same size (weight and input gradient), so 4MKN
 * @param repeats how many timed calls the median was taken over
 * @param warmupCalls how many calls ran before, until the timings settled
 * @param label what was measured, in words (e.g. the convolution layer and batch size)
 */
public record Measurement(String kernel, int m, int k, int n, double seconds, double effectiveGflops,
                          int repeats, int warmupCalls, String label) {

    public GemmShape shape() {
        return new GemmShape(m, k, n);
    }
}
