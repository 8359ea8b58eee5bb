package org.bnnworkbench.engine.spec;

/**
 * One primitive operation inside a block's expansion, with its output shape. Inputs index the
 * expansion: {@code i >= 0} is the i-th op of the same block, {@code -1 - k} is the block's k-th
 * input feature map.
 */
public record OpNode(String name, Op op, int[] inputs, FeatureShape output) {

    public static int blockInput(int k) {
        return -1 - k;
    }
}
