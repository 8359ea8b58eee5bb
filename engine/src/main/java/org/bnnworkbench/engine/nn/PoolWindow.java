package org.bnnworkbench.engine.nn;

/** Checks of pooling window parameters, shared by the pooling layers. */
final class PoolWindow {

    private PoolWindow() {
    }

    static void check(int kernel, int stride, int padding) {
        if (kernel <= 0 || stride <= 0 || padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException("bad pooling window: kernel " + kernel + ", stride " + stride
                    + ", padding " + padding + " (need kernel, stride > 0 and 0 <= padding < kernel)");
        }
    }
}
