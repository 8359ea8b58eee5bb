package org.bnnworkbench.app.training;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.app.designer.model.FamilyBinding;
import org.bnnworkbench.architectures.Architectures;
import org.bnnworkbench.architectures.NamedNetwork;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.Precision;
import org.bnnworkbench.engine.spec.SpecException;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.design.ArchitectureArgument;
import org.bnnworkbench.experiments.run.RunSettings;

/**
 * Whether the design open in the Designer can be trained on a data set, and as what. A design that is an instance of
 * a named network or a family is trained as that architecture with its changed parameters (so the record reads
 * {@code arch=bnn-small, params={growthRate=32}} and {@code bnn train} can repeat it), rebuilt for the data set's
 * image shape and classes. A design of plain blocks is trained as a network file, which must take the data set's
 * images and classes as it is; if it does not, the reason says what to change.
 *
 * @param settings the architecture, overrides, precision and data set; the config is a placeholder for the form's
 * @param spec     the network to train, null when it does not fit
 * @param file     for a design of plain blocks, the network file {@code settings.arch()} names (written when a run
 *                 starts); null otherwise
 * @param message  what will be trained, or why it cannot be
 */
public record DesignFit(RunSettings settings, NetworkSpec spec, Path file, String message) {

    public boolean fits() {
        return spec != null;
    }

    /** The same architecture as its full-precision twin (null when the design does not fit). */
    public NetworkSpec twinSpec() {
        return spec == null ? null : spec.fullPrecisionTwin();
    }

    public boolean isFullPrecision() {
        return spec != null && spec.precision() == Precision.FULL;
    }

    /**
     * @param datasetName the data set as the record shall name it (a name or a folder)
     * @param designs     the folder for network files of designs made of plain blocks
     */
    public static DesignFit of(Design design, String datasetName, LabelledImages train, Path designs) {
        var input = new InputShape(train.height(), train.width(), train.channels());
        int classes = train.classes();
        String dataset = datasetName + " (" + input + " images, " + classes + " classes)";
        FamilyBinding binding = design.family();
        if (binding != null) {
            return ofFamily(design, binding, datasetName, input, classes, dataset);
        }
        NetworkSpec spec = design.spec();
        String name = spec.name();
        List<SpecException> problems = spec.problems();
        if (!problems.isEmpty()) {
            return refused(name, datasetName, "The design " + name + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + " (first: " + problems.get(0).getMessage()
                    + "). Fix " + (problems.size() == 1 ? "it" : "them") + " in the Designer first.");
        }
        boolean inputFits = spec.input().equals(input);
        boolean classesFit = spec.classes() == classes;
        if (!inputFits || !classesFit) {
            var why = new StringBuilder("The design " + name + " does not fit " + datasetName + ": it takes "
                    + spec.input() + " images and has " + spec.classes() + " classes; the data set has " + input
                    + " images and " + classes + " classes. ");
            if (!inputFits) {
                why.append("Set the design's input shape to ").append(input)
                        .append(" (Designer, nothing selected: input)");
            }
            if (!classesFit) {
                why.append(inputFits ? "Set" : " and set").append(" the classifier's classes to ").append(classes);
            }
            return refused(name, datasetName, why.append(", or choose another data set.").toString());
        }
        Path file = designs.resolve(fileName(spec));
        var settings = new RunSettings(file.toString(), Map.of(), false, datasetName, TrainingConfig.defaults());
        return new DesignFit(settings, spec, file, "Trains the design " + name + " (plain blocks) on " + dataset
                + ".");
    }

    private static DesignFit ofFamily(Design design, FamilyBinding binding, String datasetName, InputShape input,
                                      int classes, String dataset) {
        NamedNetwork named = binding.named() != null && Architectures.exists(binding.named())
                ? Architectures.get(binding.named()) : null;
        String arch = named != null ? named.name() : binding.family();
        ParameterValues reference = named != null ? named.parameters() : Architectures.family(binding.family())
                .defaults();
        Map<String, String> base = reference.asText();
        var params = new LinkedHashMap<String, String>();
        binding.parameters().forEach((key, value) -> {
            if (!key.equals("input") && !key.equals("classes") && !value.equals(base.get(key))) {
                params.put(key, value);
            }
        });
        boolean designFull = design.spec().precision() == Precision.FULL;
        boolean fullPrecision = designFull && (named == null || !named.fullPrecision());
        var settings = new RunSettings(arch, params, fullPrecision, datasetName, TrainingConfig.defaults());
        NetworkSpec spec;
        try {
            spec = settings.spec(input, classes);
        } catch (RuntimeException e) {
            return refused(arch, datasetName, arch + (params.isEmpty() ? "" : " " + params) + " cannot be built for "
                    + dataset + ": " + ArchitectureArgument.reason(e) + ". Change its parameters in the Designer or "
                    + "choose another data set.");
        }
        boolean rebuilt = !design.spec().input().equals(input) || specClasses(design.spec()) != classes;
        String what = arch + (params.isEmpty() ? "" : " " + params) + (fullPrecision ? " (full precision)" : "");
        return new DesignFit(settings, spec, null, "Trains " + what + " on " + dataset + "."
                + (rebuilt ? " The design takes " + design.spec().input() + " images and "
                + specClasses(design.spec()) + " classes; it is rebuilt for the data set's." : ""));
    }

    private static int specClasses(NetworkSpec spec) {
        try {
            return spec.classes();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static DesignFit refused(String arch, String dataset, String message) {
        return new DesignFit(new RunSettings(arch, Map.of(), false, dataset, TrainingConfig.defaults()), null, null,
                message);
    }

    /** {@code <name>-<8 hex digits of the file's SHA-256>.json}: the same design always names the same file. */
    private static String fileName(NetworkSpec spec) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(SpecJson.write(spec).getBytes(StandardCharsets.UTF_8));
            String stem = spec.name().replaceAll("[^A-Za-z0-9._-]", "-");
            return stem + "-" + HexFormat.of().formatHex(hash, 0, 4) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
