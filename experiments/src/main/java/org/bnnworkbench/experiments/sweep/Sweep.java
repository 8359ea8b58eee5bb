package org.bnnworkbench.experiments.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bnnworkbench.experiments.run.RunSettings;

/**
 * A sweep: base settings, a grid of values to try every combination of, and optionally random draws. Its points are
 * the grid's combinations in a fixed order (the first parameter varies slowest, like nested loops in the file's
 * order), each combined with every random draw; the same draws for every grid point, so that grid values are
 * compared on equal terms. Read one with {@link SweepFile}.
 *
 * @param grid     per parameter, the values to try, in the file's order
 * @param random   the random draws, or null for a grid only
 * @param parallel how many points train at once
 * @param source   the file's text, kept beside the results; null for a sweep made in code
 */
public record Sweep(String name, RunSettings base, Map<SweepParameter, List<Object>> grid, RandomSearch random,
                    int parallel, String source) {

    public Sweep {
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
    }

    /** The number of points, without making them. */
    public long size() {
        long size = random == null ? 1 : random.samples();
        for (List<Object> values : grid.values()) {
            size *= values.size();
        }
        return size;
    }

    /** The swept parameters: the grid's, then the random space's. */
    public List<SweepParameter> parameters() {
        var all = new ArrayList<>(grid.keySet());
        if (random != null) {
            all.addAll(random.space().keySet());
        }
        return all;
    }

    /** Seconds after which no new point starts; 0 for no limit. */
    public double secondsBudget() {
        return random == null ? 0 : random.seconds();
    }

    /**
     * Every point, in order.
     *
     * @throws SweepFileException if a combination of values makes settings the training refuses
     */
    public List<SweepPoint> points() {
        var combinations = new ArrayList<Map<SweepParameter, Object>>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<SweepParameter, List<Object>> axis : grid.entrySet()) {
            var next = new ArrayList<Map<SweepParameter, Object>>();
            for (Map<SweepParameter, Object> partial : combinations) {
                for (Object value : axis.getValue()) {
                    var combination = new LinkedHashMap<>(partial);
                    combination.put(axis.getKey(), value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        List<Map<SweepParameter, Object>> draws = random == null ? List.of(Map.of()) : random.draws();
        var points = new ArrayList<SweepPoint>();
        for (Map<SweepParameter, Object> combination : combinations) {
            for (Map<SweepParameter, Object> draw : draws) {
                var values = new LinkedHashMap<>(combination);
                values.putAll(draw);
                points.add(point(points.size(), values));
            }
        }
        return points;
    }

    private SweepPoint point(int index, Map<SweepParameter, Object> values) {
        RunSettings settings = base;
        for (Map.Entry<SweepParameter, Object> value : values.entrySet()) {
            try {
                settings = value.getKey().apply(settings, value.getValue());
            } catch (IllegalArgumentException e) {
                throw new SweepFileException("point " + index + " (" + new SweepPoint(index, "", values, base).label()
                        + ")", e.getMessage());
            }
        }
        return new SweepPoint(index, id(index, settings), values, settings);
    }

    /** {@code p<index>-<first 8 hex digits of the SHA-256 of the settings' fingerprint>}. */
    static String id(int index, RunSettings settings) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(settings.fingerprint().getBytes(StandardCharsets.UTF_8));
            return String.format(Locale.ROOT, "p%03d-%s", index, HexFormat.of().formatHex(hash, 0, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
