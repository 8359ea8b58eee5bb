package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.Block;
import org.bnnworkbench.engine.spec.ClassifierBlock;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.experiments.design.ArchitectureArgument;
import org.bnnworkbench.experiments.run.RunRecord;

/**
 * A design in a report: the network as trained (or as drawn in the designer), its cost, and the cost of the same
 * blocks at ImageNet scale (224x224x3, 1000 classes), which is what the published tables count. Costs follow BMXNet's
 * convention (see counting.md): binary weights at 1 bit, others at 32, OPs = FLOPs + BOPs / 64.
 *
 * @param imagenet     null when the design does not scale to 224x224x3 ({@code imagenetNote} says why)
 * @param imagenetNote empty, or why there is no ImageNet-scale cost
 */
public record ReportDesign(String name, NetworkSpec spec, NetworkCost cost, NetworkCost imagenet,
                           String imagenetNote) {

    public static final InputShape IMAGENET_INPUT = new InputShape(224, 224, 3);
    public static final int IMAGENET_CLASSES = 1000;

    /** Costs a design; the spec must be valid. */
    public static ReportDesign of(String name, NetworkSpec spec) {
        NetworkCost cost = CostModel.of(spec, CostConvention.BMXNET);
        try {
            return new ReportDesign(name, spec, cost, CostModel.of(atImageNetScale(spec), CostConvention.BMXNET), "");
        } catch (SpecException | IllegalArgumentException e) {
            return new ReportDesign(name, spec, cost, null, "does not scale to 224x224x3: " + e.getMessage());
        }
    }

    /** The same blocks on a 224x224x3 image with 1000 classes, as the designer's status bar counts them. */
    public static NetworkSpec atImageNetScale(NetworkSpec spec) {
        List<Block> blocks = spec.blocks().stream()
                .map(b -> b instanceof ClassifierBlock c
                        ? (Block) new ClassifierBlock(c.id(), c.inputs(), IMAGENET_CLASSES, c.norm(), c.relu()) : b)
                .toList();
        return new NetworkSpec(spec.name(), IMAGENET_INPUT, spec.precision(), blocks);
    }

    /** The distinct designs the runs trained, in the order first met; runs whose network cannot be rebuilt are left out. */
    public static List<ReportDesign> of(List<ReportRun> runs) {
        Map<String, ReportDesign> designs = new LinkedHashMap<>();
        for (ReportRun run : runs) {
            String key = run.designName() + " @ " + (run.record().dataset() == null ? "" : run.record().dataset().input());
            if (designs.containsKey(key)) {
                continue;
            }
            NetworkSpec spec = spec(run.record());
            if (spec != null) {
                designs.put(key, of(run.designName(), spec));
            }
        }
        return new ArrayList<>(designs.values());
    }

    /** The network of a record: the spec it stored, else rebuilt from its architecture and data set shape. */
    static NetworkSpec spec(RunRecord record) {
        try {
            if (record.spec() != null) {
                return SpecJson.fromTree(record.spec());
            }
            RunRecord.Dataset data = record.dataset();
            NetworkSpec spec = ArchitectureArgument.resolve(record.arch(),
                    record.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                    record.fullPrecision(), data == null ? null : InputShape.parse(data.input()),
                    data == null ? 0 : data.classes());
            spec.resolve();
            return spec;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
