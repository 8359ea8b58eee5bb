package org.bnnworkbench.engine.spec;

import java.util.List;

/**
 * One block of a network spec: a named node of the DAG over feature maps. A block reads the
 * feature maps of its inputs (block ids, or {@value NetworkSpec#INPUT} for the image) and produces
 * one feature map. It knows nothing of weights: {@link #expand} lists the primitive operations it
 * stands for, with shapes, and everything else (shape inference, validation, cost, compilation)
 * reads that list.
 */
public sealed interface Block permits StemBlock, ConvBlock, BinaryConvBlock, DenseBlock, ImprovementBlock,
        ShortcutBlock, TransitionBlock, PoolBlock, NormBlock, ClassifierBlock {

    String id();

    List<String> inputs();

    /** The kind as written in spec files, e.g. {@code dense}. */
    String kind();

    /** The primitive operations, last one producing the block's output; validates shapes. */
    List<OpNode> expand(List<FeatureShape> inputShapes, Precision precision);

    /** The same block reading other inputs (used when the designer rewires). */
    Block withInputs(List<String> inputs);

    default FeatureShape outputShape(List<FeatureShape> inputShapes, Precision precision) {
        List<OpNode> ops = expand(inputShapes, precision);
        return ops.get(ops.size() - 1).output();
    }

    /**
     * Checks shared by all blocks: a usable id and the expected number of inputs. An empty input
     * reference means "not connected yet" (a block just placed in the designer); it makes the spec
     * invalid, and {@link NetworkSpec#problems()} says so.
     */
    static void check(String id, List<String> inputs, int expectedInputs) {
        if (id == null || id.isBlank()) {
            throw new SpecException(null, "a block needs a non-empty id");
        }
        if (id.equals(NetworkSpec.INPUT)) {
            throw new SpecException(id, "'" + NetworkSpec.INPUT + "' is reserved for the image");
        }
        if (inputs == null || inputs.size() != expectedInputs) {
            throw new SpecException(id, "needs " + expectedInputs + " input" + (expectedInputs == 1 ? "" : "s")
                    + ", has " + (inputs == null ? 0 : inputs.size()));
        }
        for (String in : inputs) {
            if (in == null) {
                throw new SpecException(id, "has a missing input reference (use \"\" for an unconnected input)");
            }
        }
    }

    static void positive(String id, String what, int value) {
        if (value <= 0) {
            throw new SpecException(id, what + " must be positive, got " + value);
        }
    }
}
