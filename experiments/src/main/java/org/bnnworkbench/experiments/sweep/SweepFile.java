package org.bnnworkbench.experiments.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * Reads a sweep file, strictly: malformed JSON, an unknown field or parameter, a value of the wrong type or out of
 * range, an empty grid list, a missing {@code base.arch}, each end reading with one {@link SweepFileException} that
 * names the field.
 *
 * <pre>{@code
 * {"name": "clip", "base": {"arch": "bnn-small", "epochs": 1, "trainLimit": 512, "params": {"growthRate": 32}},
 *  "grid": {"clip": [1.0, 1.3]},
 *  "random": {"samples": 4, "seconds": 3600, "seed": 7,
 *             "space": {"lr": {"min": 1e-4, "max": 1e-2, "log": true}, "estimator": ["ste", "approx"]}},
 *  "repeats": 5,
 *  "parallel": 1}
 * }</pre>
 *
 * <p>{@code repeats} (k, default 1) trains every configuration with the seeds {@code base.seed, base.seed + 1, ...,
 * base.seed + k - 1}; {@code seeds} lists them instead (with {@code repeats} too, their number must be k). A value of
 * {@code grid.arch} may be an object {@code {"arch": "meliusnet-mini", "params": {"blocks": [2, 1]}}}: that network
 * with its own parameters, so that networks of different families can be sized alike in one sweep.
 */
public final class SweepFile {

    /** More points than this is surely a mistake (a grid of many long lists). */
    static final long MAX_POINTS = 100_000;
    static final long DEFAULT_RANDOM_SEED = 42;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** More seeds per configuration than this is surely a mistake. */
    static final int MAX_REPEATS = 1000;
    private static final List<String> FIELDS = List.of("name", "base", "grid", "random", "parallel", "repeats",
            "seeds");
    private static final List<String> VARIANT_FIELDS = List.of("arch", "params");
    private static final List<String> BASE_FIELDS = List.of("arch", "dataset", "fullPrecision", "params");
    private static final List<String> RANDOM_FIELDS = List.of("samples", "seconds", "seed", "space");
    private static final List<String> RANGE_FIELDS = List.of("min", "max", "log", "integer");

    private SweepFile() {
    }

    /** Reads a sweep file; its name defaults to the file's name without {@code .json}. */
    public static Sweep read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.getFileName().toString().replaceFirst("\\.json$", ""));
    }

    /** @throws SweepFileException naming the first field that is wrong */
    public static Sweep parse(String json, String defaultName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new SweepFileException(null, "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SweepFileException(null, "a sweep file holds one JSON object {\"base\": ..., \"grid\": ...}");
        }
        onlyKnown(root, "", FIELDS);
        String name = root.has("name") ? text(root.get("name"), "name") : defaultName;
        JsonNode base = root.get("base");
        if (base == null || !base.isObject()) {
            throw new SweepFileException("base", base == null
                    ? "missing: the settings every point starts from, base.arch at least" : "expects an object");
        }
        onlyKnownBase(base);
        JsonNode grid = optionalObject(root, "grid", "");
        JsonNode random = optionalObject(root, "random", "");
        String arch = requiredText(base, "arch", "base.");
        List<String> archs = archs(arch, grid, random);

        RunSettings settings = base(base, arch, archs);
        Map<SweepParameter, List<Object>> axes = grid == null ? Map.of() : grid(grid, archs);
        RandomSearch search = random == null ? null : random(random, archs, axes);
        int parallel = root.has("parallel") ? positiveInt(root.get("parallel"), "parallel") : 1;
        List<Long> seeds = seeds(root, settings.config().seed(), axes, search);
        var sweep = new Sweep(name, settings, axes, search, parallel, json, seeds);
        if (sweep.size() > MAX_POINTS) {
            throw new SweepFileException(null, "the sweep has " + sweep.size() + " points; at most " + MAX_POINTS);
        }
        sweep.points(); // a combination the training refuses is a mistake of the file too
        return sweep;
    }

    /** Every architecture the sweep trains: an architecture parameter must be declared by each of them. */
    private static List<String> archs(String baseArch, JsonNode grid, JsonNode random) {
        var archs = new ArrayList<String>();
        archs.add(checkedArch(baseArch, "base.arch"));
        addArchs(archs, grid == null ? null : grid.get(SweepParameter.ARCH), "grid.arch");
        JsonNode space = random == null ? null : random.get("space");
        addArchs(archs, space == null || !space.isObject() ? null : space.get(SweepParameter.ARCH),
                "random.space.arch");
        return archs.stream().distinct().toList();
    }

    private static void addArchs(List<String> archs, JsonNode list, String field) {
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                String at = field + "[" + i + "]";
                JsonNode element = list.get(i);
                if (element.isObject() && field.equals("grid.arch")) {
                    onlyKnown(element, at + ".", VARIANT_FIELDS);
                    archs.add(checkedArch(requiredText(element, "arch", at + "."), at + ".arch"));
                } else {
                    archs.add(checkedArch(text(element, at), at));
                }
            }
        }
    }

    /** {@code {"arch": NAME, "params": {...}}} in grid.arch: a network with parameters of its own. */
    private static ArchVariant variant(JsonNode node, String field) {
        String arch = requiredText(node, "arch", field + ".");
        var params = new LinkedHashMap<String, String>();
        JsonNode paramsNode = optionalObject(node, "params", field + ".");
        if (paramsNode != null) {
            for (Iterator<String> it = paramsNode.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String at = field + ".params." + key;
                SweepParameter parameter = SweepParameter.of(key, List.of(arch), at);
                if (!parameter.isArchitectureParameter()) {
                    throw new SweepFileException(at, "'" + key + "' is not a parameter of " + arch);
                }
                params.put(key, parameter.format(value(parameter, paramsNode.get(key), at)));
            }
        }
        return new ArchVariant(arch, params);
    }

    /**
     * The seeds of {@code repeats} and {@code seeds}; empty when neither is given (the base seed alone, as before
     * repeats existed).
     */
    private static List<Long> seeds(JsonNode root, long baseSeed, Map<SweepParameter, List<Object>> grid,
                                    RandomSearch random) {
        if (!root.has("repeats") && !root.has("seeds")) {
            return List.of();
        }
        String field = root.has("seeds") ? "seeds" : "repeats";
        boolean seedSwept = grid.keySet().stream().anyMatch(p -> p.name().equals("seed"))
                || (random != null && random.space().keySet().stream().anyMatch(p -> p.name().equals("seed")));
        if (seedSwept) {
            throw new SweepFileException(field, "the seed is swept in grid or random too; give the seeds in one "
                    + "place: \"repeats\" or \"seeds\"");
        }
        Integer repeats = null;
        if (root.has("repeats")) {
            repeats = positiveInt(root.get("repeats"), "repeats");
            if (repeats > MAX_REPEATS) {
                throw new SweepFileException("repeats", "expects at most " + MAX_REPEATS + " seeds per configuration, "
                        + "got " + repeats);
            }
        }
        if (!root.has("seeds")) {
            return Sweep.repeatSeeds(baseSeed, repeats);
        }
        JsonNode list = root.get("seeds");
        if (!list.isArray() || list.isEmpty()) {
            throw new SweepFileException("seeds", "expects a non-empty list of integer seeds, e.g. [1, 2, 3]");
        }
        if (list.size() > MAX_REPEATS) {
            throw new SweepFileException("seeds", "expects at most " + MAX_REPEATS + " seeds, got " + list.size());
        }
        var seeds = new ArrayList<Long>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new SweepFileException("seeds[" + i + "]", "expects an integer seed, got " + node);
            }
            if (seeds.contains(node.asLong())) {
                throw new SweepFileException("seeds[" + i + "]", node.asLong() + " is listed twice");
            }
            seeds.add(node.asLong());
        }
        if (repeats != null && repeats != seeds.size()) {
            throw new SweepFileException("repeats", "is " + repeats + " but seeds lists " + seeds.size()
                    + "; give one of them, or the same number");
        }
        return seeds;
    }

    private static String checkedArch(String arch, String field) {
        try {
            SweepParameter.of(SweepParameter.ARCH, List.of(), field).parse(arch);
            return arch;
        } catch (IllegalArgumentException e) {
            throw new SweepFileException(field, e.getMessage());
        }
    }

    private static RunSettings base(JsonNode base, String arch, List<String> archs) {
        String dataset = base.has("dataset") ? text(base.get("dataset"), "base.dataset") : RunSettings.DEFAULT_DATASET;
        boolean fullPrecision = base.has("fullPrecision")
                && (Boolean) value(SweepParameter.of(SweepParameter.FULL_PRECISION, archs, "base.fullPrecision"),
                base.get("fullPrecision"), "base.fullPrecision");
        var params = new LinkedHashMap<String, String>();
        JsonNode paramsNode = optionalObject(base, "params", "base.");
        if (paramsNode != null) {
            for (Iterator<String> it = paramsNode.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String field = "base.params." + key;
                SweepParameter parameter = SweepParameter.of(key, archs, field);
                if (!parameter.isArchitectureParameter()) {
                    throw new SweepFileException(field, "'" + key + "' is not a parameter of the architecture; give "
                            + "it in base itself");
                }
                params.put(key, parameter.format(value(parameter, paramsNode.get(key), field)));
            }
        }
        var training = new LinkedHashMap<String, Object>();
        for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!BASE_FIELDS.contains(key)) {
                training.put(key, value(SweepParameter.of(key, archs, "base." + key), base.get(key), "base." + key));
            }
        }
        TrainingConfig config;
        try {
            config = TrainingParameters.toConfig(training);
        } catch (IllegalArgumentException e) {
            throw new SweepFileException("base", e.getMessage());
        }
        return new RunSettings(arch, params, fullPrecision, dataset, config);
    }

    private static Map<SweepParameter, List<Object>> grid(JsonNode grid, List<String> archs) {
        var axes = new LinkedHashMap<SweepParameter, List<Object>>();
        for (Iterator<String> it = grid.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String field = "grid." + key;
            SweepParameter parameter = SweepParameter.of(key, archs, field);
            JsonNode list = grid.get(key);
            if (!list.isArray()) {
                throw new SweepFileException(field, "expects a list of values, e.g. [1.0, 1.3]");
            }
            if (list.isEmpty()) {
                throw new SweepFileException(field, "an empty list gives no points; give at least one value");
            }
            var values = new ArrayList<Object>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode element = list.get(i);
                Object value = key.equals(SweepParameter.ARCH) && element.isObject()
                        ? variant(element, field + "[" + i + "]")
                        : value(parameter, element, field + "[" + i + "]");
                if (!seen.add(parameter.format(value))) {
                    throw new SweepFileException(field, parameter.format(value) + " is listed twice");
                }
                values.add(value);
            }
            axes.put(parameter, values);
        }
        return axes;
    }

    private static RandomSearch random(JsonNode random, List<String> archs, Map<SweepParameter, List<Object>> grid) {
        onlyKnown(random, "random.", RANDOM_FIELDS);
        if (!random.has("samples")) {
            throw new SweepFileException("random.samples", "missing: how many random points to draw");
        }
        int samples = positiveInt(random.get("samples"), "random.samples");
        double seconds = 0;
        if (random.has("seconds")) {
            JsonNode node = random.get("seconds");
            if (!node.isNumber() || !(node.asDouble() > 0) || Double.isInfinite(node.asDouble())) {
                throw new SweepFileException("random.seconds", "expects a positive number of seconds, got " + node);
            }
            seconds = node.asDouble();
        }
        long seed = DEFAULT_RANDOM_SEED;
        if (random.has("seed")) {
            JsonNode node = random.get("seed");
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new SweepFileException("random.seed", "expects an integer, got " + node);
            }
            seed = node.asLong();
        }
        JsonNode space = random.get("space");
        if (space == null || !space.isObject() || space.isEmpty()) {
            throw new SweepFileException("random.space", space == null ? "missing: the parameters to draw"
                    : "expects an object of parameters to draw, e.g. {\"lr\": {\"min\": 1e-4, \"max\": 1e-2}}");
        }
        var dimensions = new LinkedHashMap<SweepParameter, RandomSearch.Dimension>();
        for (Iterator<String> it = space.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String field = "random.space." + key;
            SweepParameter parameter = SweepParameter.of(key, archs, field);
            if (grid.containsKey(parameter)) {
                throw new SweepFileException(field, "'" + key + "' is in grid too; sweep it in one of them");
            }
            dimensions.put(parameter, dimension(parameter, space.get(key), field));
        }
        return new RandomSearch(samples, seconds, seed, dimensions);
    }

    private static RandomSearch.Dimension dimension(SweepParameter parameter, JsonNode node, String field) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new SweepFileException(field, "an empty list has nothing to draw from");
            }
            var values = new ArrayList<Object>();
            for (int i = 0; i < node.size(); i++) {
                values.add(value(parameter, node.get(i), field + "[" + i + "]"));
            }
            return new RandomSearch.Choice(values);
        }
        if (!node.isObject()) {
            throw new SweepFileException(field, "expects a list of values or a range {\"min\": ..., \"max\": ...}");
        }
        onlyKnown(node, field + ".", RANGE_FIELDS);
        if (!parameter.isNumeric()) {
            throw new SweepFileException(field, "'" + parameter.name() + "' is not a number; give a list of values");
        }
        double min = number(node, "min", field);
        double max = number(node, "max", field);
        boolean log = flag(node, "log", field);
        boolean integer = parameter.isInteger() || flag(node, "integer", field);
        for (var bound : List.of(new Object[] {"min", min}, new Object[] {"max", max})) {
            double v = (Double) bound[1];
            if (integer && v != Math.rint(v)) {
                throw new SweepFileException(field + "." + bound[0], "expects a whole number, got " + v);
            }
            try {
                parameter.parse(integer ? Long.toString((long) v) : Double.toString(v));
            } catch (IllegalArgumentException e) {
                throw new SweepFileException(field + "." + bound[0], e.getMessage());
            }
        }
        if (min > max) {
            throw new SweepFileException(field, "min " + min + " is above max " + max);
        }
        if (log && min <= 0) {
            throw new SweepFileException(field + ".min", "a log range needs min > 0, got " + min);
        }
        return new RandomSearch.Range(min, max, log, integer);
    }

    private static Object value(SweepParameter parameter, JsonNode node, String field) {
        String text = text(node, field);
        try {
            return parameter.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SweepFileException(field, e.getMessage());
        }
    }

    /** A scalar's text; a list of scalars (e.g. blocks [2, 2]) as its comma-separated text. */
    private static String text(JsonNode node, String field) {
        if (node.isArray()) {
            var joined = new StringJoiner(",");
            for (JsonNode element : node) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new SweepFileException(field, "expects a value or a list of values, got " + node);
                }
                joined.add(scalar(element));
            }
            return joined.toString();
        }
        if (!node.isValueNode() || node.isNull()) {
            throw new SweepFileException(field, "expects a value, got " + (node.isNull() ? "null" : node.toString()));
        }
        return scalar(node);
    }

    /** Whole numbers without {@code .0}, so that {@code 64.0} is a valid integer and {@code -1.0} a valid pad. */
    private static String scalar(JsonNode node) {
        if (node.isFloatingPointNumber() && node.asDouble() == Math.rint(node.asDouble())
                && Math.abs(node.asDouble()) < 1e15) {
            return Long.toString((long) node.asDouble());
        }
        return node.asText();
    }

    private static String requiredText(JsonNode node, String key, String prefix) {
        if (!node.has(key)) {
            throw new SweepFileException(prefix + key, "missing");
        }
        return text(node.get(key), prefix + key);
    }

    private static int positiveInt(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw new SweepFileException(field, "expects a positive integer, got " + node);
        }
        return node.asInt();
    }

    private static double number(JsonNode range, String key, String field) {
        JsonNode node = range.get(key);
        if (node == null) {
            throw new SweepFileException(field + "." + key, "missing");
        }
        if (!node.isNumber()) {
            throw new SweepFileException(field + "." + key, "expects a number, got " + node);
        }
        return node.asDouble();
    }

    private static boolean flag(JsonNode range, String key, String field) {
        JsonNode node = range.get(key);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new SweepFileException(field + "." + key, "expects true or false, got " + node);
        }
        return node.asBoolean();
    }

    private static JsonNode optionalObject(JsonNode parent, String key, String prefix) {
        JsonNode node = parent.get(key);
        if (node != null && !node.isObject()) {
            throw new SweepFileException(prefix + key, "expects an object, got " + node);
        }
        return node;
    }

    private static void onlyKnown(JsonNode node, String prefix, List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new SweepFileException(prefix + key, "unknown field (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** base holds its own fields and training parameters; an architecture parameter belongs in base.params. */
    private static void onlyKnownBase(JsonNode base) {
        for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!BASE_FIELDS.contains(key) && TrainingParameters.find(key).isEmpty()) {
                throw new SweepFileException("base." + key, "unknown field: base holds " + String.join(", ",
                        BASE_FIELDS) + " and the training parameters (" + TrainingParameters.names()
                        + "); an architecture's parameters go in base.params");
            }
        }
    }
}
