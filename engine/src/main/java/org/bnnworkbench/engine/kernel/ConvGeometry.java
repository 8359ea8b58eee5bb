package org.bnnworkbench.engine.kernel;

/**
 * The shape arithmetic of a 2-D convolution or pooling window: square kernel, stride, zero-based
 * symmetric padding, dilation and channel groups.
 */
public record ConvGeometry(int inChannels, int outChannels, int kernel, int stride, int padding,
                           int dilation, int groups) {

    public ConvGeometry {
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException("channels must be positive: in " + inChannels + ", out " + outChannels);
        }
        if (kernel <= 0 || stride <= 0 || dilation <= 0 || groups <= 0 || padding < 0) {
            throw new IllegalArgumentException("bad convolution: kernel " + kernel + ", stride " + stride
                    + ", padding " + padding + ", dilation " + dilation + ", groups " + groups);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide in channels " + inChannels
                    + " and out channels " + outChannels);
        }
    }

    public int outSize(int inSize) {
        int effective = dilation * (kernel - 1) + 1;
        // floor, not truncation: a kernel that does not fit must give <= 0, not 1
        return Math.floorDiv(inSize + 2 * padding - effective, stride) + 1;
    }

    public int inPerGroup() {
        return inChannels / groups;
    }

    public int outPerGroup() {
        return outChannels / groups;
    }

    /** Rows of the im2col matrix per group: in-channels per group x kernel x kernel. */
    public int patchSize() {
        return inPerGroup() * kernel * kernel;
    }

    public int weightCount() {
        return outChannels * patchSize();
    }
}
