package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.bnnworkbench.architectures.published.PublishedResult;
import org.bnnworkbench.architectures.published.PublishedTables;
import org.bnnworkbench.engine.cost.NetworkCost;

/**
 * A published ImageNet result as a point of the comparison charts: its top-1 accuracy, its model size in MiB and its
 * OPs (x 10^8) where the row gives them, its family, and the row it came from (with the citation).
 *
 * <p>Sizes are put on one unit: the tables print MiB (BMXNet, larq: "MB" meaning 2^20 bytes) for binary and low-bit
 * networks and decimal MB (10^6 bytes) for the 32-bit baselines ({@code 32/32}); the latter are converted to MiB.
 *
 * @param number a stable number for the row within the published tables (its place in {@link PublishedTables#all()},
 *               from 1), which the charts' table lists
 * @param family the row's {@code method_family}, or for the seed tables (which have no such column) the family its
 *               model name belongs to ({@link #familyOf})
 */
public record PublishedPoint(int number, PublishedResult row, String family, double top1, OptionalDouble sizeMiB,
                             OptionalDouble ops1e8) {

    /** Every ImageNet row with a top-1 accuracy and a size or an OPs count, in the tables' order. */
    public static List<PublishedPoint> all() {
        var points = new ArrayList<PublishedPoint>();
        List<PublishedResult> rows = PublishedTables.all();
        for (int i = 0; i < rows.size(); i++) {
            PublishedResult r = rows.get(i);
            boolean imagenet = r.dataset().isEmpty() || r.dataset().equals("ImageNet"); // the seed tables are ImageNet
            if (!imagenet || !r.top1().isPresent()) {
                continue;
            }
            OptionalDouble size = r.modelSize().isPresent()
                    ? OptionalDouble.of(r.fullPrecision() ? r.modelSize().number() * NetworkCost.MB / NetworkCost.MIB
                            : r.modelSize().number())
                    : OptionalDouble.empty();
            OptionalDouble ops = r.ops().isPresent() ? OptionalDouble.of(r.ops().number()) : OptionalDouble.empty();
            if (size.isPresent() || ops.isPresent()) {
                String family = r.family().isEmpty() ? familyOf(r.model(), r.bitsWA()) : r.family();
                points.add(new PublishedPoint(i + 1, r, family, r.top1().number(), size, ops));
            }
        }
        return points;
    }

    /** The model as the table names it, without what follows a parenthesis, e.g. {@code MeliusNet22}. */
    public String shortName() {
        String m = row.model();
        int paren = m.indexOf(" (");
        return paren > 0 ? m.substring(0, paren) : m;
    }

    /** E.g. {@code MeliusNet22 (4,5,4,4): 63.6% top-1, 3.88 MB, 2.08e8 OPs; Bethge et al. ...; published_results.csv:10}. */
    public String tooltip() {
        var text = new StringBuilder(row.model()).append(" [").append(family).append(", ").append(row.bitsWA())
                .append("]: ").append(row.top1().text()).append("% top-1");
        if (row.modelSize().isPresent()) {
            text.append(", ").append(row.modelSize().text()).append(row.fullPrecision() ? " MB (10^6 bytes)" : " MiB");
        }
        if (row.ops().isPresent()) {
            text.append(", ").append(row.ops().text()).append("e8 OPs");
        }
        return text.append(". ").append(citation()).toString();
    }

    /** Who published it and where the row is: {@code <citation> (<file>:<line>)}. */
    public String citation() {
        return row.citation() + " (" + row.source() + ")";
    }

    /**
     * The family of a seed-table model, which the seed tables do not name: by the model's name, else by its bits
     * ({@code low-bit} for 2-bit weights or activations, {@code multiple binary bases} for {@code (1/1)xN}).
     */
    static String familyOf(String model, String bitsWA) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.contains("meliusnet")) {
            return "MeliusNet";
        }
        if (m.contains("binarydensenet")) {
            return "BinaryDenseNet";
        }
        if (m.contains("bi-real")) {
            return "Bi-Real";
        }
        if (m.contains("resnete")) {
            return "ResNetE";
        }
        if (m.contains("xnor") || m.equals("bwn")) {
            return "XNOR-Net";
        }
        if (m.startsWith("tbn")) {
            return "TBN";
        }
        if (m.equals("bnn")) {
            return "BNN/BinaryNet";
        }
        if (m.equals("strong baseline")) {
            return "Real-to-Binary";
        }
        if (bitsWA.equals("32/32")) {
            return m.contains("alexnet") ? "AlexNet (32-bit)" : "ResNet (32-bit)";
        }
        if (bitsWA.matches("\\(1/1\\)x[0-9]+")) {
            return "multiple binary bases";
        }
        return "low-bit (2-bit W or A)";
    }
}
