package org.bnnworkbench.experiments.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The random part of a sweep: {@code samples} draws from a space of parameters, the same draws for the same seed.
 *
 * @param seconds a time budget: once this many seconds of the sweep have passed, no new point starts (0: none)
 * @param space   per parameter, in the file's order, the values to draw from
 */
public record RandomSearch(int samples, double seconds, long seed, Map<SweepParameter, Dimension> space) {

    /** Significant digits a drawn number keeps: {@code 0.003162} reads better than {@code 0.0031622776601683794}. */
    static final int DIGITS = 4;

    public RandomSearch {
        space = Collections.unmodifiableMap(new LinkedHashMap<>(space));
    }

    /** What one parameter's values are drawn from. */
    public sealed interface Dimension {

        /** A value of the parameter's type, before its range check. */
        Object draw(SplittableRandom random);
    }

    /** One of a list of values, each as likely. */
    public record Choice(List<Object> values) implements Dimension {

        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public Object draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /**
     * A number between {@code min} and {@code max} (both included), uniform or, with {@code log}, uniform in its
     * logarithm (learning rates: 1e-4 is as likely as 1e-3); whole numbers with {@code integer}.
     */
    public record Range(double min, double max, boolean log, boolean integer) implements Dimension {

        @Override
        public Object draw(SplittableRandom random) {
            if (integer) {
                // each whole number gets an equal share of [min, max + 1), or of its logarithm
                double low = log ? Math.log(min) : min;
                double high = log ? Math.log(max + 1) : max + 1;
                double x = low + random.nextDouble() * (high - low);
                long value = (long) Math.floor(log ? Math.exp(x) : x);
                return (int) Math.max((long) min, Math.min((long) max, value));
            }
            double x = log ? Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)))
                    : min + random.nextDouble() * (max - min);
            double rounded = new BigDecimal(x).round(new MathContext(DIGITS)).doubleValue();
            return Math.max(min, Math.min(max, rounded));
        }
    }

    /** The draws, in order: each a value per parameter of the space, in the space's order. */
    List<Map<SweepParameter, Object>> draws() {
        var random = new SplittableRandom(seed);
        var draws = new ArrayList<Map<SweepParameter, Object>>();
        for (int i = 0; i < samples; i++) {
            var values = new LinkedHashMap<SweepParameter, Object>();
            space.forEach((parameter, dimension) -> {
                Object value = dimension.draw(random);
                // a drawn number takes the parameter's type (an integer for blocks, a double for clip)
                values.put(parameter, dimension instanceof Range ? parameter.parse(String.valueOf(value)) : value);
            });
            draws.add(values);
        }
        return draws;
    }
}
