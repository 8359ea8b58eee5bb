package org.bnnworkbench.engine.nn;

import java.util.List;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * A differentiable operation with one input. {@link #forward} keeps what {@link #backward} needs,
 * so calls must alternate forward, backward for one batch. {@link #backward} adds the parameter
 * gradients into {@link Param#grad()} and returns the gradient with respect to the input.
 */
public interface Layer {

    Tensor forward(Tensor input, boolean training);

    Tensor backward(Tensor gradOutput);

    /** Trainable parameters (weights, biases, BatchNorm scale and shift). */
    default List<Param> params() {
        return List.of();
    }

    /** Persistent non-trainable state saved in checkpoints, e.g. BatchNorm running statistics. */
    default List<float[]> state() {
        return List.of();
    }

    /** Drops what the last forward pass kept, to free memory after evaluation. */
    default void release() {
    }
}
