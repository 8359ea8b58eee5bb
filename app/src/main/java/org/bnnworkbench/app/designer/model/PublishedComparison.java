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

    /**
     * Where a design's ImageNet-scale cost sits, e.g. "size below meliusnet22, OPs like
     * meliusnetb"; when the design is not at ImageNet scale itself, its cost there comes first
     * ("at 224x224x3: 0.65 MiB, 2.00e8 OPs: ...").
     */
    public String describe(NetworkCost imagenet, boolean atImageNetScale) {
        if (points.isEmpty()) {
            return "";
        }
        double size = imagenet.modelSizeMiB();
        double ops = imagenet.ops();
        Point bySize = points.stream().min(Comparator.comparingDouble(p -> Math.abs(Math.log(p.sizeMiB() / size)))).orElseThrow();
        Point byOps = points.stream().min(Comparator.comparingDouble(p -> Math.abs(Math.log(p.ops() / ops)))).orElseThrow();
        String where = "size " + relation(size, bySize.sizeMiB()) + " " + bySize.name() + ", OPs "
                + relation(ops, byOps.ops()) + " " + byOps.name();
        if (atImageNetScale) {
            return where;
        }
        return String.format(Locale.ROOT, "at 224x224x3: %.2f MiB, %.2fe8 OPs: %s", size, ops / 1e8, where);
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
