package org.bnnworkbench.engine.spec;

/** The image a network takes: height x width x channels, written {@code 28x28x1}. */
public record InputShape(int height, int width, int channels) {

    public InputShape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new SpecException(null, "input shape must be positive, got " + height + "x" + width + "x" + channels);
        }
    }

    public static InputShape parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 3) {
            throw new SpecException(null, "input shape '" + text + "' must be HxWxC, e.g. 28x28x1");
        }
        try {
            return new InputShape(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new SpecException(null, "input shape '" + text + "' must be HxWxC with whole numbers, e.g. 32x32x3");
        }
    }

    public FeatureShape asFeatures() {
        return new FeatureShape(channels, height, width);
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
