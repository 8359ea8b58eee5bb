package org.bnnworkbench.engine.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import org.bnnworkbench.engine.io.AtomicFiles;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The network file format: JSON with a format name and version, the input shape, the precision
 * and the blocks in order, each with its id, kind, inputs and parameters. Reading is strict:
 * unknown kinds, unknown or missing fields, wrong types and newer versions are refused with a
 * {@link SpecException} that names the block; files are written atomically. The designer adds
 * optional top-level {@code layout}, {@code groups} and {@code family} fields, which the engine
 * accepts and ignores.
 */
public final class SpecJson {

    public static final String FORMAT = "bnn-workbench/network";
    public static final int VERSION = 1;
    // strict: a duplicated field or text after the object is an error, not silently dropped
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SpecJson() {
    }

    public static String write(NetworkSpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(NetworkSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", spec.name());
        root.put("input", spec.input().toString());
        root.put("precision", spec.precision().id());
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : spec.blocks()) {
            blocks.add(BlockCodec.write(MAPPER, b));
        }
        return root;
    }

    public static void save(NetworkSpec spec, Path file) throws IOException {
        AtomicFiles.writeString(file, write(spec));
    }

    /** Reads a network file; every problem becomes a {@link SpecException} that starts with the file name. */
    public static NetworkSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": no such file", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SpecException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            return read(text);
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    public static NetworkSpec read(String text) {
        return fromTree(parse(text));
    }

    /** Parses JSON text; malformed text becomes a {@link SpecException} with line and column. */
    public static JsonNode parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new SpecException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(null, "a network file must hold a JSON object");
        }
        return root;
    }

    public static NetworkSpec fromTree(JsonNode root) {
        String format = Fields.text(root, null, "format");
        if (!FORMAT.equals(format)) {
            throw new SpecException(null, "not a network file: format is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = Fields.integer(root, null, "version");
        if (version > VERSION) {
            throw new SpecException(null, "format version " + version + " is newer than this program reads ("
                    + VERSION + "); please update BNN Workbench");
        }
        if (version < 1) {
            throw new SpecException(null, "format version " + version + " is not valid");
        }
        Fields.onlyKnown(root, null, List.of("format", "version", "name", "input", "precision", "blocks", "source",
                "layout", "groups", "family"));
        String name = Fields.text(root, null, "name");
        InputShape input = InputShape.parse(Fields.text(root, null, "input"));
        Precision precision = root.has("precision") ? Precision.parse(Fields.text(root, null, "precision"))
                : Precision.BINARY;
        JsonNode blocksNode = root.get("blocks");
        if (blocksNode == null || !blocksNode.isArray()) {
            throw new SpecException(null, "'blocks' must be a list of blocks");
        }
        List<Block> blocks = new ArrayList<>();
        int index = 0;
        for (Iterator<JsonNode> it = blocksNode.elements(); it.hasNext(); index++) {
            JsonNode node = it.next();
            if (!node.isObject()) {
                throw new SpecException(null, "block #" + (index + 1) + " is not a JSON object");
            }
            blocks.add(BlockCodec.read(node, index));
        }
        return new NetworkSpec(name, input, precision, blocks);
    }
}
