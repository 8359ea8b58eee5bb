package org.bnnworkbench.experiments.replication;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.bnnworkbench.experiments.sweep.ResultsCsv;
import org.bnnworkbench.experiments.sweep.SweepFileException;

/**
 * The replication studies: {@code studies.json} and the sweep files beside it, either the ones shipped inside the
 * command line (from {@code experiments/replications/} of the source tree) or a folder of one's own.
 *
 * <pre>{@code
 * {"format": "bnn-workbench/replications", "version": 1,
 *  "quick": {"epochs": 1, "trainLimit": 300, "testLimit": 200, "batch": 50, "repeats": 2},
 *  "studies": [{"name": "clip", "sweep": "clip.json", "title": "...",
 *               "claims": [{"id": "...", "statement": "...", "published": "...", "source": "...",
 *                           "kind": "better", "comparisons": [{"a": {"clip": 1.3}, "b": {"clip": 1.0}}]}]}]}
 * }</pre>
 *
 * @param quick   the smoke version's overrides: training parameters put into every sweep's base, and
 *                {@code repeats}, which replaces the sweep's repeats or seeds
 * @param studies in the order they run
 * @param folder  where the sweep files are; null for the shipped ones
 */
public record StudyManifest(Map<String, Object> quick, List<Study> studies, Path folder) {

    public static final String FILE = "studies.json";
    static final String RESOURCES = "/replications/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public StudyManifest {
        quick = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quick));
        studies = List.copyOf(studies);
    }

    /** The studies shipped with the workbench. */
    public static StudyManifest shipped() {
        return parse(resource(FILE), "shipped " + FILE, null);
    }

    /** The studies of {@code folder/studies.json}, whose sweep files lie beside it. */
    public static StudyManifest read(Path folder) throws IOException {
        return parse(Files.readString(folder.resolve(FILE), StandardCharsets.UTF_8), folder.resolve(FILE).toString(),
                folder);
    }

    /** The study of that name. */
    public Study study(String name) {
        return studies.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no study '" + name + "' (studies: " + names() + ")"));
    }

    public String names() {
        var text = new StringJoiner(", ");
        studies.forEach(s -> text.add(s.name()));
        return text.toString();
    }

    /** The study's sweep file as written. */
    public String sweepText(Study study) throws IOException {
        return folder == null ? resource(study.sweep())
                : Files.readString(folder.resolve(study.sweep()), StandardCharsets.UTF_8);
    }

    /**
     * The sweep file as the smoke version runs it: {@link #quick()}'s training parameters in its base, its
     * {@code repeats} in place of the file's repeats or seeds.
     */
    public String quickSweepText(Study study) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(sweepText(study));
        } catch (JsonProcessingException e) {
            throw new SweepFileException(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode sweep) || !(sweep.get("base") instanceof ObjectNode base)) {
            throw new SweepFileException("base", "missing");
        }
        for (Map.Entry<String, Object> override : quick.entrySet()) {
            if (override.getKey().equals("repeats")) {
                sweep.remove("seeds");
                sweep.set("repeats", MAPPER.valueToTree(override.getValue()));
            } else {
                base.set(override.getKey(), MAPPER.valueToTree(override.getValue()));
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sweep);
    }

    static StudyManifest parse(String json, String where, Path folder) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !"bnn-workbench/replications".equals(root.path("format").asText())) {
            throw new IllegalArgumentException(where + ": expects {\"format\": \"bnn-workbench/replications\", ...}");
        }
        Map<String, Object> quick = new LinkedHashMap<>();
        JsonNode quickNode = root.path("quick");
        for (Iterator<String> it = quickNode.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            quick.put(key, MAPPER.convertValue(quickNode.get(key), Object.class));
        }
        JsonNode list = root.path("studies");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": studies: expects a non-empty list");
        }
        var studies = new ArrayList<Study>();
        for (int i = 0; i < list.size(); i++) {
            studies.add(study(list.get(i), where + ": studies[" + i + "]"));
        }
        if (studies.stream().map(Study::name).distinct().count() != studies.size()) {
            throw new IllegalArgumentException(where + ": two studies have the same name");
        }
        return new StudyManifest(quick, studies, folder);
    }

    /** One study, also as a study folder's {@code study.json} holds it. */
    static Study study(JsonNode node, String where) {
        String name = text(node, "name", where);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ".name: expects lower-case letters, digits and '-', got '"
                    + name + "'");
        }
        String sweep = text(node, "sweep", where);
        if (!NAME.matcher(sweep.replaceFirst("\\.json$", "")).matches() || !sweep.endsWith(".json")) {
            throw new IllegalArgumentException(where + ".sweep: expects a file name like clip.json, got '" + sweep
                    + "'");
        }
        var claims = new ArrayList<Claim>();
        JsonNode list = node.path("claims");
        for (int i = 0; i < list.size(); i++) {
            claims.add(claim(list.get(i), where + ".claims[" + i + "]"));
        }
        return new Study(name, sweep, text(node, "title", where), claims);
    }

    private static Claim claim(JsonNode node, String where) {
        Claim.Kind kind;
        try {
            kind = Claim.Kind.parse(text(node, "kind", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".kind: " + e.getMessage());
        }
        double margin = node.path("margin").asDouble(0);
        if (kind == Claim.Kind.NO_GAIN && !(margin > 0)) {
            throw new IllegalArgumentException(where + ".margin: a no-gain claim needs a positive margin, e.g. 0.01");
        }
        var pairs = new ArrayList<Claim.Pair>();
        JsonNode list = node.path("comparisons");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(where + ".comparisons: expects a non-empty list");
        }
        for (JsonNode pair : list) {
            pairs.add(new Claim.Pair(values(pair.path("a"), where + ".comparisons.a"),
                    values(pair.path("b"), where + ".comparisons.b")));
        }
        return new Claim(text(node, "id", where), text(node, "statement", where), text(node, "published", where),
                text(node, "source", where), kind, margin, pairs);
    }

    private static Map<String, Object> values(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(where + ": expects the swept values of a configuration");
        }
        var values = new LinkedHashMap<String, Object>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class)));
        return values;
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + key + ": expects a text");
        }
        return value.asText();
    }

    /** The study's entry as {@code study.json} keeps it. */
    static String toJson(Study study, boolean quick) {
        var root = new LinkedHashMap<String, Object>();
        root.put("format", "bnn-workbench/study");
        root.put("version", 1);
        root.put("quick", quick);
        root.put("name", study.name());
        root.put("sweep", study.sweep());
        root.put("title", study.title());
        var claims = new ArrayList<Map<String, Object>>();
        for (Claim c : study.claims()) {
            var claim = new LinkedHashMap<String, Object>();
            claim.put("id", c.id());
            claim.put("statement", c.statement());
            claim.put("published", c.published());
            claim.put("source", c.source());
            claim.put("kind", c.kind().id());
            if (c.kind() == Claim.Kind.NO_GAIN) {
                claim.put("margin", c.margin());
            }
            claim.put("comparisons", c.comparisons().stream().map(p -> Map.of("a", p.a(), "b", p.b())).toList());
            claims.add(claim);
        }
        root.put("claims", claims);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** E.g. {@code clip=1.3, fullPrecision=false}, as configurations are labelled. */
    static String label(Map<String, Object> values) {
        var text = new StringJoiner(", ");
        values.forEach((name, value) -> text.add(name + "=" + ResultsCsv.value(value)));
        return text.toString();
    }

    private static String resource(String name) {
        try (InputStream in = StudyManifest.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped replication file " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped replication file " + name, e);
        }
    }
}
