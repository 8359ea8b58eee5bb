package org.bnnworkbench.engine.kernel;

/**
 * The matrix {@link Im2col#im2col} would build for the input channels of one group, without
 * building it: row {@code (c * k + ky) * k + kx} (c counted within the group), column
 * {@code i * OH * OW + oy * OW + ox} for images [first, first + count); positions outside the image
 * read the pad value. The GEMM packs its panels straight from the image, so the unfolded matrix
 * (k * k times the input) is never written out and read back.
 */
public final class Im2colView {

    private static final int NR = VectorGemm.NR;

    private final float[] x;
    private final float padValue;
    private final int height;
    private final int width;
    private final int stride;
    private final int oh;
    private final int ow;
    private final int rows;
    private final int columns;
    private final int imageSize;
    private final int imageBase;
    /** Per row: the channel's offset in an image, the window offsets, the valid ox range [lo, hi). */
    private final int[] rowChannel;
    private final int[] rowDy;
    private final int[] rowDx;
    private final int[] rowLo;
    private final int[] rowHi;

    /**
     * @param channels all input channels of x (the view takes those of {@code group})
     */
    public Im2colView(float[] x, int channels, int height, int width, int first, int count,
                      ConvGeometry g, float padValue, int group) {
        int k = g.kernel();
        this.x = x;
        this.padValue = padValue;
        this.height = height;
        this.width = width;
        this.stride = g.stride();
        this.oh = g.outSize(height);
        this.ow = g.outSize(width);
        this.rows = g.patchSize();
        this.columns = count * oh * ow;
        this.imageSize = channels * height * width;
        this.imageBase = first * imageSize;
        rowChannel = new int[rows];
        rowDy = new int[rows];
        rowDx = new int[rows];
        rowLo = new int[rows];
        rowHi = new int[rows];
        for (int r = 0; r < rows; r++) {
            int c = group * g.inPerGroup() + r / (k * k);
            int dx = (r % k) * g.dilation() - g.padding();
            rowChannel[r] = c * height * width;
            rowDy[r] = ((r / k) % k) * g.dilation() - g.padding();
            rowDx[r] = dx;
            rowLo[r] = Im2col.firstInside(dx, stride, ow);
            rowHi[r] = Math.max(rowLo[r], Im2col.firstInside(dx - width, stride, ow));
        }
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The whole matrix, rows x columns row-major (what {@link Im2col#im2col} writes for this group). */
    public float[] materialize() {
        float[] dst = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            row(r, 0, columns, dst, r * columns, 1);
        }
        return dst;
    }

    /** Panels of NR columns of this matrix: rows pc .. pc+kc, columns jc .. jc+nc (the GEMM's B). */
    void packPanels(int pc, int kc, int jc, int nc, float[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int panel = (jr / NR) * NR * kc;
            int cols = Math.min(NR, nc - jr);
            for (int p = 0; p < kc; p++) {
                int d = panel + p * NR;
                row(pc + p, jc + jr, cols, dst, d, 1);
                for (int j = cols; j < NR; j++) {
                    dst[d + j] = 0f;
                }
            }
        }
    }

    /**
     * Panels of NR columns of the transpose: its rows pc .. pc+kc are columns of this matrix, its
     * columns jc .. jc+nc rows of this one (the B of the weight gradient, dY * cols^T).
     */
    void packTransposedPanels(int pc, int kc, int jc, int nc, float[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int panel = (jr / NR) * NR * kc;
            int cols = Math.min(NR, nc - jr);
            for (int j = 0; j < NR; j++) {
                if (j < cols) {
                    row(jc + jr + j, pc, kc, dst, panel + j, NR);
                } else {
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    /** Writes row r, columns col .. col+len, to dst[d], dst[d + step], ... */
    private void row(int r, int col, int len, float[] dst, int d, int step) {
        int plane = oh * ow;
        int i = col / plane;
        int rem = col - i * plane;
        int oy = rem / ow;
        int ox = rem - oy * ow;
        int dy = rowDy[r];
        int lo = rowLo[r];
        int hi = rowHi[r];
        int channelBase = imageBase + rowChannel[r] + rowDx[r];
        int left = len;
        while (left > 0) {
            // one run of output positions in the same image row
            int run = Math.min(ow - ox, left);
            int end = ox + run;
            int iy = oy * stride + dy;
            if (iy < 0 || iy >= height) {
                for (int t = 0; t < run; t++) {
                    dst[d + t * step] = padValue;
                }
            } else {
                int src = channelBase + i * imageSize + iy * width;
                int a = Math.min(Math.max(lo, ox), end);
                int b = Math.max(a, Math.min(hi, end));
                int o = d - ox * step;
                for (int t = ox; t < a; t++) {
                    dst[o + t * step] = padValue;
                }
                if (step == 1 && stride == 1) {
                    for (int t = a; t < b; t++) {
                        dst[o + t] = x[src + t];
                    }
                } else {
                    for (int t = a; t < b; t++) {
                        dst[o + t * step] = x[src + t * stride];
                    }
                }
                for (int t = b; t < end; t++) {
                    dst[o + t * step] = padValue;
                }
            }
            d += run * step;
            left -= run;
            ox = end;
            if (ox == ow) {
                ox = 0;
                if (++oy == oh) {
                    oy = 0;
                    i++;
                }
            }
        }
    }
}
