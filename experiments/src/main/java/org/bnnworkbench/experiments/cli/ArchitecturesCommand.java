package org.bnnworkbench.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.Family;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.param.ParameterDeclaration;

/** {@code bnn architectures [--json]}: the named networks and the families with their parameters. */
final class ArchitecturesCommand implements Subcommand {

    @Override
    public String name() {
        return "architectures";
    }

    @Override
    public String summary() {
        return "list the named networks and the families with their parameters";
    }

    @Override
    public String usage() {
        return "usage: bnn architectures [--json]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = new Options("bnn architectures").flag("json").parse(args);
        if (!options.positional().isEmpty()) {
            throw options.problem("unexpected argument '" + options.positional().get(0) + "'");
        }
        if (options.isSet("json")) {
            out.print(json());
            return ExitCode.OK;
        }
        out.println("Named networks (bnn train --arch NAME, bnn cost NAME):");
        for (NamedNetwork n : Architectures.named()) {
            out.printf(Locale.ROOT, "  %-26s %-8s %s%n", n.name(), n.family().name(), n.description());
        }
        for (Family f : Architectures.families()) {
            out.println();
            out.println("Family '" + f.name() + "': " + f.description() + " (--arch " + f.name() + " --param name=value)");
            for (ParameterDeclaration p : f.parameters()) {
                out.printf(Locale.ROOT, "  %-18s %-28s default %-14s %s%n", p.name(), p.range(), p.format(p.defaultValue()),
                        p.description());
            }
        }
        return ExitCode.OK;
    }

    static String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode named = root.putArray("named");
        for (NamedNetwork n : Architectures.named()) {
            ObjectNode o = named.addObject();
            o.put("name", n.name());
            o.put("family", n.family().name());
            o.put("description", n.description());
            o.put("fullPrecision", n.fullPrecision());
            ObjectNode params = o.putObject("parameters");
            n.parameters().asText().forEach(params::put);
            ArrayNode published = o.putArray("publishedModels");
            n.publishedModels().forEach(published::add);
        }
        ArrayNode families = root.putArray("families");
        for (Family f : Architectures.families()) {
            ObjectNode o = families.addObject();
            o.put("name", f.name());
            o.put("description", f.description());
            ArrayNode params = o.putArray("parameters");
            for (ParameterDeclaration p : f.parameters()) {
                ObjectNode d = params.addObject();
                d.put("name", p.name());
                d.put("type", p.kind().name().toLowerCase(Locale.ROOT));
                d.put("default", p.format(p.defaultValue()));
                d.put("range", p.range());
                d.put("description", p.description());
                if (!p.choices().isEmpty()) {
                    ArrayNode c = d.putArray("choices");
                    p.choices().forEach(c::add);
                }
            }
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
