package org.bnnworkbench.app.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.experiments.design.ArchitectureArgument;
import org.bnnworkbench.experiments.run.RunSettings;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;
import org.bnnworkbench.experiments.sweep.RandomSearch;
import org.bnnworkbench.experiments.sweep.Sweep;
import org.bnnworkbench.experiments.sweep.SweepFile;
import org.bnnworkbench.experiments.sweep.SweepFileException;
import org.bnnworkbench.experiments.sweep.SweepParameter;

/**
 * A sweep as the Sweeps tab edits it: a name, the base settings (taken from the Training tab or from a sweep file),
 * the swept parameters (each a grid of values, a random range or a random choice), the random budget, the seeds per
 * configuration (repeats) and the parallel runs. It becomes the text of a sweep file ({@link #toJson}), which
 * {@link SweepFile} reads exactly as {@code bnn sweep} does, so the form is checked by the same rules and a saved file
 * runs the same from the command line.
 */
public final class SweepForm {

    /** How one parameter is swept. */
    public enum Kind {
        GRID("grid"), RANGE("random range"), CHOICE("random choice");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One swept parameter: its name, how it is swept and its values in text. */
    public static final class Axis {
        private final StringProperty parameter = new SimpleStringProperty("");
        private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.GRID);
        private final StringProperty values = new SimpleStringProperty("");
        private final BooleanProperty log = new SimpleBooleanProperty(false);

        public Axis(String parameter, Kind kind, String values, boolean log) {
            this.parameter.set(parameter);
            this.kind.set(kind);
            this.values.set(values);
            this.log.set(log);
        }

        public StringProperty parameterProperty() {
            return parameter;
        }

        public ObjectProperty<Kind> kindProperty() {
            return kind;
        }

        /** Grid and choice: {@code 0.5, 1.0, 1.3}; lists (blocks) separated by {@code ;}. Range: {@code 1e-4..1e-2}. */
        public StringProperty valuesProperty() {
            return values;
        }

        public BooleanProperty logProperty() {
            return log;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StringProperty name = new SimpleStringProperty("clip");
    private final ObjectProperty<RunSettings> base = new SimpleObjectProperty<>(RunSettings.defaults());
    private final StringProperty baseOrigin = new SimpleStringProperty("defaults");
    private final ObservableList<Axis> axes = FXCollections.observableArrayList();
    private final StringProperty samples = new SimpleStringProperty("4");
    private final StringProperty seconds = new SimpleStringProperty("");
    private final StringProperty randomSeed = new SimpleStringProperty("42");
    private final StringProperty repeats = new SimpleStringProperty("1");
    private final ObjectProperty<List<Long>> fileSeeds = new SimpleObjectProperty<>();
    private final IntegerProperty parallel = new SimpleIntegerProperty(1);

    public SweepForm() {
        axes.add(new Axis("clip", Kind.GRID, "0.5, 1.0, 1.3, 2.0", false));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<RunSettings> baseProperty() {
        return base;
    }

    /** Where the base settings came from, e.g. {@code the Training tab} or a file name. */
    public StringProperty baseOriginProperty() {
        return baseOrigin;
    }

    public ObservableList<Axis> axes() {
        return axes;
    }

    public StringProperty samplesProperty() {
        return samples;
    }

    public StringProperty secondsProperty() {
        return seconds;
    }

    public StringProperty randomSeedProperty() {
        return randomSeed;
    }

    public IntegerProperty parallelProperty() {
        return parallel;
    }

    /**
     * Seeds per configuration ({@code repeats}): every configuration is trained with the seeds base seed, base seed
     * + 1, ...; {@code 1} (one run each, the base seed) is left out of the file, as sweeps were before repeats.
     */
    public StringProperty repeatsProperty() {
        return repeats;
    }

    /**
     * The {@code seeds} list of an opened sweep file that is not base seed, base seed + 1, ...: kept and written
     * again as long as the repeats field still gives its number of seeds; null otherwise.
     */
    public ObjectProperty<List<Long>> fileSeedsProperty() {
        return fileSeeds;
    }

    /** The file's seeds while the repeats field still counts them. */
    private List<Long> keptSeeds() {
        List<Long> kept = fileSeeds.get();
        return kept != null && repeats.get().strip().equals(Integer.toString(kept.size())) ? kept : null;
    }

    /** The parameters a sweep over the base architecture can vary, training parameters first. */
    public List<String> sweepable() {
        var names = new ArrayList<String>();
        TrainingParameters.all().forEach(p -> names.add(p.name()));
        names.add(SweepParameter.ARCH);
        names.add(SweepParameter.FULL_PRECISION);
        ArchitectureArgument.parameters(base.get().arch()).ifPresent(list -> list.stream()
                .map(ParameterDeclaration::name).filter(n -> !n.equals("input") && !n.equals("classes"))
                .forEach(names::add));
        return names;
    }

    /**
     * The sweep the form describes, read by {@link SweepFile} from {@link #toJson()}.
     *
     * @throws SweepFileException naming the field that is wrong, as {@code bnn sweep} would
     */
    public Sweep sweep() {
        return SweepFile.parse(toJson(), name.get());
    }

    /** The sweep file's text: what Save writes and {@code bnn sweep} reads. */
    public String toJson() {
        ObjectNode root = NODES.objectNode();
        root.put("name", name.get().strip());
        root.set("base", base(base.get()));
        ObjectNode grid = NODES.objectNode();
        ObjectNode space = NODES.objectNode();
        for (Axis axis : axes) {
            String key = axis.parameter.get().strip();
            if (key.isEmpty()) {
                throw new SweepFileException("grid", "a swept parameter has no name; choose one or remove the row");
            }
            if (grid.has(key) || space.has(key)) {
                throw new SweepFileException("grid." + key, "'" + key + "' is swept twice; keep one row");
            }
            switch (axis.kind.get()) {
                case GRID -> grid.set(key, list(axis.values.get(), key));
                case CHOICE -> space.set(key, list(axis.values.get(), key));
                case RANGE -> space.set(key, range(axis, key));
            }
        }
        if (!grid.isEmpty()) {
            root.set("grid", grid);
        }
        if (!space.isEmpty()) {
            ObjectNode random = NODES.objectNode();
            random.set("samples", number(samples.get(), "random.samples"));
            if (!seconds.get().isBlank()) {
                random.set("seconds", number(seconds.get(), "random.seconds"));
            }
            if (!randomSeed.get().isBlank()) {
                random.set("seed", number(randomSeed.get(), "random.seed"));
            }
            random.set("space", space);
            root.set("random", random);
        } else if (!seconds.get().isBlank()) {
            throw new SweepFileException("random.seconds", "a time budget applies to random parameters; make one "
                    + "of the rows a random range or choice, or clear the seconds");
        }
        List<Long> kept = keptSeeds();
        if (kept != null) {
            ArrayNode list = NODES.arrayNode();
            kept.forEach(list::add);
            root.set("seeds", list);
        } else if (!repeats.get().strip().equals("1")) {
            root.set("repeats", number(repeats.get(), "repeats"));
        }
        root.put("parallel", parallel.get());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    /** Every setting of the base: architecture, data set, precision, every hyperparameter, the overrides. */
    private static ObjectNode base(RunSettings settings) {
        ObjectNode base = NODES.objectNode();
        base.put("arch", settings.arch());
        base.put("dataset", settings.dataset());
        if (settings.fullPrecision()) {
            base.put("fullPrecision", true);
        }
        ParameterValues values = TrainingParameters.values(settings.config());
        for (TrainingParameter p : TrainingParameters.all()) {
            base.set(p.name(), value(p.format(values.get(p.name()))));
        }
        if (!settings.params().isEmpty()) {
            ObjectNode params = NODES.objectNode();
            settings.params().forEach((key, text) -> params.set(key, value(text)));
            base.set("params", params);
        }
        return base;
    }

    /** {@code 0.5, 1.0} as [0.5, 1.0]; with a {@code ;}, lists: {@code 2,2; 2,2,2} as [[2,2],[2,2,2]]. */
    private static ArrayNode list(String text, String key) {
        ArrayNode list = NODES.arrayNode();
        String separator = text.contains(";") ? ";" : ",";
        for (String part : text.split(separator)) {
            if (!part.isBlank()) {
                list.add(value(part.strip()));
            }
        }
        if (list.isEmpty()) {
            throw new SweepFileException("grid." + key, "no values; give them separated by commas, e.g. 1.0, 1.3");
        }
        return list;
    }

    private static ObjectNode range(Axis axis, String key) {
        String[] ends = axis.values.get().strip().split("\\s*(\\.\\.|,)\\s*");
        if (ends.length != 2) {
            throw new SweepFileException("random.space." + key, "a range is min..max, e.g. 0.0001..0.01, got '"
                    + axis.values.get() + "'");
        }
        ObjectNode range = NODES.objectNode();
        range.set("min", number(ends[0], "random.space." + key + ".min"));
        range.set("max", number(ends[1], "random.space." + key + ".max"));
        if (axis.log.get()) {
            range.put("log", true);
        }
        return range;
    }

    /** A number as JSON writes it; anything else is refused naming the field. */
    private static JsonNode number(String text, String field) {
        JsonNode v = value(text.strip());
        if (!v.isNumber()) {
            throw new SweepFileException(field, "expects a number, got '" + text.strip() + "'");
        }
        return v;
    }

    /** A value's text as the JSON a person would write: numbers, true/false, lists of numbers, else text. */
    static JsonNode value(String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(t));
        }
        if (t.matches("-?\\d{1,18}")) {
            return NODES.numberNode(Long.parseLong(t));
        }
        if (t.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return NODES.numberNode(Double.parseDouble(t));
        }
        if (t.contains(",") && java.util.Arrays.stream(t.split(",")).allMatch(p -> p.strip().matches("-?\\d+"))) {
            ArrayNode list = NODES.arrayNode();
            for (String p : t.split(",")) {
                list.add(Long.parseLong(p.strip()));
            }
            return list;
        }
        return NODES.textNode(t);
    }

    /** Shows a sweep read from a file: its name, base, swept parameters, budget and parallel runs. */
    public void load(Sweep sweep, String origin) {
        name.set(sweep.name());
        base.set(sweep.base());
        baseOrigin.set(origin);
        var rows = new ArrayList<Axis>();
        for (Map.Entry<SweepParameter, List<Object>> e : sweep.grid().entrySet()) {
            rows.add(new Axis(e.getKey().name(), Kind.GRID, texts(e.getKey(), e.getValue()), false));
        }
        RandomSearch random = sweep.random();
        if (random != null) {
            for (var e : random.space().entrySet()) {
                if (e.getValue() instanceof RandomSearch.Range r) {
                    rows.add(new Axis(e.getKey().name(), Kind.RANGE, plain(r.min()) + ".." + plain(r.max()), r.log()));
                } else if (e.getValue() instanceof RandomSearch.Choice c) {
                    rows.add(new Axis(e.getKey().name(), Kind.CHOICE, texts(e.getKey(), c.values()), false));
                }
            }
            samples.set(Integer.toString(random.samples()));
            seconds.set(random.seconds() > 0 ? plain(random.seconds()) : "");
            randomSeed.set(Long.toString(random.seed()));
        } else {
            seconds.set("");
        }
        axes.setAll(rows);
        List<Long> seeds = sweep.seeds();
        fileSeeds.set(seeds.isEmpty() || seeds.equals(Sweep.repeatSeeds(sweep.base().config().seed(), seeds.size()))
                ? null : seeds);
        repeats.set(Integer.toString(sweep.repeats()));
        parallel.set(sweep.parallel());
    }

    private static String texts(SweepParameter parameter, List<Object> values) {
        List<String> texts = values.stream().map(parameter::format).toList();
        return String.join(texts.stream().anyMatch(t -> t.contains(",")) ? "; " : ", ", texts);
    }

    private static String plain(double v) {
        return org.bnnworkbench.experiments.sweep.ResultsCsv.value(v);
    }
}
