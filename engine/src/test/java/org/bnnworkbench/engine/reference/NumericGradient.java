package org.bnnworkbench.engine.reference;

import java.util.function.ToDoubleFunction;

/** Central finite differences in double precision. */
public final class NumericGradient {

    /** Step for smooth float64 functions of O(1) values: truncation ~h^2, rounding ~1e-16 / h. */
    public static final double STEP = 1e-4;

    private NumericGradient() {
    }

    /** d f / d x_i = (f(x + h e_i) - f(x - h e_i)) / 2h for every i; x is restored afterwards. */
    public static double[] of(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double plus = f.applyAsDouble(x);
            x[i] = saved - h;
            double minus = f.applyAsDouble(x);
            x[i] = saved;
            grad[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }

    public static double[] of(ToDoubleFunction<double[]> f, double[] x) {
        return of(f, x, STEP);
    }
}
