package org.bnnworkbench.experiments.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bnnworkbench.engine.data.KnownDataset;
import org.bnnworkbench.engine.data.LabelledImages;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;
import org.bnnworkbench.engine.spec.SpecJson;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.design.ArchitectureArgument;

/**
 * Everything {@code bnn train} is told about a run: the architecture as named (a named network, a family or a network
 * file) with its parameter overrides, whether to train its full-precision twin, the data set, and every
 * hyperparameter. A sweep point is one of these; so is what the app's training form fills in.
 *
 * @param params parameter overrides of the named network or family by name, in text form (e.g. {@code blocks=2,2})
 */
public record RunSettings(String arch, Map<String, String> params, boolean fullPrecision, String dataset,
                          TrainingConfig config) {

    public static final String DEFAULT_ARCH = "bnn-small";
    public static final String DEFAULT_DATASET = KnownDataset.FASHION_MNIST_SUBSET.id();

    public RunSettings {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(config, "config");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** {@value #DEFAULT_ARCH} on the embedded Fashion-MNIST subset with {@link TrainingConfig#defaults()}. */
    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_ARCH, Map.of(), false, DEFAULT_DATASET, TrainingConfig.defaults());
    }

    public RunSettings withArch(String newArch) {
        return new RunSettings(newArch, params, fullPrecision, dataset, config);
    }

    public RunSettings withParam(String name, String value) {
        var all = new LinkedHashMap<>(params);
        all.put(name, value);
        return new RunSettings(arch, all, fullPrecision, dataset, config);
    }

    public RunSettings withFullPrecision(boolean on) {
        return new RunSettings(arch, params, on, dataset, config);
    }

    public RunSettings withDataset(String newDataset) {
        return new RunSettings(arch, params, fullPrecision, newDataset, config);
    }

    public RunSettings withConfig(TrainingConfig newConfig) {
        return new RunSettings(arch, params, fullPrecision, dataset, newConfig);
    }

    /** The overrides as {@code name=value}, as {@code --param} takes them. */
    public List<String> paramAssignments() {
        var list = new ArrayList<String>();
        params.forEach((name, value) -> list.add(name + "=" + value));
        return list;
    }

    /**
     * The network these settings train, built for the data set's image shape and classes.
     *
     * @throws IllegalArgumentException or {@link org.bnnworkbench.engine.spec.SpecException} with a one-line reason
     */
    public NetworkSpec spec(InputShape input, int classes) {
        return ArchitectureArgument.resolve(arch, paramAssignments(), fullPrecision, input, classes);
    }

    /** The settings a run was started with, as its record keeps them. */
    public static RunSettings of(RunRecord record) {
        return new RunSettings(record.arch(), record.params(), record.fullPrecision(), record.dataset().name(),
                TrainingParameters.toConfig(record.config()));
    }

    /**
     * The network the run of {@code record} trained: the spec the record stores, or, for records older than specs,
     * the one these settings make for images like {@code train}.
     */
    public NetworkSpec trainedSpec(RunRecord record, LabelledImages train) {
        return record.spec() != null ? SpecJson.fromTree(record.spec())
                : spec(new InputShape(train.height(), train.width(), train.channels()), train.classes());
    }

    /**
     * A canonical text of every setting (overrides sorted by name, every hyperparameter in its declared text form):
     * two settings that train the same run have the same fingerprint, whatever order or number format they came in.
     */
    public String fingerprint() {
        return "arch=" + arch + "\nparams=" + new TreeMap<>(params) + "\nfullPrecision=" + fullPrecision
                + "\ndataset=" + dataset + "\nconfig=" + TrainingParameters.values(config).asText() + "\n";
    }
}
