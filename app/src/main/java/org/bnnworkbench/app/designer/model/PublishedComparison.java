package org.bnnworkbench.app.designer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;

/**
 * Places a design among the published binary networks by size and OPs, e.g. "size like
 * binarydensenet28, OPs below meliusneta". The reference points are the named ImageNet networks,
 * costed by the same model (their values equal the published tables; see docs/architectures.md).
 */
public final class PublishedComparison {

    private record Point(String name, double sizeMiB, double ops) {
    }

    private final List<Point> points;

    private PublishedComparison(List<Point> points) {
        this.points = points;
    }

    /** Costs the named binary ImageNet networks once; call off the FX thread. */
    public static PublishedComparison load() {
        List<Point> list = new ArrayList<>();
        for (NamedNetwork n : Architectures.named()) {
            if (n.fullPrecision() || n.family() == Architectures.RESNET || !n.parameters().getShape("input").toString().equals("224x224x3")) {
                continue;
            }
            NetworkCost c = CostModel.of(n.spec(), CostConvention.BMXNET);
            list.add(new Point(n.name(), c.modelSizeMiB(), c.ops()));
        }
        return new PublishedComparison(List.copyOf(list));
    }

    public String describe(NetworkCost imagenet) {
        if (points.isEmpty()) {
            return "";
        }
        double size = imagenet.modelSizeMiB();
        double ops = imagenet.ops();
        Point bySize = points.stream().min(Comparator.comparingDouble(p -> Math.abs(Math.log(p.sizeMiB() / size)))).orElseThrow();
        Point byOps = points.stream().min(Comparator.comparingDouble(p -> Math.abs(Math.log(p.ops() / ops)))).orElseThrow();
        return String.format(Locale.ROOT, "at 224x224x3: %.2f MiB, %.2fe8 OPs \u2013 size %s %s, OPs %s %s",
                size, ops / 1e8, relation(size, bySize.sizeMiB()), bySize.name(), relation(ops, byOps.ops()), byOps.name());
    }

    private static String relation(double value, double reference) {
        double ratio = value / reference;
        if (ratio < 0.95) {
            return "below";
        }
        if (ratio > 1.05) {
            return "above";
        }
        return "like";
    }
}
