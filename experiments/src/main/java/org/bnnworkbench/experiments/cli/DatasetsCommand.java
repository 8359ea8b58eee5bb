package org.bnnworkbench.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.engine.data.CatalogEntry;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.KnownDataset;

/** {@code bnn datasets}: which data sets this machine has, where, under what licence, and how to get the others. */
final class DatasetsCommand implements Subcommand {

    private static final String COMMAND = "bnn datasets";
    private static final String IDX_FILES = "train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each raw or .gz)";

    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public String summary() {
        return "list the data sets, where they are, and how to get the missing ones";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn datasets [--dir PATH] [--json]",
                "  --dir PATH    also search PATH/<name>/ (before $" + DatasetCatalog.ENVIRONMENT_VARIABLE + ")",
                "  --json        print the list as JSON");
    }

    /** One line of the list. */
    private record Row(String name, boolean found, String where, String licence, String description,
                       String homepage, String howToGet) {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options(COMMAND).value("dir").flag("json").parse(args);
        if (!options.positional().isEmpty()) {
            throw options.problem("unexpected argument '" + options.positional().get(0) + "'");
        }
        List<Path> extra = new ArrayList<>();
        options.string("dir").ifPresent(text -> extra.add(folder(options, text)));
        var catalog = new DatasetCatalog(extra);
        Path downloads = DatasetCatalog.userRoot();
        List<Row> rows = catalog.list().stream().map(entry -> row(entry, downloads)).toList();
        if (options.isSet("json")) {
            out.print(json(rows, catalog.roots()));
        } else {
            printTable(out, rows, catalog.roots());
        }
        return ExitCode.OK;
    }

    private static Path folder(Options options, String text) {
        try {
            Path folder = Path.of(text);
            if (Files.isDirectory(folder)) {
                return folder;
            }
        } catch (InvalidPathException e) {
            // reported below, as for a folder that does not exist
        }
        throw options.problem("--dir expects a folder, got '" + text + "' (no such folder)");
    }

    private static Row row(CatalogEntry entry, Path downloads) {
        KnownDataset known = KnownDataset.byId(entry.name());
        boolean embedded = known != null && known.format() == KnownDataset.Format.EMBEDDED;
        String where = !entry.found() ? null : embedded ? "embedded" : entry.location();
        return new Row(entry.name(), entry.found(), where, entry.licence(), entry.description(), entry.homepage(),
                entry.found() || known == null ? null : howToGet(known, downloads));
    }

    private static String howToGet(KnownDataset known, Path downloads) {
        String into = downloads.resolve(known.id()).toString();
        String files = known.format() == KnownDataset.Format.IDX ? "the four IDX files " + IDX_FILES
                : "the unpacked cifar-10-batches-bin folder of the binary version";
        String debian = known == KnownDataset.FASHION_MNIST
                ? "on Debian: sudo apt-get install dataset-fashion-mnist; or " : "";
        return debian + "put " + files + " from " + known.homepage() + " into " + into;
    }

    private static void printTable(PrintStream out, List<Row> rows, List<Path> roots) {
        int nameWidth = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int whereWidth = Math.max(5, rows.stream().mapToInt(r -> where(r).length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-5s  %-" + whereWidth + "s  %s%n";
        out.printf(Locale.ROOT, format, "name", "found", "where", "licence");
        for (Row r : rows) {
            out.printf(Locale.ROOT, format, r.name(), r.found() ? "yes" : "no", where(r), r.licence());
        }
        out.println();
        out.println("Searched for <name>/ in, in this order:");
        roots.forEach(root -> out.println("  " + root));
        List<Row> missing = rows.stream().filter(r -> r.howToGet() != null).toList();
        if (!missing.isEmpty()) {
            out.println();
            out.println("To get the missing ones:");
            missing.forEach(r -> out.println("  " + r.name() + ": " + r.howToGet()));
            out.println("  or keep them elsewhere and list that folder in $" + DatasetCatalog.ENVIRONMENT_VARIABLE
                    + " (separated like PATH), or give 'bnn train --dataset' the data set's folder.");
        }
    }

    private static String where(Row r) {
        return r.where() == null ? "-" : r.where();
    }

    private static String json(List<Row> rows, List<Path> roots) {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("datasets");
        for (Row r : rows) {
            list.addObject().put("name", r.name()).put("found", r.found()).put("where", r.where())
                    .put("licence", r.licence()).put("description", r.description()).put("homepage", r.homepage())
                    .put("howToGet", r.howToGet());
        }
        ArrayNode searched = root.putArray("searched");
        roots.forEach(path -> searched.add(path.toString()));
        root.put("environmentVariable", DatasetCatalog.ENVIRONMENT_VARIABLE);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always turns into JSON", e);
        }
    }
}
