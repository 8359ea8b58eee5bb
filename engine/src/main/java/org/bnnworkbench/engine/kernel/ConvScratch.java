package org.bnnworkbench.engine.kernel;

/** Per-thread convolution buffers, shared by all layers (a thread runs one task at a time). */
final class ConvScratch {

    private static final ThreadLocal<ConvScratch> CURRENT = ThreadLocal.withInitial(ConvScratch::new);

    float[] input = new float[0];
    float[] output = new float[0];
    float[] gradient = new float[0];
    float[] gradientOutput = new float[0];

    static ConvScratch get() {
        return CURRENT.get();
    }

    static void release() {
        CURRENT.remove();
    }

    static float[] ensure(float[] buffer, long size) {
        return buffer.length < size ? new float[(int) size] : buffer;
    }
}
