package org.bnnworkbench.architectures.docs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.architectures.published.Comparison;
import org.bnnworkbench.architectures.published.Comparison.Quantity;
import org.bnnworkbench.architectures.published.Comparisons;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;

/** The named networks' computed costs beside their published values, as Markdown tables. */
public final class NetworkTable {

    private NetworkTable() {
    }

    /** One row per network: computed counts (BMXNet convention) and the published size and OPs that match them. */
    public static String costs(List<NamedNetwork> networks) {
        StringBuilder sb = new StringBuilder();
        sb.append("| network | input | binary params | 32-bit params | size MiB | size MB | FLOPs | BOPs | OPs "
                + "| published size | published OPs |\n");
        sb.append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|\n");
        for (NamedNetwork n : networks) {
            NetworkCost c = CostModel.of(n.spec(), CostConvention.BMXNET);
            List<Comparison> comparisons = Comparisons.of(n);
            sb.append("| `").append(n.name()).append("` | ").append(n.spec().input())
                    .append(" | ").append(thousands(c.binaryParams()))
                    .append(" | ").append(thousands(c.fpParams()))
                    .append(" | ").append(fixed(c.modelSizeMiB(), 3))
                    .append(" | ").append(fixed(c.modelSizeMB(), 3))
                    .append(" | ").append(scientific(c.flops()))
                    .append(" | ").append(scientific(c.bops()))
                    .append(" | ").append(scientific(c.ops()))
                    .append(" | ").append(published(comparisons, Quantity.MODEL_SIZE, c.binaryParams() == 0 ? " MB" : " MiB"))
                    .append(" | ").append(published(comparisons, Quantity.OPS, "e8"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** Every published value of the networks beside the computed one, with the row it comes from. */
    public static String comparisons(List<NamedNetwork> networks) {
        StringBuilder sb = new StringBuilder();
        sb.append("| network | row | model as published | quantity | published | computed | counted as | |\n");
        sb.append("|---|---|---|---|--:|--:|---|---|\n");
        for (NamedNetwork n : networks) {
            for (Comparison c : Comparisons.of(n)) {
                sb.append("| `").append(n.name()).append("` | ").append(c.row().source())
                        .append(" | ").append(ParameterTable.cell(c.row().model()))
                        .append(" | ").append(c.quantity().label())
                        .append(" | ").append(c.published().text())
                        .append(" | ").append(c.computedText())
                        .append(" | ").append(c.convention())
                        .append(" | ").append(c.matches() ? "matches" : "differs, see below")
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /** The published values that differ, with the reason. */
    public static String discrepancies(List<NamedNetwork> networks) {
        StringBuilder sb = new StringBuilder();
        for (NamedNetwork n : networks) {
            for (Comparison c : Comparisons.of(n)) {
                if (!c.matches()) {
                    sb.append("- `").append(n.name()).append("`, ").append(c.row().source()).append(" (")
                            .append(c.row().model()).append(", ").append(c.row().citation()).append("): ")
                            .append(c.quantity().label()).append(" published ").append(c.published().text())
                            .append(", computed ").append(c.computedText()).append(": ")
                            .append(c.explanation().isEmpty() ? "NOT EXPLAINED" : c.explanation()).append(".\n");
                }
            }
        }
        return sb.toString();
    }

    /** The first matching published value of a quantity (not an approximate one, not larq's Keras BN count). */
    private static String published(List<Comparison> comparisons, Quantity q, String unit) {
        Optional<Comparison> best = comparisons.stream()
                .filter(c -> c.quantity() == q && c.matches() && !c.published().approximate()
                        && !c.convention().contains("Keras"))
                .findFirst();
        return best.map(c -> c.published().text() + unit + " (" + c.row().source() + ")").orElse("-");
    }

    static String thousands(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** E.g. 2.081e8: four significant digits, as the references write MACs and OPs. */
    static String scientific(double v) {
        if (v == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(v));
        double mantissa = v / Math.pow(10, exponent);
        if (Double.parseDouble(String.format(Locale.ROOT, "%.3f", mantissa)) >= 10) {
            exponent++;
            mantissa /= 10;
        }
        return String.format(Locale.ROOT, "%.3fe%d", mantissa, exponent);
    }
}
