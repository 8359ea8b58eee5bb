package org.bnnworkbench.engine.kernel;

/**
 * Images of one chunk laid out for a stride-1 convolution without im2col: per channel, the images
 * sit side by side in one wide picture, each row holding p pad columns then image 0's row, p pad
 * columns then image 1's row, and so on; the pad columns before an image are also the right border
 * of the image before it (and of the previous row, for image 0). p pad rows lie above and below.
 * On this layout the input value under kernel tap (ky, kx) of output position j is
 * {@code data[channelBase + ky*d*pitch + kx*d + j]}: every row of the unfolded matrix is the same
 * array shifted by a constant, so GEMM panels are plain copies ({@link ShiftView}). Output
 * positions are indexed on the same grid, {@code j = oy * pitch + i * (W + p) + ox}; positions with
 * ox >= OW are junk that the caller drops (one column in W + p for "same" padding; a tall stack of
 * images would add junk rows between images too). Needs stride 1 and p <= d * (k - 1), so that
 * OW <= W + p.
 */
final class PaddedStack {

    final int count;
    final int height;
    final int width;
    final int pad;
    /** Columns taken by one image and the pad columns before it. */
    final int slot;
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
        this.slot = width + pad;
        this.pitch = count * slot;
        this.outHeight = height + 2 * pad - reach;
        this.outWidth = width + 2 * pad - reach;
        this.columns = outHeight * pitch;
        this.channelStride = (height + 2 * pad) * pitch + reach + pad;
    }

    /** Whether a convolution can run on this layout. */
    static boolean fits(ConvGeometry g) {
        return g.stride() == 1 && g.padding() <= g.dilation() * (g.kernel() - 1);
    }

    /** Grid position of output (i, oy, ox). */
    int position(int i, int oy, int ox) {
        return oy * pitch + i * slot + ox;
    }

    /** Offset of input (c, i, y, x) in the layout; x, y may be -pad for the border. */
    int index(int c, int i, int y, int x) {
        return c * channelStride + (pad + y) * pitch + i * slot + pad + x;
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
