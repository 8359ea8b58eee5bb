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
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.stride() + dy;
                        int row = dst + oy * ow;
                        if (iy < 0 || iy >= height) {
                            java.util.Arrays.fill(cols, row, row + ow, padValue);
                            continue;
                        }
                        int srcRow = src + iy * width;
                        if (g.stride() == 1) {
                            int lo = Math.max(0, -dx);
                            int hi = Math.min(ow, width - dx);
                            for (int ox = 0; ox < Math.min(lo, ow); ox++) {
                                cols[row + ox] = padValue;
                            }
                            if (hi > lo) {
                                System.arraycopy(x, srcRow + lo + dx, cols, row + lo, hi - lo);
                            }
                            for (int ox = Math.max(hi, lo); ox < ow; ox++) {
                                cols[row + ox] = padValue;
                            }
                        } else {
                            for (int ox = 0; ox < ow; ox++) {
                                int ix = ox * g.stride() + dx;
                                cols[row + ox] = ix < 0 || ix >= width ? padValue : x[srcRow + ix];
                            }
                        }
                    }
                }
            }
        });
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
                        for (int i = 0; i < count; i++) {
                            int dst = ((first + i) * channels + c) * height * width;
                            int src = r * columns + i * plane;
                            for (int oy = 0; oy < oh; oy++) {
                                int iy = oy * g.stride() + dy;
                                if (iy < 0 || iy >= height) {
                                    continue;
                                }
                                int dstRow = dst + iy * width;
                                int srcRow = src + oy * ow;
                                for (int ox = 0; ox < ow; ox++) {
                                    int ix = ox * g.stride() + dxo;
                                    if (ix >= 0 && ix < width) {
                                        dx[dstRow + ix] += cols[srcRow + ox];
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
