package org.bnnworkbench.engine.kernel.binary;

import org.bnnworkbench.engine.kernel.ConvGeometry;
import org.bnnworkbench.engine.kernel.Parallel;

/**
 * Binary convolution on bit-packed feature maps: {@code y = scale[o] * (K - 2 * popcount(patch XOR w))},
 * exactly the ±1 dot products (integers) that the float convolution of sign(x) and sign(W) computes, with
 * any stride, dilation, groups and square kernel. Each task takes one image and a block of output pixels,
 * gathers their patches into an {@link XnorGemm} panel word by word (the packed im2col: a kernel tap of
 * a pixel is a run of consecutive words) and counts against all weight rows of each group.
 *
 * <p>Padding is exact for both values a binary layer may pad with. A -1 pad is just a pad word with the
 * bits of the real channels set. A 0 pad cannot be a bit: pad words read +1 (bits 0) and every output
 * position on the border then subtracts, per output channel, the weight sums of the taps that fell into
 * the padding ({@link PackedWeights#tapSums}), as LCE's zero-padding correction does.
 */
public final class BinaryConvKernel {

    private final ConvGeometry g;
    private final boolean zeroPad;

    /** @param padValue -1 or 0, the value the padding reads */
    public BinaryConvKernel(ConvGeometry geometry, float padValue) {
        if (padValue != -1f && padValue != 0f) {
            throw new IllegalArgumentException("binary conv padding must be -1 or 0, got " + padValue);
        }
        this.g = geometry;
        this.zeroPad = padValue == 0f;
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** Frees the calling thread's buffers. */
    public static void release() {
        XnorGemm.Scratch.release();
    }

    /**
     * out[n][cout][oh][ow] from packed input {@code x} ([n][h][w][groups][words(cin / groups)], see
     * {@link BitPack}); {@code scale} (per output channel) may be null for 1.
     */
    public void forward(long[] x, int n, int h, int w, PackedWeights weights, float[] scale, float[] out) {
        int oh = g.outSize(h);
        int ow = g.outSize(w);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("input " + h + "x" + w + " is smaller than the kernel of " + g);
        }
        int plane = oh * ow;
        int kw = weights.rowWords();
        int block = XnorGemm.balancedBlock(plane, n, kw);
        int blocks = (plane + block - 1) / block;
        Parallel.forEachIndex(n * blocks, task -> {
            int i = task / blocks;
            int first = (task % blocks) * block;
            int pixels = Math.min(block, plane - first);
            convolveBlock(x, i, h, w, ow, plane, first, pixels, kw, weights, scale, out);
        });
    }

    private void convolveBlock(long[] x, int i, int h, int w, int ow, int plane, int first, int pixels, int kw,
                               PackedWeights weights, float[] scale, float[] out) {
        int k = g.kernel();
        int taps = k * k;
        int cg = g.inPerGroup();
        int wpg = BitPack.words(cg);
        int wpp = g.groups() * wpg;
        int cog = g.outPerGroup();
        int cout = g.outChannels();
        int kBits = taps * cg;
        int s = g.stride();
        int d = g.dilation();
        int pad = g.padding();
        int panelSize = XnorGemm.panelSize(pixels, kw);
        XnorGemm.Scratch scratch = XnorGemm.Scratch.get(panelSize, cog * pixels);
        long[] panel = scratch.panel;
        int[] counts = scratch.counts;
        int[] tapSums = weights.tapSums();
        long[] padWords = new long[wpg];
        for (int q = 0; q < wpg; q++) {
            padWords[q] = zeroPad ? 0L : BitPack.minusOnes(Math.min(64, cg - 64 * q));
        }
        int imageBase = i * h * w * wpp;
        for (int gi = 0; gi < g.groups(); gi++) {
            // the packed im2col of this block: words of every tap of every pixel, XnorGemm.PIXELS pixels interleaved
            java.util.Arrays.fill(panel, pixels / XnorGemm.PIXELS * XnorGemm.PIXELS * kw, panelSize, 0L);
            for (int pp = 0; pp < pixels; pp++) {
                int p = first + pp;
                int oy = p / ow;
                int ox = p % ow;
                int dst = (pp / XnorGemm.PIXELS) * kw * XnorGemm.PIXELS + pp % XnorGemm.PIXELS;
                for (int ky = 0; ky < k; ky++) {
                    int iy = oy * s - pad + ky * d;
                    for (int kx = 0; kx < k; kx++) {
                        int ix = ox * s - pad + kx * d;
                        int j = (ky * k + kx) * wpg;
                        if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                            int src = imageBase + (iy * w + ix) * wpp + gi * wpg;
                            for (int q = 0; q < wpg; q++) {
                                panel[dst + (j + q) * XnorGemm.PIXELS] = x[src + q];
                            }
                        } else {
                            for (int q = 0; q < wpg; q++) {
                                panel[dst + (j + q) * XnorGemm.PIXELS] = padWords[q];
                            }
                        }
                    }
                }
            }
            XnorGemm.popcounts(weights.bits(), gi * cog * kw, cog, kw, panel, pixels, counts, 0, pixels);
            for (int c = 0; c < cog * pixels; c++) {
                counts[c] = kBits - 2 * counts[c];
            }
            if (zeroPad && pad > 0) {
                correctZeroPadding(h, w, ow, first, pixels, gi, tapSums, counts);
            }
            for (int o = 0; o < cog; o++) {
                int co = gi * cog + o;
                int dst = (i * cout + co) * plane + first;
                int src = o * pixels;
                if (scale == null) {
                    for (int pp = 0; pp < pixels; pp++) {
                        out[dst + pp] = counts[src + pp];
                    }
                } else {
                    float a = scale[co];
                    for (int pp = 0; pp < pixels; pp++) {
                        out[dst + pp] = a * counts[src + pp];
                    }
                }
            }
        }
    }

    /**
     * Takes the weight sums of the taps that fell into the padding off the dot products of the border
     * positions (values[o * pixels + pp] of group gi).
     */
    private void correctZeroPadding(int h, int w, int ow, int first, int pixels, int gi, int[] tapSums,
                                    int[] values) {
        int k = g.kernel();
        int taps = k * k;
        int cog = g.outPerGroup();
        int s = g.stride();
        int d = g.dilation();
        int pad = g.padding();
        int reach = d * (k - 1);
        for (int pp = 0; pp < pixels; pp++) {
            int p = first + pp;
            int y0 = (p / ow) * s - pad;
            int x0 = (p % ow) * s - pad;
            if (y0 >= 0 && x0 >= 0 && y0 + reach < h && x0 + reach < w) {
                continue;
            }
            for (int o = 0; o < cog; o++) {
                int row = (gi * cog + o) * taps;
                int correction = 0;
                for (int ky = 0; ky < k; ky++) {
                    int iy = y0 + ky * d;
                    for (int kx = 0; kx < k; kx++) {
                        int ix = x0 + kx * d;
                        if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                            correction += tapSums[row + ky * k + kx];
                        }
                    }
                }
                values[o * pixels + pp] -= correction;
            }
        }
    }
}
