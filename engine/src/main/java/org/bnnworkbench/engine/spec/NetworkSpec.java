package org.bnnworkbench.engine.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network as data: the input image shape, whether binary blocks are binary or their
 * full-precision twin, and blocks forming a DAG over feature maps. Immutable; it can be validated,
 * costed, drawn, saved and swept without building any weights. {@link #resolve()} checks it and
 * infers every shape.
 */
public record NetworkSpec(String name, InputShape input, Precision precision, List<Block> blocks) {

    /** The id under which blocks refer to the input image. */
    public static final String INPUT = "input";

    public NetworkSpec {
        if (name == null || name.isBlank()) {
            throw new SpecException(null, "a network needs a name");
        }
        if (input == null) {
            throw new SpecException(null, "network '" + name + "' has no input shape");
        }
        precision = precision == null ? Precision.BINARY : precision;
        blocks = List.copyOf(blocks);
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, input, precision, blocks);
    }

    public NetworkSpec withPrecision(Precision p) {
        return new NetworkSpec(name, input, p, blocks);
    }

    public NetworkSpec withBlocks(List<Block> newBlocks) {
        return new NetworkSpec(name, input, precision, newBlocks);
    }

    /** The same design with every binary conv made 32-bit and every sign made ReLU. */
    public NetworkSpec fullPrecisionTwin() {
        return withPrecision(Precision.FULL);
    }

    /** The number of classes of the output classifier. */
    public int classes() {
        return resolve().classifier().classes();
    }

    /** Validates the spec and infers all shapes; throws the first problem found. */
    public ResolvedNetwork resolve() {
        SpecAnalysis analysis = analyze();
        if (!analysis.valid()) {
            throw analysis.problems().get(0);
        }
        return analysis.resolved();
    }

    /** Every problem found, for the designer's problems list; empty when the spec is valid. */
    public List<SpecException> problems() {
        return analyze().problems();
    }

    /**
     * Resolves as much as possible and lists every problem: blocks whose inputs resolve get their
     * shapes and expansions even when other parts of the network are broken (the designer shows
     * shapes and costs while the user is still wiring).
     */
    public SpecAnalysis analyze() {
        List<SpecException> problems = new ArrayList<>();
        ResolvedNetwork resolved = resolve(problems);
        return new SpecAnalysis(resolved, List.copyOf(problems));
    }

    private ResolvedNetwork resolve(List<SpecException> problems) {
        if (blocks.isEmpty()) {
            problems.add(new SpecException(null, "network '" + name + "' has no blocks"));
        }
        Map<String, Block> byId = new LinkedHashMap<>();
        for (Block b : blocks) {
            if (byId.putIfAbsent(b.id(), b) != null) {
                problems.add(new SpecException(b.id(), "the id is used by more than one block"));
            }
        }
        Set<String> broken = new HashSet<>();
        for (Block b : blocks) {
            for (int k = 0; k < b.inputs().size(); k++) {
                String in = b.inputs().get(k);
                if (in.isBlank()) {
                    problems.add(new SpecException(b.id(), "input " + (k + 1) + " is not connected"));
                    broken.add(b.id());
                } else if (!in.equals(INPUT) && !byId.containsKey(in)) {
                    problems.add(new SpecException(b.id(), "reads from '" + in + "', which is not a block"));
                    broken.add(b.id());
                }
                if (in.equals(b.id())) {
                    problems.add(new SpecException(b.id(), "reads its own output (a cycle)"));
                    broken.add(b.id());
                }
            }
        }
        List<Block> order = topologicalOrder(byId, problems, broken);
        Map<String, FeatureShape> shapes = new HashMap<>();
        Map<String, List<OpNode>> expansions = new LinkedHashMap<>();
        shapes.put(INPUT, input.asFeatures());
        for (Block b : order) {
            List<FeatureShape> ins = new ArrayList<>();
            boolean ready = true;
            for (String in : b.inputs()) {
                FeatureShape s = shapes.get(in);
                if (s == null) {
                    ready = false;
                    break;
                }
                ins.add(s);
            }
            if (!ready) {
                continue;
            }
            try {
                List<OpNode> ops = b.expand(ins, precision);
                expansions.put(b.id(), ops);
                shapes.put(b.id(), ops.get(ops.size() - 1).output());
            } catch (SpecException e) {
                problems.add(e);
            }
        }
        Set<String> consumed = new HashSet<>();
        for (Block b : blocks) {
            consumed.addAll(b.inputs());
        }
        List<Block> sinks = blocks.stream().filter(b -> !consumed.contains(b.id())).toList();
        ClassifierBlock classifier = null;
        List<Block> classifiers = sinks.stream().filter(ClassifierBlock.class::isInstance).toList();
        if (classifiers.isEmpty()) {
            problems.add(new SpecException(null, "network '" + name + "' has no classifier block at its end"));
        } else if (classifiers.size() > 1) {
            problems.add(new SpecException(classifiers.get(1).id(), "a second classifier; a network has one output"));
        } else {
            classifier = (ClassifierBlock) classifiers.get(0);
        }
        for (Block b : sinks) {
            if (!(b instanceof ClassifierBlock)) {
                problems.add(new SpecException(b.id(), "its output is not connected to anything"));
            }
        }
        if (!blocks.isEmpty() && !consumed.contains(INPUT)) {
            problems.add(new SpecException(null, "no block reads the input image"));
        }
        return new ResolvedNetwork(this, order, shapes, expansions, classifier);
    }

    /**
     * Kahn's algorithm. Broken blocks (already reported) release their consumers but are left out of
     * the order; a block left over afterwards sits on a cycle or after one, and only those on a cycle
     * are reported, by name.
     */
    private static List<Block> topologicalOrder(Map<String, Block> byId, List<SpecException> problems, Set<String> broken) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        for (Block b : byId.values()) {
            int count = 0;
            for (String in : b.inputs()) {
                if (byId.containsKey(in) && !in.equals(b.id())) {
                    count++;
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(b.id());
                }
            }
            pending.put(b.id(), count);
        }
        // broken blocks (unconnected or unknown inputs) still take their place in the order, so the
        // blocks after them are not mistaken for a cycle; they simply get no shape
        Deque<String> ready = new ArrayDeque<>();
        for (Block b : byId.values()) {
            if (pending.get(b.id()) == 0) {
                ready.add(b.id());
            }
        }
        List<Block> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            if (!broken.contains(id)) {
                order.add(byId.get(id));
            }
            done.add(id);
            for (String c : consumers.getOrDefault(id, List.of())) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        Set<String> left = new java.util.LinkedHashSet<>(byId.keySet());
        left.removeAll(done);
        // peel off blocks that merely follow a cycle: repeatedly drop those none of the others read
        boolean peeled = true;
        while (peeled) {
            peeled = left.removeIf(id -> consumers.getOrDefault(id, List.of()).stream().noneMatch(left::contains));
        }
        if (!left.isEmpty()) {
            List<String> cyclic = List.copyOf(left);
            problems.add(new SpecException(cyclic.get(0), "is part of a cycle through " + String.join(", ", cyclic)));
        }
        return order;
    }
}
