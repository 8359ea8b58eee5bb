package org.bnnworkbench.architectures.published;

import java.util.Optional;

/**
 * One row of the published tables ({@code seed-tables.csv} or {@code published_results.csv}), with
 * its provenance. Columns a file lacks are empty: the seed tables have no family, data set, FLOPs,
 * BOPs, notes or where-seen column, and only they have a depth group.
 *
 * @param file       the file the row is in
 * @param line       the line the row starts on; {@link #source()} cites the row as {@code file:line}
 * @param citation   who published it ({@code source_paper}) or the work the seed table quotes ({@code cited_as})
 * @param table      the table inside the source
 * @param model      the model as the table names it; {@code NamedNetwork.publishedModels} refers to it
 * @param family     the method family ({@code published_results.csv} only)
 * @param bitsWA     bits of weights / activations, e.g. {@code 1/1}, {@code 32/32}
 * @param depthGroup the ResNet depth the seed tables group the row with (18, 34, 45); 0 when not given
 * @param dataset    the data set ({@code published_results.csv} only; the seed tables are ImageNet tables)
 * @param modelSize  model size as printed, in the source's "MB" (MiB for BMXNet and larq, 10^6 bytes for
 *                   the 32-bit ResNet baselines)
 * @param ops        OPs x 10^8 (FLOPs + BOPs / 64) as printed
 * @param flops      32-bit MACs x 10^8 as printed
 * @param bops       binary MACs x 10^9 as printed
 */
public record PublishedResult(String file, int line, String citation, String table, String model, String family,
                              String bitsWA, int depthGroup, String dataset, PublishedValue top1, PublishedValue top5,
                              PublishedValue modelSize, PublishedValue ops, PublishedValue flops, PublishedValue bops,
                              String notes, String whereSeen) {

    /** The row cited as {@code file:line}, e.g. {@code published_results.csv:11}. */
    public String source() {
        return file + ":" + line;
    }

    /** A 32-bit network (weights and activations), whose size the tables give in decimal MB. */
    public boolean fullPrecision() {
        return bitsWA.equals("32/32");
    }

    /**
     * The stem the row's notes name: {@code grouped} (BMXNet's {@code grouped_stem}) or {@code imagenet}
     * (the 7x7 stem); empty when the notes do not say. The BMXNet wiki lists the same model with both stems.
     */
    public Optional<String> stem() {
        if (notes.contains("grouped_stem")) {
            return Optional.of("grouped");
        }
        if (notes.contains("imagenet 7x7 stem")) {
            return Optional.of("imagenet");
        }
        return Optional.empty();
    }
}
