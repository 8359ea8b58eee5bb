package org.bnnworkbench.experiments.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.bnnworkbench.experiments.run.RunSettings;

/**
 * One run of a sweep.
 *
 * @param index         its place in the sweep's order of training, from 0
 * @param id            {@code p<configuration>-<hash>}: the hash is of the point's complete settings, its seed
 *                      included, so a changed sweep file gives changed points new ids and never takes an old result
 *                      for a new point
 * @param values        the swept parameters' values, in the sweep's order (the seed of a repeat is not among them:
 *                      it is in the settings)
 * @param settings      the complete settings of the run: the base with the values and the seed applied
 * @param configuration which configuration (combination of values) it is a seed of, from 0
 */
public record SweepPoint(int index, String id, Map<SweepParameter, Object> values, RunSettings settings,
                         int configuration) {

    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A point of a sweep with one seed per configuration, where the index is the configuration. */
    public SweepPoint(int index, String id, Map<SweepParameter, Object> values, RunSettings settings) {
        this(index, id, values, settings, index);
    }

    /** The run's training seed. */
    public long seed() {
        return settings.config().seed();
    }

    /** The values by parameter name, in their text form. */
    public Map<String, String> valueTexts() {
        var texts = new LinkedHashMap<String, String>();
        values.forEach((parameter, value) -> texts.put(parameter.name(), parameter.format(value)));
        return texts;
    }

    /** The values by parameter name as JSON writes them (numbers and booleans as such). */
    public Map<String, Object> jsonValues() {
        var json = new LinkedHashMap<String, Object>();
        values.forEach((parameter, value) -> json.put(parameter.name(), parameter.jsonValue(value)));
        return json;
    }

    /** E.g. {@code clip=1.3, lr=0.001}, or {@code base settings} for a sweep of one point. */
    public String label() {
        if (values.isEmpty()) {
            return "base settings";
        }
        var text = new StringJoiner(", ");
        valueTexts().forEach((name, value) -> text.add(name + "=" + value));
        return text.toString();
    }
}
