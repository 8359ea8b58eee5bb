package org.bnnworkbench.experiments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto front of points that should be small in x (size, OPs) and high in y (accuracy): a point is on it when no
 * other point is at most as large in x and at least as accurate, and strictly better in one of the two.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** The points on the front, by increasing x (and increasing y). */
    public static <T> List<T> of(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        var sorted = new ArrayList<>(points);
        // by x; among equal x the most accurate first, so that it alone can be on the front
        sorted.sort(Comparator.comparingDouble(x).thenComparing(Comparator.comparingDouble(y).reversed()));
        var front = new ArrayList<T>();
        double best = Double.NEGATIVE_INFINITY;
        for (T p : sorted) {
            if (y.applyAsDouble(p) > best) {
                front.add(p);
                best = y.applyAsDouble(p);
            }
        }
        return front;
    }
}
