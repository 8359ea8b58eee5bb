package org.bnnworkbench.experiments.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bnnworkbench.engine.param.ParameterDeclaration;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.train.TrainingConfig;

/**
 * Every field of {@link TrainingConfig}, declared once: the command line's options, the sweep files' keys and the
 * app's forms all read these declarations, so a name, default, range or description is changed in one place. Names
 * are those of {@link TrainingConfig#asMap()}, the keys of a run record's {@code config}.
 *
 * <pre>{@code
 * ParameterValues values = TrainingParameters.defaults().with("clip", "1.0");
 * TrainingConfig config = TrainingParameters.toConfig(values);
 * }</pre>
 */
public final class TrainingParameters {

    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();
    /** Values kept as floats must stay positive and finite as floats: 1e-60 is positive but becomes 0f. */
    private static final double SMALLEST_FLOAT = Float.MIN_VALUE;
    private static final double LARGEST_FLOAT = Float.MAX_VALUE;
    private static final String POSITIVE_INTEGER = "a positive integer";
    private static final String POSITIVE_NUMBER = "a positive number";
    private static final String NON_NEGATIVE_INTEGER = "an integer >= 0";

    private static final List<TrainingParameter> ALL = List.of(
            integer("epochs", "epochs", 1, POSITIVE_INTEGER, TrainingConfig::epochs,
                    "epochs to train (on resume: in total, counting those already done)"),
            integer("batch", "batch", 1, POSITIVE_INTEGER, TrainingConfig::batchSize, "mini-batch size"),
            floating("lr", "lr", SMALLEST_FLOAT, LARGEST_FLOAT, POSITIVE_NUMBER, TrainingConfig::learningRate,
                    "learning rate at the start of the schedule"),
            choice("schedule", "schedule", List.of("constant", "step", "cosine"), TrainingConfig::schedule,
                    "learning-rate schedule: step multiplies by 0.1 every epochs/3 epochs, cosine decays to 0"),
            choice("optimizer", "optimizer", List.of("adam", "sgd"), TrainingConfig::optimizer, "optimiser"),
            // [0, 1): the largest float below 1, as the config keeps momentum as a float
            floating("momentum", "momentum", 0, Math.nextDown(1f), "a number in [0, 1)", TrainingConfig::momentum,
                    "SGD momentum; Adam ignores it"),
            floating("weightDecay", "weight-decay", 0, LARGEST_FLOAT, "a number >= 0", TrainingConfig::weightDecay,
                    "L2 weight decay"),
            choice("estimator", "estimator", List.of("ste", "approx", "swish"), TrainingConfig::estimator,
                    "gradient of sign(x) in the backward pass"),
            floating("clip", "clip", SMALLEST_FLOAT, LARGEST_FLOAT, POSITIVE_NUMBER, TrainingConfig::clip,
                    "clip threshold t: the sign's gradient is cancelled where |x| > t"),
            flag("scaling", TrainingConfig::scaling,
                    "scale binary weights by their mean absolute value per output channel"),
            new TrainingParameter(ParameterDeclaration.choice("padValue", padText(DEFAULTS.padValue()),
                    List.of("-1", "0"), "value binary convolutions pad with"), "pad", "one of -1, 0", v -> true,
                    TrainingConfig::padValue),
            // a seed is any 64-bit integer; the declarations' integers are 32-bit, so it is declared as text
            new TrainingParameter(ParameterDeclaration.text("seed", Long.toString(DEFAULTS.seed()),
                    "weights, shuffling and augmentation all follow from it"), "seed", "an integer",
                    TrainingParameters::isLong, TrainingConfig::seed),
            integer("cropPadding", "crop-padding", 0, NON_NEGATIVE_INTEGER, TrainingConfig::cropPadding,
                    "random crops after padding by this many pixels (0: off)"),
            flag("flip", TrainingConfig::flip, "random horizontal flips"),
            new TrainingParameter(ParameterDeclaration.integer("trainLimit", DEFAULTS.trainLimit(), 0,
                    Integer.MAX_VALUE, "train on the first N training images only (0: all)"), "train-limit",
                    "0 (all images) or at least 2", v -> !v.equals(1), TrainingConfig::trainLimit),
            integer("testLimit", "test-limit", 0, NON_NEGATIVE_INTEGER, TrainingConfig::testLimit,
                    "evaluate on the first N test images only (0: all)"));

    private TrainingParameters() {
    }

    /** In the order of {@link TrainingConfig#asMap()}. */
    public static List<TrainingParameter> all() {
        return ALL;
    }

    public static List<ParameterDeclaration> declarations() {
        return ALL.stream().map(TrainingParameter::declaration).toList();
    }

    public static Optional<TrainingParameter> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException naming the known parameters */
    public static TrainingParameter get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown training parameter '" + name
                + "' (known: " + names() + ")"));
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(TrainingParameter::name).toList());
    }

    /** {@link TrainingConfig#defaults()} as values. */
    public static ParameterValues defaults() {
        return ParameterValues.defaults(declarations());
    }

    /** A config's values, in the declarations' types (floats as their shortest decimal). */
    public static ParameterValues values(TrainingConfig config) {
        ParameterValues values = defaults();
        for (TrainingParameter p : ALL) {
            values = values.withFoundValue(p.name(), p.valueIn(config));
        }
        return values;
    }

    /**
     * The config these values make.
     *
     * @throws IllegalArgumentException naming the first parameter that is out of range, or the config's own reason
     *     for a combination it refuses
     */
    public static TrainingConfig toConfig(ParameterValues values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (TrainingParameter p : ALL) {
            map.put(p.name(), values.get(p.name()));
        }
        return toConfig(map);
    }

    /**
     * The config of a map by parameter name, e.g. a run record's {@code config}; values may be text or typed, and
     * missing ones take their defaults.
     *
     * @throws IllegalArgumentException naming the first parameter that is out of range, or the config's own reason
     */
    public static TrainingConfig toConfig(Map<String, ?> byName) {
        for (String name : byName.keySet()) {
            get(name);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        for (TrainingParameter p : ALL) {
            Object raw = byName.containsKey(p.name()) ? byName.get(p.name()) : p.defaultValue();
            try {
                v.put(p.name(), raw instanceof String s ? p.parse(s) : p.check(raw));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.name() + " " + e.getMessage(), e);
            }
        }
        return new TrainingConfig((Integer) v.get("epochs"), (Integer) v.get("batch"), asFloat(v.get("lr")),
                (String) v.get("schedule"), (String) v.get("optimizer"), asFloat(v.get("momentum")),
                asFloat(v.get("weightDecay")), (String) v.get("estimator"), asFloat(v.get("clip")),
                (Boolean) v.get("scaling"), Float.parseFloat((String) v.get("padValue")),
                Long.parseLong((String) v.get("seed")), (Integer) v.get("cropPadding"), (Boolean) v.get("flip"),
                (Integer) v.get("trainLimit"), (Integer) v.get("testLimit"));
    }

    private static float asFloat(Object value) {
        return ((Number) value).floatValue();
    }

    private static TrainingParameter integer(String name, String option, int min, String expects,
                                             Function<TrainingConfig, Object> reader, String description) {
        return new TrainingParameter(ParameterDeclaration.integer(name, (Integer) reader.apply(DEFAULTS), min,
                Integer.MAX_VALUE, description), option, expects, v -> true, reader);
    }

    private static TrainingParameter floating(String name, String option, double min, double max, String expects,
                                              Function<TrainingConfig, Object> reader, String description) {
        double fallback = Double.parseDouble(reader.apply(DEFAULTS).toString());
        return new TrainingParameter(ParameterDeclaration.number(name, fallback, min, max, description), option,
                expects, v -> true, reader);
    }

    private static TrainingParameter choice(String name, String option, List<String> choices,
                                            Function<TrainingConfig, Object> reader, String description) {
        return new TrainingParameter(ParameterDeclaration.choice(name, (String) reader.apply(DEFAULTS), choices,
                description), option, "one of " + String.join(", ", choices), v -> true, reader);
    }

    private static TrainingParameter flag(String name, Function<TrainingConfig, Object> reader, String description) {
        return new TrainingParameter(ParameterDeclaration.bool(name, (Boolean) reader.apply(DEFAULTS), description),
                name, "true or false", v -> true, reader);
    }

    private static String padText(float pad) {
        return Integer.toString((int) pad);
    }

    private static boolean isLong(Object text) {
        try {
            Long.parseLong(((String) text).strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
