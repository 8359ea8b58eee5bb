package org.bnnworkbench.app.designer.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.LayerCost;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecAnalysis;
import org.bnnworkbench.engine.spec.SpecException;

/**
 * Everything the designer shows about a design, computed off the FX thread: the problems, each
 * block's shape and cost, the totals (BMXNet convention), and the same design's cost at ImageNet
 * scale (224x224x3, 1000 classes) with where that sits among the published networks.
 */
public record DesignAnalysis(long revision, List<SpecException> problems, Map<String, BlockCost> blocks,
                             NetworkCost total, NetworkCost imagenet, String comparison) {

    public boolean valid() {
        return problems.isEmpty();
    }

    public static DesignAnalysis of(long revision, Design design, PublishedComparison published) {
        NetworkSpec spec = design.spec();
        SpecAnalysis analysis = spec.analyze();
        NetworkCost cost = CostModel.of(analysis.resolved(), CostConvention.BMXNET);
        Map<String, BlockCost> blocks = perBlock(analysis, cost);
        NetworkCost imagenet = null;
        String comparison = "";
        if (analysis.valid()) {
            try {
                NetworkSpec scaled = atImageNetScale(spec);
                imagenet = CostModel.of(scaled, CostConvention.BMXNET);
                comparison = published.describe(imagenet, scaled.equals(spec));
            } catch (SpecException e) {
                comparison = "does not scale to 224x224x3: " + e.getMessage();
            }
        }
        return new DesignAnalysis(revision, analysis.problems(), blocks, cost, imagenet, comparison);
    }

    /** The same blocks on a 224x224x3 image with 1000 classes, as the published tables count them. */
    public static NetworkSpec atImageNetScale(NetworkSpec spec) {
        List<Block> blocks = spec.blocks().stream()
                .map(b -> b instanceof ClassifierBlock c ? (Block) new ClassifierBlock(c.id(), c.inputs(), 1000, c.norm(), c.relu()) : b)
                .toList();
        return new NetworkSpec(spec.name(), new InputShape(224, 224, 3), spec.precision(), blocks);
    }

    private static Map<String, BlockCost> perBlock(SpecAnalysis analysis, NetworkCost cost) {
        Map<String, long[]> sums = new HashMap<>();
        for (LayerCost l : cost.layers()) {
            long[] s = sums.computeIfAbsent(l.block(), k -> new long[4]);
            s[0] += l.binaryParams();
            s[1] += l.fpParams();
            s[2] += l.flops();
            s[3] += l.bops();
        }
        Map<String, BlockCost> result = new HashMap<>();
        analysis.resolved().shapes().forEach((id, shape) -> {
            long[] s = sums.getOrDefault(id, new long[4]);
            result.put(id, new BlockCost(shape, s[0], s[1], s[2], s[3]));
        });
        return result;
    }
}
