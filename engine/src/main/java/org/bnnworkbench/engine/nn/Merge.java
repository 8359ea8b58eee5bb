package org.bnnworkbench.engine.nn;

import java.util.List;
import org.bnnworkbench.engine.tensor.Tensor;

/** A differentiable operation that combines several feature maps (concat, add, add-into-slice). */
public interface Merge {

    Tensor forward(List<Tensor> inputs);

    /** Gradients for each input, in input order. */
    List<Tensor> backward(Tensor gradOutput);
}
