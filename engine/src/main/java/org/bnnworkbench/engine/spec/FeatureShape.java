package org.bnnworkbench.engine.spec;

/** The shape of one sample's feature map: channels x height x width (1 x 1 for vectors). */
public record FeatureShape(int channels, int height, int width) {

    public long size() {
        return (long) channels * height * width;
    }

    public boolean sameResolution(FeatureShape other) {
        return height == other.height && width == other.width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
