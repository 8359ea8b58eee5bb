package org.bnnworkbench.engine.spec;

import java.util.List;

/**
 * The outcome of checking a spec: what could be resolved (shapes and expansions of every block
 * whose inputs resolve) and the problems found, each naming its block where it has one.
 */
public record SpecAnalysis(ResolvedNetwork resolved, List<SpecException> problems) {

    public boolean valid() {
        return problems.isEmpty();
    }
}
