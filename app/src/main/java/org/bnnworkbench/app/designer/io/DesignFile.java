package org.bnnworkbench.app.designer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.FamilyBinding;
import org.bnnworkbench.app.designer.model.Position;
import org.bnnworkbench.app.designer.model.StageGroup;
import org.bnnworkbench.engine.io.AtomicFiles;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.SpecJson;

/**
 * A design on disk: the network file format of the engine ({@link SpecJson}) plus the optional
 * {@code layout} (block positions), {@code groups} (stages) and {@code family} fields, which the
 * engine's reader accepts and ignores: the file is a network file for every other tool as well
 * ({@code bnn train --arch FILE}, {@code bnn cost FILE}).
 */
public final class DesignFile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DesignFile() {
    }

    public static String write(Design design) {
        ObjectNode root = SpecJson.toTree(design.spec());
        ObjectNode layout = root.putObject("layout");
        design.layout().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode xy = layout.putArray(e.getKey());
            xy.add(Math.round(e.getValue().x() * 10) / 10.0);
            xy.add(Math.round(e.getValue().y() * 10) / 10.0);
        });
        ArrayNode groups = root.putArray("groups");
        for (StageGroup g : design.groups()) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            o.put("collapsed", g.collapsed());
            ArrayNode ids = o.putArray("blocks");
            g.blockIds().forEach(ids::add);
        }
        if (design.family() != null) {
            ObjectNode f = root.putObject("family");
            f.put("name", design.family().family());
            if (design.family().named() != null) {
                f.put("named", design.family().named());
            }
            ObjectNode params = f.putObject("parameters");
            new LinkedHashMap<>(design.family().parameters()).forEach(params::put);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void save(Design design, Path file) throws IOException {
        AtomicFiles.writeString(file, write(design));
    }

    /** Reads a design; any problem becomes a {@link SpecException} naming the file and, where possible, the block. */
    public static Design load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new SpecException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            return read(text);
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    public static Design read(String text) {
        JsonNode root = SpecJson.parse(text);
        NetworkSpec spec = SpecJson.fromTree(root);
        Map<String, Position> layout = new HashMap<>();
        JsonNode l = root.get("layout");
        if (l != null && l.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode xy = e.getValue();
                if (xy.isArray() && xy.size() == 2 && xy.get(0).isNumber() && xy.get(1).isNumber()) {
                    layout.put(e.getKey(), new Position(xy.get(0).asDouble(), xy.get(1).asDouble()));
                } else {
                    throw new SpecException(e.getKey(), "layout position must be [x, y], got " + xy);
                }
            }
        }
        List<StageGroup> groups = new ArrayList<>();
        JsonNode g = root.get("groups");
        if (g != null && g.isArray()) {
            for (JsonNode o : g) {
                if (!o.path("name").isTextual() || !o.path("blocks").isArray()) {
                    throw new SpecException(null, "a group needs a 'name' and a list of 'blocks'");
                }
                List<String> ids = new ArrayList<>();
                o.get("blocks").forEach(id -> ids.add(id.asText()));
                groups.add(new StageGroup(o.get("name").asText(), ids, o.path("collapsed").asBoolean(false)));
            }
        }
        FamilyBinding family = null;
        JsonNode f = root.get("family");
        if (f != null && f.isObject()) {
            Map<String, String> params = new LinkedHashMap<>();
            f.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            family = new FamilyBinding(f.path("name").asText(), params, f.hasNonNull("named") ? f.get("named").asText() : null);
        }
        return new Design(spec, layout, groups, family);
    }
}
