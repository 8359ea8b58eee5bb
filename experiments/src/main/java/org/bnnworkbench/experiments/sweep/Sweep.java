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
import org.bnnworkbench.experiments.run.TrainingParameters;

/**
 * A sweep: base settings, a grid of values to try every combination of, and optionally random draws. Its points are
 * the grid's combinations in a fixed order (the first parameter varies slowest, like nested loops in the file's
 * order), each combined with every random draw; the same draws for every grid point, so that grid values are
 * compared on equal terms. Read one with {@link SweepFile}.
 *
 * <p>A <em>configuration</em> is one combination of grid values and random draw; every configuration is trained once
 * per seed of {@link #seeds()}, and each (configuration, seed) is a point with its own run. The seeds run in rounds:
 * every configuration with the first seed, then every configuration with the second, so that a sweep stopped halfway
 * has the same seeds for every configuration it reached, ready for paired comparisons.
 *
 * @param grid     per parameter, the values to try, in the file's order
 * @param random   the random draws, or null for a grid only
 * @param parallel how many points train at once
 * @param source   the file's text, kept beside the results; null for a sweep made in code
 * @param seeds    the training seeds every configuration is trained with; empty for the base's seed alone (a sweep
 *                 without {@code repeats} or {@code seeds})
 */
public record Sweep(String name, RunSettings base, Map<SweepParameter, List<Object>> grid, RandomSearch random,
                    int parallel, String source, List<Long> seeds) {

    public Sweep {
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("a seed is listed twice: " + seeds);
        }
    }

    /** A sweep of one seed per configuration, the base's. */
    public Sweep(String name, RunSettings base, Map<SweepParameter, List<Object>> grid, RandomSearch random,
                 int parallel, String source) {
        this(name, base, grid, random, parallel, source, List.of());
    }

    /**
     * The seeds {@code repeats} runs of every configuration train with: the base seed, then the next integers up
     * ({@code 42, 43, 44} for {@code "seed": 42, "repeats": 3}). The first is the base seed, so a sweep that had one
     * seed and now has several keeps its runs.
     */
    public static List<Long> repeatSeeds(long baseSeed, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        var seeds = new ArrayList<Long>();
        for (int r = 0; r < repeats; r++) {
            seeds.add(baseSeed + r);
        }
        return seeds;
    }

    /** The seeds every configuration trains with: {@link #seeds()}, or the base's seed alone. */
    public List<Long> trainingSeeds() {
        return seeds.isEmpty() ? List.of(base.config().seed()) : seeds;
    }

    /** How many runs each configuration has: the number of seeds. */
    public int repeats() {
        return trainingSeeds().size();
    }

    /** The number of configurations: grid combinations times random draws. */
    public long configurations() {
        long size = random == null ? 1 : random.samples();
        for (List<Object> values : grid.values()) {
            size *= values.size();
        }
        return size;
    }

    /** The number of points (configurations times seeds), without making them. */
    public long size() {
        return configurations() * repeats();
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
     * Every point, in the order they train: the seeds in rounds, within a round the configurations in order.
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
        var configurations = new ArrayList<Map<SweepParameter, Object>>();
        for (Map<SweepParameter, Object> combination : combinations) {
            for (Map<SweepParameter, Object> draw : draws) {
                var values = new LinkedHashMap<>(combination);
                values.putAll(draw);
                configurations.add(values);
            }
        }
        var settings = new ArrayList<RunSettings>();
        for (int c = 0; c < configurations.size(); c++) {
            settings.add(settings(c, configurations.get(c)));
        }
        var points = new ArrayList<SweepPoint>();
        for (long seed : trainingSeeds()) {
            for (int c = 0; c < configurations.size(); c++) {
                RunSettings seeded = seeds.isEmpty() ? settings.get(c) : withSeed(settings.get(c), seed);
                points.add(new SweepPoint(points.size(), id(c, seeded), configurations.get(c), seeded, c));
            }
        }
        return points;
    }

    private RunSettings settings(int configuration, Map<SweepParameter, Object> values) {
        RunSettings settings = base;
        for (Map.Entry<SweepParameter, Object> value : values.entrySet()) {
            try {
                settings = value.getKey().apply(settings, value.getValue());
            } catch (IllegalArgumentException e) {
                throw new SweepFileException("point " + configuration + " ("
                        + new SweepPoint(configuration, "", values, base, configuration).label() + ")", e.getMessage());
            }
        }
        return settings;
    }

    private static RunSettings withSeed(RunSettings settings, long seed) {
        var values = TrainingParameters.values(settings.config()).withFoundValue("seed", Long.toString(seed));
        return settings.withConfig(TrainingParameters.toConfig(values));
    }

    /**
     * {@code p<configuration>-<first 8 hex digits of the SHA-256 of the settings' fingerprint>}. The fingerprint holds
     * the seed, so each seed of a configuration has its own id, and a sweep without repeats keeps the ids it had
     * before repeats existed.
     */
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
