package org.bnnworkbench.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.engine.cost.CostConvention;
import org.bnnworkbench.engine.cost.CostModel;
import org.bnnworkbench.engine.cost.LayerCost;
import org.bnnworkbench.engine.cost.NetworkCost;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.experiments.design.ArchitectureArgument;

/**
 * {@code bnn cost NAME|FAMILY|SPEC.json [--param name=value ...] [--convention bmxnet|larq] [--layers]
 * [--full-precision] [--json|--csv]}: parameters, model size (bytes, MB = 10^6, MiB = 2^20), FLOPs,
 * BOPs and OPs = FLOPs + BOPs / 64, in total and per layer.
 */
final class CostCommand implements Subcommand {

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public String summary() {
        return "count the parameters, size and OPs of a network ('bnn help cost')";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "usage: bnn cost NAME|FAMILY|FILE [--param name=value ...] [--convention bmxnet|larq] [--layers]",
                "                [--full-precision] [--json|--csv]",
                "  conventions: bmxnet (default; classifier excluded from FLOPs, as in the published tables),",
                "               larq (classifier counted). Binary weights count 1 bit, everything else 32 bits.",
                "  sizes: MB = 10^6 bytes, MiB = 2^20 bytes (BMXNet's and larq's published \"MB\" are MiB)");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options("bnn cost").repeatable("param").value("convention").flag("layers")
                .flag("json").flag("csv").flag("full-precision").parse(args);
        if (options.positional().size() != 1) {
            throw options.problem(options.positional().isEmpty() ? "expects a network: a name from 'bnn architectures',"
                    + " a family or a network file" : "expects one network, got " + options.positional());
        }
        if (options.isSet("json") && options.isSet("csv")) {
            throw options.problem("--json and --csv exclude each other");
        }
        String arch = options.positional().get(0);
        CostConvention convention;
        try {
            convention = CostConvention.parse(options.string("convention", "bmxnet"));
        } catch (IllegalArgumentException e) {
            throw options.problem("--convention expects bmxnet or larq, got '" + options.string("convention", "") + "'");
        }
        NetworkCost cost;
        try {
            NetworkSpec spec = ArchitectureArgument.resolve(arch, options.strings("param"), options.isSet("full-precision"),
                    null, 0);
            cost = CostModel.of(spec, convention);
        } catch (SpecException | IllegalArgumentException e) {
            throw options.problem(arch + ": " + e.getMessage());
        }
        boolean layers = options.isSet("layers");
        if (options.isSet("json")) {
            out.print(json(cost, layers));
        } else if (options.isSet("csv")) {
            out.print(csv(cost, layers));
        } else {
            out.print(table(cost, layers));
        }
        return ExitCode.OK;
    }

    static String json(NetworkCost c, boolean withLayers) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("network", c.network());
        o.put("convention", c.convention().id());
        o.put("binaryParams", c.binaryParams());
        o.put("fpParams", c.fpParams());
        o.put("parameters", c.parameters());
        o.put("modelSizeBytes", c.modelSizeBytes());
        o.put("modelSizeMB", c.modelSizeMB());
        o.put("modelSizeMiB", c.modelSizeMiB());
        o.put("flops", c.flops());
        o.put("bops", c.bops());
        o.put("ops", c.ops());
        o.put("activationBytes", c.activationBytes());
        if (withLayers) {
            ArrayNode list = o.putArray("layers");
            for (LayerCost l : c.layers()) {
                ObjectNode n = list.addObject();
                n.put("name", l.name());
                n.put("block", l.block());
                n.put("kind", l.kind());
                n.put("output", l.output().toString());
                n.put("binaryParams", l.binaryParams());
                n.put("fpParams", l.fpParams());
                n.put("flops", l.flops());
                n.put("bops", l.bops());
                n.put("ops", l.ops());
                n.put("activationBytes", l.activationBytes());
            }
        }
        try {
            return mapper.writeValueAsString(o) + System.lineSeparator();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csv(NetworkCost c, boolean withLayers) {
        StringBuilder sb = new StringBuilder("name,block,kind,output,binaryParams,fpParams,flops,bops,ops,activationBytes\n");
        if (withLayers) {
            for (LayerCost l : c.layers()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%d,%d,%.1f,%d%n", l.name(), l.block(), l.kind(),
                        l.output(), l.binaryParams(), l.fpParams(), l.flops(), l.bops(), l.ops(), l.activationBytes()));
            }
        }
        sb.append(String.format(Locale.ROOT, "total,%s,%s,,%d,%d,%d,%d,%.1f,%d%n", c.network(), c.convention().id(),
                c.binaryParams(), c.fpParams(), c.flops(), c.bops(), c.ops(), c.activationBytes()));
        return sb.toString();
    }

    static String table(NetworkCost c, boolean withLayers) {
        StringBuilder sb = new StringBuilder();
        if (withLayers) {
            sb.append(String.format(Locale.ROOT, "%-34s %-16s %-14s %12s %12s %14s %14s%n", "layer", "kind", "output",
                    "binary par.", "32-bit par.", "FLOPs", "BOPs"));
            for (LayerCost l : c.layers()) {
                sb.append(String.format(Locale.ROOT, "%-34s %-16s %-14s %,12d %,12d %,14d %,14d%n", l.name(), l.kind(),
                        l.output(), l.binaryParams(), l.fpParams(), l.flops(), l.bops()));
            }
            sb.append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%s (%s convention)%n", c.network(), c.convention().id()));
        sb.append(String.format(Locale.ROOT, "  parameters     %,d binary + %,d 32-bit%n", c.binaryParams(), c.fpParams()));
        sb.append(String.format(Locale.ROOT, "  model size     %,d bytes = %.2f MiB = %.2f MB%n", c.modelSizeBytes(),
                c.modelSizeMiB(), c.modelSizeMB()));
        sb.append(String.format(Locale.ROOT, "  FLOPs          %,d (%.3e)%n", c.flops(), (double) c.flops()));
        sb.append(String.format(Locale.ROOT, "  BOPs           %,d (%.3e)%n", c.bops(), (double) c.bops()));
        sb.append(String.format(Locale.ROOT, "  OPs            %.3e  (FLOPs + BOPs/64)%n", c.ops()));
        return sb.toString();
    }
}
