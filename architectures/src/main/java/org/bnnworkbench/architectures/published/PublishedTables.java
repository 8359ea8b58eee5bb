package org.bnnworkbench.architectures.published;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.architectures.NamedNetwork;

/**
 * The published tables as data: every row of {@code seed-tables.csv} and {@code published_results.csv}
 * (copied unchanged from the project's reference folder, see {@code SOURCES.md} beside them).
 */
public final class PublishedTables {

    public static final String SEED_TABLES = "seed-tables.csv";
    public static final String PUBLISHED_RESULTS = "published_results.csv";

    private static final List<PublishedResult> ALL = load();

    private PublishedTables() {
    }

    /** Every row, {@code published_results.csv} first, each file in its order. */
    public static List<PublishedResult> all() {
        return ALL;
    }

    /**
     * The rows that report {@code network}: its {@code model} is one of the network's
     * {@code publishedModels}, and the row does not describe another variant of the same model, i.e.
     * a stem the row's notes name must be the network's stem, and a seed-table depth group must be
     * the network's depth group.
     */
    public static List<PublishedResult> forNetwork(NamedNetwork network) {
        String stem = network.parameters().declarations().stream().anyMatch(d -> d.name().equals("stem"))
                ? network.parameters().getString("stem") : null;
        return ALL.stream()
                .filter(r -> network.publishedModels().contains(r.model()))
                .filter(r -> r.stem().isEmpty() || r.stem().get().equals(stem))
                .filter(r -> r.depthGroup() == 0 || r.depthGroup() == network.depthGroup())
                .toList();
    }

    private static List<PublishedResult> load() {
        List<PublishedResult> rows = new ArrayList<>();
        for (Map<String, String> r : read(PUBLISHED_RESULTS)) {
            rows.add(new PublishedResult(PUBLISHED_RESULTS, Integer.parseInt(col(r, "#line")), col(r, "source_paper"),
                    col(r, "table_name"), col(r, "model"), col(r, "method_family"), col(r, "bits_W_A"), 0, col(r, "dataset"),
                    PublishedValue.parse(col(r, "top1")), PublishedValue.parse(col(r, "top5")),
                    PublishedValue.parse(col(r, "model_size_MB")), PublishedValue.parse(col(r, "ops_1e8")),
                    PublishedValue.parse(col(r, "flops_1e8")), PublishedValue.parse(col(r, "bops_1e9")),
                    col(r, "notes"), col(r, "where_seen")));
        }
        for (Map<String, String> r : read(SEED_TABLES)) {
            String depth = col(r, "depth_group");
            rows.add(new PublishedResult(SEED_TABLES, Integer.parseInt(col(r, "#line")), col(r, "cited_as"),
                    col(r, "table"), col(r, "model"), "", col(r, "bits_w_a"),
                    depth.matches("[0-9]+") ? Integer.parseInt(depth) : 0, "",
                    PublishedValue.parse(col(r, "top1")), PublishedValue.parse(col(r, "top5")),
                    PublishedValue.parse(col(r, "model_size_mb")), PublishedValue.parse(col(r, "ops_1e8")),
                    PublishedValue.NONE, PublishedValue.NONE, "", ""));
        }
        return List.copyOf(rows);
    }

    private static String col(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new IllegalStateException("a bundled table has no column '" + column + "'");
        }
        return v;
    }

    /** The rows of a bundled file as column -> value maps, plus {@code #line}. */
    static List<Map<String, String>> read(String file) {
        String text;
        try (InputStream in = PublishedTables.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled table " + file);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CsvReader.Record> records = CsvReader.parse(text);
        List<String> header = records.get(0).fields();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvReader.Record rec : records.subList(1, records.size())) {
            if (rec.fields().size() != header.size()) {
                throw new IllegalStateException(file + ":" + rec.line() + " has " + rec.fields().size()
                        + " fields, the header " + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), rec.fields().get(i));
            }
            row.put("#line", Integer.toString(rec.line()));
            rows.add(row);
        }
        return rows;
    }
}
