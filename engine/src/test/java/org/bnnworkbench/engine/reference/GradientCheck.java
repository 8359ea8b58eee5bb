package org.bnnworkbench.engine.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bnnworkbench.engine.nn.Layer;
import org.bnnworkbench.engine.nn.Merge;
import org.bnnworkbench.engine.nn.Param;
import org.bnnworkbench.engine.tensor.Tensor;

/**
 * Checks a backward pass: with a random upstream gradient u and L = sum(u * f(x)) evaluated by the
 * float64 reference, the engine's dL/dx and dL/dparams must match central differences of L.
 */
public final class GradientCheck {

    /** A layer's reference forward pass as a function of its input and its parameter values. */
    @FunctionalInterface
    public interface ReferenceLayer {
        Float64Tensor apply(Float64Tensor x, List<double[]> params);
    }

    private GradientCheck() {
    }

    /** Input and parameter gradients of a layer in training mode, parameters in {@link Layer#params()} order. */
    public static void layer(String label, Layer layer, Tensor x, ReferenceLayer reference, Random rng) {
        layer.params().forEach(Param::zeroGrad);
        Tensor y = layer.forward(x, true);
        Tensor u = RandomTensors.gaussian(rng, y.shape());
        Tensor dx = layer.backward(u);
        double[] ud = Float64Tensor.toDouble(u.data());
        List<double[]> params = new ArrayList<>();
        for (Param p : layer.params()) {
            params.add(Float64Tensor.toDouble(p.value().data()));
        }
        Float64Tensor xd = Float64Tensor.of(x);
        double[] numericDx = NumericGradient.of(v -> ReferenceOps.dot(ud, reference.apply(xd.with(v), params)),
                xd.data().clone());
        Agreement.assertGradient(label + " dL/dx", dx.data(), numericDx);
        for (int i = 0; i < params.size(); i++) {
            // NumericGradient perturbs this array in place, and the reference reads it through params
            double[] values = params.get(i);
            double[] numeric = NumericGradient.of(v -> ReferenceOps.dot(ud, reference.apply(xd, params)), values);
            Param p = layer.params().get(i);
            Agreement.assertGradient(label + " dL/d" + p.name(), p.grad().data(), numeric);
        }
    }

    /** Gradients of a merge with respect to each of its inputs. */
    public static void merge(String label, Merge merge, List<Tensor> inputs,
                             Function<List<Float64Tensor>, Float64Tensor> reference, Random rng) {
        Tensor y = merge.forward(inputs);
        Tensor u = RandomTensors.gaussian(rng, y.shape());
        List<Tensor> grads = merge.backward(u);
        double[] ud = Float64Tensor.toDouble(u.data());
        List<Float64Tensor> xs = new ArrayList<>();
        inputs.forEach(t -> xs.add(Float64Tensor.of(t)));
        for (int k = 0; k < inputs.size(); k++) {
            // perturbed in place, seen by the reference through xs
            double[] values = xs.get(k).data();
            double[] numeric = NumericGradient.of(v -> ReferenceOps.dot(ud, reference.apply(xs)), values);
            Agreement.assertGradient(label + " dL/dinput" + k, grads.get(k).data(), numeric);
        }
    }
}
