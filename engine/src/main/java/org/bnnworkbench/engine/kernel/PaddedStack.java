package org.bnnworkbench.engine.kernel;

/**
 * Images of one chunk laid out for a stride-1 convolution without im2col: per channel, the images
 * are stacked into one tall picture whose rows have pitch {@code W + p} (p pad columns that serve
 * as the right border of a row and the left border of the next) and whose images are separated by
 * p pad rows (bottom border of one image, top border of the next). On this layout the input value
 * under kernel tap (ky, kx) of output position j is {@code data[channelBase + ky*d*pitch + kx*d + j]}:
 * every row of the unfolded matrix is the same array shifted by a constant, so GEMM panels are
 * plain copies ({@link ShiftView}). Output positions are indexed on the same grid,
 * {@code j = (i * (H + p) + oy) * pitch + ox}; positions with ox >= OW or oy >= OH are junk that the
 * caller drops. Needs stride 1 and p <= d * (k - 1) (so that OW <= pitch).
 */
final class PaddedStack {

    final int count;
    final int height;
    final int width;
    final int pad;
    final int pitch;
    final int outHeight;
    final int outWidth;
    /** Floats per channel, with slack so that junk positions read inside the channel. */
    final int channelStride;
    /** Output grid positions (junk included) of the whole chunk. */
    final int columns;

    PaddedStack(int count, int height, int width, ConvGeometry g) {
        int reach = g.dilation() * (g.kernel() - 1);
        this.count = count;
        this.height = height;
        this.width = width;
        this.pad = g.padding();
        this.pitch = width + pad;
        this.outHeight = height + 2 * pad - reach;
        this.outWidth = width + 2 * pad - reach;
        this.columns = ((count - 1) * (height + pad) + outHeight) * pitch;
        this.channelStride = (count * (height + pad) + pad) * pitch + reach;
    }

    /** Whether a convolution can run on this layout. */
    static boolean fits(ConvGeometry g) {
        return g.stride() == 1 && g.padding() <= g.dilation() * (g.kernel() - 1);
    }

    /** Grid position of output (i, oy, ox). */
    int position(int i, int oy, int ox) {
        return (i * (height + pad) + oy) * pitch + ox;
    }

    /** Offset of input (c, i, y, x) in the stacked layout; x, y may be -pad for the border. */
    int index(int c, int i, int y, int x) {
        return c * channelStride + (pad + i * (height + pad) + y) * pitch + pad + x;
    }

    /**
     * Lays out channels [c0, c0 + channels) of images [first, first + count) of an NCHW tensor with
     * {@code totalChannels} channels into dst; every other float of the region reads padValue.
     */
    void fill(float[] x, int totalChannels, int first, int c0, int channels, float padValue, float[] dst) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int base = c * channelStride;
            java.util.Arrays.fill(dst, base, base + channelStride, padValue);
            for (int i = 0; i < count; i++) {
                int src = ((first + i) * totalChannels + c0 + c) * plane;
                int d = index(c, i, 0, 0);
                for (int y = 0; y < height; y++) {
                    System.arraycopy(x, src + y * width, dst, d + y * pitch, width);
                }
            }
        }
    }

    /** The row offsets of the unfolded matrix (row (c * k + ky) * k + kx) for channels [0, channels). */
    int[] offsets(int channels, ConvGeometry g) {
        int k = g.kernel();
        int d = g.dilation();
        int[] off = new int[channels * k * k];
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    off[(c * k + ky) * k + kx] = c * channelStride + ky * d * pitch + kx * d;
                }
            }
        }
        return off;
    }
}
