package org.bnnworkbench.architectures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bnnworkbench.engine.spec.InputShape;
import org.bnnworkbench.engine.spec.NetworkSpec;

/**
 * The named networks, built for a given input shape and number of classes (so the same name
 * trains on 28x28x1 Fashion-MNIST and on 32x32x3 CIFAR-10).
 */
public final class Architectures {

    private static final Map<String, BiFunction<InputShape, Integer, NetworkSpec>> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("bnn-small", SmallNetworks::bnnSmall);
        NAMED.put("fp-small", SmallNetworks::fpSmall);
    }

    private Architectures() {
    }

    public static List<String> names() {
        return List.copyOf(NAMED.keySet());
    }

    public static boolean exists(String name) {
        return NAMED.containsKey(name);
    }

    /** The named network for this input and class count; unknown names get a message listing the known ones. */
    public static NetworkSpec build(String name, InputShape input, int classes) {
        var factory = NAMED.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown architecture '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return factory.apply(input, classes);
    }
}
