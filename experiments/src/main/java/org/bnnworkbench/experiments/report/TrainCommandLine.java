package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.run.TrainingParameter;
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * The {@code bnn train} command that trains a recorded run again: the architecture with its overrides, the twin flag,
 * the data set as it was named, and every hyperparameter of the record's {@code config} written out, defaults too, so
 * that the command still reproduces the run when a later version changes a default.
 */
public final class TrainCommandLine {

    /** Words a POSIX shell takes as they are; anything else is single-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private TrainCommandLine() {
    }

    /** @param out the folder the command's {@code --out} names */
    public static String of(RunRecord record, String out) {
        return String.join(" ", words(record, out).stream().map(TrainCommandLine::quote).toList());
    }

    static List<String> words(RunRecord record, String out) {
        var words = new ArrayList<>(List.of("bnn", "train", "--arch", record.arch()));
        record.params().forEach((name, value) -> words.addAll(List.of("--param", name + "=" + value)));
        if (record.fullPrecision()) {
            words.add("--full-precision");
        }
        if (record.dataset() != null) {
            words.addAll(List.of("--dataset", record.dataset().name()));
        }
        Map<String, Object> config = record.config();
        for (TrainingParameter p : TrainingParameters.all()) {
            if (!config.containsKey(p.name())) {
                continue;
            }
            Object value = config.get(p.name());
            if (p.isFlag()) {
                if (Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value))) {
                    words.add("--" + p.option());
                }
            } else {
                words.addAll(List.of("--" + p.option(), p.format(p.check(value))));
            }
        }
        words.addAll(List.of("--out", out));
        return words;
    }

    /** The word as a POSIX shell reads it back unchanged. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
