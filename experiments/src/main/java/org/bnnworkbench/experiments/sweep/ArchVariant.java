package org.bnnworkbench.experiments.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One value of a sweep's {@code arch} axis that carries its own parameters, written in a sweep file as
 * {@code {"arch": "meliusnet-mini", "params": {"blocks": [2, 1]}}}: so that networks of different families can be
 * compared at a chosen size in one sweep, each with the parameters that size it. Its text form, as tables and CSV
 * files show it, is {@code meliusnet-mini (blocks=2,1)}.
 *
 * @param arch   a named network, a family or a network file
 * @param params its parameter overrides by name, in text form, applied over the base's {@code params}
 */
public record ArchVariant(String arch, Map<String, String> params) {

    public ArchVariant {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String toString() {
        if (params.isEmpty()) {
            return arch;
        }
        var text = new StringJoiner(", ", arch + " (", ")");
        params.forEach((name, value) -> text.add(name + "=" + value));
        return text.toString();
    }
}
