package org.bnnworkbench.architectures.published;

import java.util.ArrayList;
import java.util.List;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.architectures.published.Comparison.Quantity;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.ResolvedNetwork;

/**
 * Puts every published number of a named network beside the value the cost model computes for it,
 * counted as the row's source counted it (see {@code counting.md} of the project's references):
 * <ul>
 * <li>model size of a binary network: binary weights at 1 bit, everything else at 32 bits, BN as 2
 * values per channel, in MiB (BMXNet's {@code print_summary} and larq's summary both print MiB and
 * label it "MB");</li>
 * <li>model size of a 32-bit network ({@code 32/32}): the same bytes in decimal MB (10^6), the unit of
 * the customary "ResNet-18: 46.8 MB";</li>
 * <li>model size in larq zoo's first docstring tables (table "ImageNet Metrics", whose notes say all
 * other Keras weights count at 32 bit): Keras counts 4 values per BN channel (the moving mean and
 * variance too), so 8 more bytes per channel;</li>
 * <li>OPs = FLOPs + BOPs / 64 under the BMXNet convention (classifier excluded); FLOPs of rows whose
 * notes say "FC included" (larq) under the larq convention; BOPs are the same in both.</li>
 * </ul>
 */
public final class Comparisons {

    private Comparisons() {
    }

    public static List<Comparison> of(NamedNetwork network) {
        ResolvedNetwork resolved = network.spec().resolve();
        NetworkCost bmx = CostModel.of(resolved, CostConvention.BMXNET);
        NetworkCost larq = CostModel.of(resolved, CostConvention.LARQ);
        List<Comparison> list = new ArrayList<>();
        for (PublishedResult row : PublishedTables.forNetwork(network)) {
            if (row.modelSize().isPresent()) {
                double computed;
                String convention;
                if (row.fullPrecision()) {
                    computed = bmx.modelSizeMB();
                    convention = "MB (10^6 bytes), all parameters at 32 bits";
                } else if (countsKerasBatchNorm(row)) {
                    computed = (bmx.modelSizeBytes() + 8 * bmx.batchNormChannels()) / NetworkCost.MIB;
                    convention = "MiB, BN as 4 values per channel (Keras count_params)";
                } else {
                    computed = bmx.modelSizeMiB();
                    convention = "MiB, binary weights at 1 bit, others at 32 bits, BN 2 per channel";
                }
                list.add(compare(network, row, Quantity.MODEL_SIZE, row.modelSize(), computed, convention));
            }
            if (row.ops().isPresent()) {
                list.add(compare(network, row, Quantity.OPS, row.ops(), bmx.ops() / 1e8,
                        "BMXNet: FLOPs + BOPs/64, classifier excluded"));
            }
            if (row.flops().isPresent()) {
                boolean withFc = row.notes().contains("FC included");
                list.add(compare(network, row, Quantity.FLOPS, row.flops(), (withFc ? larq : bmx).flops() / 1e8,
                        withFc ? "larq: 32-bit MACs, classifier included" : "BMXNet: 32-bit MACs, classifier excluded"));
            }
            if (row.bops().isPresent()) {
                list.add(compare(network, row, Quantity.BOPS, row.bops(), bmx.bops() / 1e9, "binary MACs"));
            }
        }
        return list;
    }

    /** larq zoo's April 2020 docstring tables: "Memory" counts every Keras weight, BN with 4 per channel. */
    static boolean countsKerasBatchNorm(PublishedResult row) {
        return row.table().equals("ImageNet Metrics") && row.notes().contains("all other Keras params at 32 bit")
                && !row.notes().contains("BN=2/channel");
    }

    private static Comparison compare(NamedNetwork network, PublishedResult row, Quantity q, PublishedValue published,
                                      double computed, String convention) {
        boolean matches = published.matches(computed);
        String why = KnownDiscrepancies.explanation(row, q).orElse("");
        return new Comparison(network, row, q, published, computed, convention, matches, why);
    }
}
