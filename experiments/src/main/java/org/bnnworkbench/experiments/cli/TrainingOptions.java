package org.bnnworkbench.experiments.cli;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bnnworkbench.engine.param.ParameterValues;
import org.bnnworkbench.engine.train.TrainingConfig;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * The hyperparameter options of {@code bnn train}: one per {@link TrainingParameters declared parameter}, named by
 * its {@link TrainingParameter#option()}, a flag for a switch. Each value is checked against its declaration, so that
 * a bad one is reported with its option's name, e.g. {@code --clip expects a positive number, got '-1'}.
 */
final class TrainingOptions {

    static final List<String> OPTIMIZERS = choices("optimizer");
    static final List<String> SCHEDULES = choices("schedule");
    static final List<String> ESTIMATORS = choices("estimator");

    private TrainingOptions() {
    }

    /** Declares the hyperparameter options on {@code options}. */
    static Options declare(Options options) {
        for (TrainingParameter p : TrainingParameters.all()) {
            if (p.isFlag()) {
                options.flag(p.option());
            } else {
                options.value(p.option());
            }
        }
        return options;
    }

    static TrainingConfig read(Options options) {
        ParameterValues values = TrainingParameters.defaults();
        for (TrainingParameter p : TrainingParameters.all()) {
            if (p.isFlag()) {
                if (options.isSet(p.option())) {
                    values = values.withValue(p.name(), true);
                }
                continue;
            }
            Optional<String> text = options.string(p.option());
            if (text.isPresent()) {
                try {
                    values = values.withFoundValue(p.name(), p.parse(text.get()));
                } catch (IllegalArgumentException e) {
                    throw options.problem("--" + p.option() + " " + e.getMessage());
                }
            }
        }
        try {
            return TrainingParameters.toConfig(values);
        } catch (IllegalArgumentException e) {
            // every value was checked above; this is the config's own word on a combination
            throw options.problem(e.getMessage());
        }
    }

    /** The defaults, as {@code bnn help train} shows them: {@code --epochs 10 --batch 128 ...}. */
    static String defaultsText() {
        return TrainingParameters.all().stream().filter(p -> !p.isFlag())
                .map(p -> "--" + p.option() + " " + p.format(p.defaultValue()))
                .collect(Collectors.joining(" "));
    }

    private static List<String> choices(String name) {
        return TrainingParameters.get(name).declaration().choices();
    }
}
