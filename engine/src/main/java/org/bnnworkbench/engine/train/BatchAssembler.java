package org.bnnworkbench.engine.train;

import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.data.Normalization;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Copies images into a normalised batch tensor, with the training augmentations: a random crop
 * after padding by {@code cropPadding} pixels (padding reads 0, the normalised mean), and a random
 * horizontal flip. Random numbers come from the run's {@link Rng} in a fixed order, so runs repeat.
 */
final class BatchAssembler {

    private final LabelledImages images;
    private final Normalization norm;
    private final int cropPadding;
    private final boolean flip;
    private final float[] scratch;

    BatchAssembler(LabelledImages images, Normalization norm, int cropPadding, boolean flip) {
        this.images = images;
        this.norm = norm;
        this.cropPadding = cropPadding;
        this.flip = flip;
        this.scratch = new float[images.imageSize()];
    }

    /** The images order[from..to) as an N x C x H x W tensor; labels go into {@code labels}. */
    Tensor batch(int[] order, int from, int to, int[] labels, Rng augmentation) {
        int n = to - from;
        int c = images.channels();
        int h = images.height();
        int w = images.width();
        int size = images.imageSize();
        Tensor x = Tensor.zeros(n, c, h, w);
        float[] d = x.data();
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            labels[i] = images.label(index);
            if (augmentation == null || (cropPadding == 0 && !flip)) {
                images.copyNormalized(index, d, i * size, norm);
                continue;
            }
            int dy = cropPadding > 0 ? augmentation.nextInt(2 * cropPadding + 1) - cropPadding : 0;
            int dx = cropPadding > 0 ? augmentation.nextInt(2 * cropPadding + 1) - cropPadding : 0;
            boolean mirror = flip && augmentation.nextBoolean();
            images.copyNormalized(index, scratch, 0, norm);
            int base = i * size;
            for (int ch = 0; ch < c; ch++) {
                int plane = ch * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    if (sy < 0 || sy >= h) {
                        continue;
                    }
                    for (int xx = 0; xx < w; xx++) {
                        int sx = (mirror ? w - 1 - xx : xx) + dx;
                        if (sx >= 0 && sx < w) {
                            d[base + plane + y * w + xx] = scratch[plane + sy * w + sx];
                        }
                    }
                }
            }
        }
        return x;
    }
}
