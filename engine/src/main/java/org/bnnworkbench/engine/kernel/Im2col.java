package org.bnnworkbench.engine.kernel;

/**
 * Unfolds image patches into the columns of a matrix so that a convolution becomes one GEMM
 * (Chellapilla et al. 2006), and folds column gradients back.
 *
 * <p>Layout for a chunk of {@code count} images starting at image {@code first}: row
 * {@code (c * k + ky) * k + kx}, column {@code i * OH * OW + oy * OW + ox}. Positions outside the
 * image read {@code padValue}: 0 for float convolutions, -1 for binary ones as in BMXNet 2, where
 * a padded binary input must still be a valid +-1 value.
 */
public final class Im2col {

    private Im2col() {
    }

    public static void im2col(float[] x, int channels, int height, int width, int first, int count,
                              ConvGeometry g, float padValue, float[] cols) {
        int k = g.kernel();
        int oh = g.outSize(height);
        int ow = g.outSize(width);
        int plane = oh * ow;
        int columns = count * plane;
        int rows = channels * k * k;
        Parallel.forRange(rows, 8, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int c = r / (k * k);
                int ky = (r / k) % k;
                int kx = r % k;
                int dy = ky * g.dilation() - g.padding();
                int dx = kx * g.dilation() - g.padding();
                for (int i = 0; i < count; i++) {
                    int src = ((first + i) * channels + c) * height * width;
                    int dst = r * columns + i * plane;
                    int stride = g.stride();
                    // output columns whose input column lies inside the image: [lo, hi)
                    int lo = firstInside(dx, stride, ow);
                    int hi = Math.max(lo, firstInside(dx - width, stride, ow));
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride + dy;
                        int row = dst + oy * ow;
                        if (iy < 0 || iy >= height) {
                            java.util.Arrays.fill(cols, row, row + ow, padValue);
                            continue;
                        }
                        int srcRow = src + iy * width + dx;
                        java.util.Arrays.fill(cols, row, row + lo, padValue);
                        if (stride == 1) {
                            System.arraycopy(x, srcRow + lo, cols, row + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                cols[row + ox] = x[srcRow + ox * stride];
                            }
                        }
                        java.util.Arrays.fill(cols, row + hi, row + ow, padValue);
                    }
                }
            }
        });
    }

    /**
     * The first output index ox in [0, limit] with ox * stride + offset >= 0: where a window
     * starting {@code offset} columns from the image edge enters the image.
     */
    static int firstInside(int offset, int stride, int limit) {
        if (offset >= 0) {
            return 0;
        }
        return Math.min(limit, (-offset + stride - 1) / stride);
    }

    /** Adds the column gradients into dx (the transpose of {@link #im2col}); padding gets nothing. */
    public static void col2im(float[] cols, int channels, int height, int width, int first, int count,
                              ConvGeometry g, float[] dx) {
        int k = g.kernel();
        int oh = g.outSize(height);
        int ow = g.outSize(width);
        int plane = oh * ow;
        int columns = count * plane;
        // each thread owns whole input channels, so no two threads write the same dx value
        Parallel.forRange(channels, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int r = (c * k + ky) * k + kx;
                        int dy = ky * g.dilation() - g.padding();
                        int dxo = kx * g.dilation() - g.padding();
                        int stride = g.stride();
                        int lo = firstInside(dxo, stride, ow);
                        int hi = Math.max(lo, firstInside(dxo - width, stride, ow));
                        for (int i = 0; i < count; i++) {
                            int dst = ((first + i) * channels + c) * height * width;
                            int src = r * columns + i * plane;
                            for (int oy = 0; oy < oh; oy++) {
                                int iy = oy * stride + dy;
                                if (iy < 0 || iy >= height) {
                                    continue;
                                }
                                int dstRow = dst + iy * width + dxo;
                                int srcRow = src + oy * ow;
                                if (stride == 1) {
                                    for (int ox = lo; ox < hi; ox++) {
                                        dx[dstRow + ox] += cols[srcRow + ox];
                                    }
                                } else {
                                    for (int ox = lo; ox < hi; ox++) {
                                        dx[dstRow + ox * stride] += cols[srcRow + ox];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
    }
}
