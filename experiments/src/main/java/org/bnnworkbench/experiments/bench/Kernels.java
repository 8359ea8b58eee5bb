package org.bnnworkbench.experiments.bench;

/**
 * The names in the {@code kernel} field of a {@link Measurement}. The list is open (issue #7 added the binary
 * XNOR-popcount kernels to the same report), so readers must not reject a name they do not know.
 */
public final class Kernels {

    /** {@code Gemm.sgemm}: the Vector API kernel when the JVM has the module, else the plain-Java one. */
    public static final String FLOAT_GEMM = "float-gemm";
    /** {@code Gemm.sgemmScalar}: the plain-Java kernel, whatever the JVM offers. */
    public static final String FLOAT_GEMM_SCALAR = "float-gemm-scalar";
    /** {@code ConvKernel.forward}: im2col, GEMM and the copy into NCHW. */
    public static final String FLOAT_CONV2D = "float-conv2d";
    /** {@code ConvKernel.backward}: the weight gradient and the input gradient (two GEMMs and col2im). */
    public static final String FLOAT_CONV2D_BACKWARD = "float-conv2d-backward";
    /** {@code XnorGemm.multiply}: bit-packed rows, K - 2 popcount(w XOR a); K counts bits. */
    public static final String BINARY_GEMM = "binary-gemm";
    /** {@code BinaryConvKernel.forward}: packed input, the packed im2col and the XNOR-popcount GEMM. */
    public static final String BINARY_CONV2D = "binary-conv2d";
    /** {@code numpy.matmul} on float32, i.e. the BLAS numpy was built with (OpenBLAS in the wheels). */
    public static final String NUMPY_SGEMM = "numpy-sgemm";

    private Kernels() {
    }
}
