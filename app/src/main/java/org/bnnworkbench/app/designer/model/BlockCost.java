package org.bnnworkbench.app.designer.model;

import org.bnnworkbench.engine.spec.FeatureShape;

/** One block's output shape and cost: the sum over its primitive operations. */
public record BlockCost(FeatureShape output, long binaryParams, long fpParams, long flops, long bops) {

    public double ops() {
        return flops + bops / 64.0;
    }
}
