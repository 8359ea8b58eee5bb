package org.bnnworkbench.experiments.replication;

import java.util.List;

/**
 * A replication study: one sweep file and the published claims its runs check.
 *
 * @param name   the study's folder name under the output, e.g. {@code clip}
 * @param sweep  the sweep file's name beside the manifest, e.g. {@code clip.json}
 * @param title  a heading, e.g. {@code Clip threshold of the sign's gradient}
 * @param claims what its runs are compared for
 */
public record Study(String name, String sweep, String title, List<Claim> claims) {

    public Study {
        claims = List.copyOf(claims);
    }
}
