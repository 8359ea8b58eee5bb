package org.bnnworkbench.architectures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The families and the named networks: those of the published tables at ImageNet scale
 * (224x224x3, 1000 classes; exact layer configurations from BMXNet 2 and larq zoo, see
 * docs/architectures.md), and small members that train in minutes on 28x28 and 32x32 inputs.
 */
public final class Architectures {

    public static final DenseFamily DENSE = new DenseFamily();
    public static final ResNetFamily RESNETE = new ResNetFamily();
    public static final FullPrecisionResNetFamily RESNET = new FullPrecisionResNetFamily();

    private static final Map<String, NamedNetwork> NAMED = new LinkedHashMap<>();

    static {
        // 32-bit baselines (He et al. 2016)
        add(RESNET, "resnet18", "32-bit ResNet-18", List.of(), 18,
                List.of("ResNet18 (full precision)", "ResNet (32-bit baseline)"));
        add(RESNET, "resnet34", "32-bit ResNet-34", List.of("blocks=3,4,6,3"), 34, List.of("ResNet (32-bit baseline)"));
        // Bi-Real Net (Liu et al. 2018)
        add(RESNETE, "birealnet18", "Bi-Real Net 18", List.of("style=birealnet"), 18,
                List.of("Bi-Real-ResNet18", "Bi-RealNet", "Bi-Real Net 18 (larq BiRealNet)", "Bi-Real Net (larq)",
                        "BiRealNet (larq)", "Bi-Real net 18-layer", "Bi-Real Net (18)"));
        add(RESNETE, "birealnet34", "Bi-Real Net 34", List.of("style=birealnet", "blocks=6,8,12,6"), 34,
                List.of("Bi-Real-ResNet34", "Bi-RealNet", "Bi-Real net 34-layer"));
        // ResNetE (Bethge et al. 2019)
        add(RESNETE, "resnete18", "BinaryResNetE18, 7x7 stem", List.of(), 18,
                List.of("BinaryResNetE18", "ResNetE18 (BMXNet resnet18_e1, fp+pool downsample sc)", "BinaryResNetE18 (larq)"));
        add(RESNETE, "resnete34", "BinaryResNetE34, 7x7 stem", List.of("blocks=6,8,12,6"), 34,
                List.of("ResNetE34 (BMXNet resnet34_e1, fp+pool downsample sc)"));
        add(RESNETE, "resnete18-grouped", "ResNetE18 with the grouped stem", List.of("stem=grouped"), 18,
                List.of("ResNetE18 (BMXNet resnet18_e1, fp+pool downsample sc)", "Bi-RealNet (authors' baseline)"));
        add(RESNETE, "resnete34-grouped", "ResNetE34 with the grouped stem", List.of("stem=grouped", "blocks=6,8,12,6"), 34,
                List.of("ResNetE34 (BMXNet resnet34_e1, fp+pool downsample sc)", "Bi-RealNet (authors' baseline)"));
        // BinaryDenseNet (Bethge et al. 2019)
        add(DENSE, "binarydensenet28", "BinaryDenseNet28", List.of("blocks=6,6,6,5", "reductions=2.7,2.7,2.2"), 18,
                List.of("BinaryDenseNet28", "BinaryDenseNet28 (DenseNet28 (6,6,6,5), k=64, init 64, red 2.7,2.7,2.2)",
                        "BinaryDenseNet28 (larq)", "BinaryDenseNet"));
        add(DENSE, "binarydensenet37", "BinaryDenseNet37", List.of("blocks=6,8,12,6", "reductions=3.3,3.3,4"), 34,
                List.of("BinaryDenseNet37", "BinaryDenseNet37 (Densenet37 (6,8,12,6), k=64, init 64, red 3.3,3.3,4)",
                        "BinaryDenseNet37 (larq)", "BinaryDenseNet"));
        add(DENSE, "binarydensenet37-dilated", "BinaryDenseNet37, dilated stages 3 and 4",
                List.of("blocks=6,8,12,6", "reductions=3.3,3.3,4", "dilations=1,1,2,4"), 34,
                List.of("BinaryDenseNet37-dilated", "BinaryDenseNet37Dilated (larq)"));
        add(DENSE, "binarydensenet45", "BinaryDenseNet45", List.of("blocks=6,12,14,8", "reductions=2.7,3.3,4"), 45,
                List.of("BinaryDenseNet45", "BinaryDenseNet45 (larq)"));
        add(DENSE, "binarydensenet28-grouped", "BinaryDenseNet28 with the grouped stem",
                List.of("stem=grouped", "blocks=6,6,6,5", "reductions=2.7,2.7,2.2"), 18,
                List.of("BinaryDenseNet28 (DenseNet28 (6,6,6,5), k=64, init 64, red 2.7,2.7,2.2)",
                        "BinaryDenseNet (authors' baseline)"));
        add(DENSE, "binarydensenet37-grouped", "BinaryDenseNet37 with the grouped stem",
                List.of("stem=grouped", "blocks=6,8,12,6", "reductions=3.3,3.3,4"), 34,
                List.of("BinaryDenseNet37 (Densenet37 (6,8,12,6), k=64, init 64, red 3.3,3.3,4)",
                        "BinaryDenseNet (authors' baseline)"));
        // MeliusNet (Bethge et al. 2021), with the grouped stem as published; 22 and 29 also with the 7x7 stem
        add(DENSE, "meliusnet22", "MeliusNet22", melius("4,5,4,4", "2.2,2.2,2"), 0,
                List.of("MeliusNet22 (4,5,4,4)", "MeliusNet22 (larq)"));
        add(DENSE, "meliusnet22-7x7", "MeliusNet22 with the 7x7 ImageNet stem",
                concat(melius("4,5,4,4", "2.2,2.2,2"), "stem=imagenet"), 0, List.of("MeliusNet22 (4,5,4,4)"));
        add(DENSE, "meliusnet29", "MeliusNet29", melius("4,6,8,6", "2.7,2.7,2.7"), 0, List.of("MeliusNet29 (4,6,8,6)"));
        add(DENSE, "meliusnet29-7x7", "MeliusNet29 with the 7x7 ImageNet stem",
                concat(melius("4,6,8,6", "2.7,2.7,2.7"), "stem=imagenet"), 0, List.of("MeliusNet29 (4,6,8,6)"));
        add(DENSE, "meliusnet42", "MeliusNet42", melius("5,8,14,10", "2.2,2.7,2.7"), 0,
                List.of("MeliusNet42 (5,8,14,10)"));
        add(DENSE, "meliusnet59", "MeliusNet59", melius("6,12,24,12", "2.5,3,3.5"), 0,
                List.of("MeliusNet59 (6,12,24,12)"));
        add(DENSE, "meliusneta", "MeliusNetA: grouped transitions (4) with channel shuffle",
                grouped(melius("4,5,5,6", "2,2,2"), 4), 18, List.of("MeliusNetA (4,5,5,6)", "MeliusNetA"));
        add(DENSE, "meliusnetb", "MeliusNetB: grouped transitions (2) with channel shuffle",
                grouped(melius("4,6,8,6", "2.2,2.4,2.4"), 2), 34, List.of("MeliusNetB (4,6,8,6)", "MeliusNetB"));
        add(DENSE, "meliusnetc", "MeliusNetC: grouped transitions (4) with channel shuffle",
                grouped(melius("3,5,10,6", "2,2.4,3"), 4), 0, List.of("MeliusNetC (3,5,10,6)"));
        // small networks that train in minutes on 28x28 and 32x32 inputs
        List<String> small = List.of("stem=small", "stemPool=true", "input=28x28x1", "classes=10");
        add(DENSE, "bnn-small", "reference BNN for 28x28/32x32: dense blocks, 32-bit transition, residual binary convs",
                concat(small, "initFeatures=64", "blocks=2,0", "growthRate=64", "reductions=1.5", "dilations=1,1",
                        "residual=2"), 0, List.of());
        NAMED.put("fp-small", new NamedNetwork("fp-small", DENSE, NAMED.get("bnn-small").assignments(), true,
                "full-precision twin of bnn-small", List.of(), 0));
        add(DENSE, "binarydensenet-mini", "a small BinaryDenseNet for 28x28/32x32",
                concat(small, "initFeatures=64", "blocks=2,2", "growthRate=32", "reductions=1.5", "dilations=1,1"),
                0, List.of());
        add(DENSE, "meliusnet-mini", "a small MeliusNet for 28x28/32x32",
                concat(small, "initFeatures=64", "blocks=2,2", "growthRate=32", "reductions=1.5", "dilations=1,1",
                        "improvement=true"), 0, List.of());
        add(RESNETE, "resnete-mini", "a small ResNetE for 28x28/32x32",
                concat(small, "width=64", "blocks=2,2"), 0, List.of());
        add(RESNETE, "birealnet-mini", "a small Bi-Real Net for 28x28/32x32",
                concat(small, "style=birealnet", "width=64", "blocks=2,2"), 0, List.of());
    }

    private Architectures() {
    }

    private static List<String> melius(String blocks, String reductions) {
        return List.of("stem=grouped", "improvement=true", "blocks=" + blocks, "reductions=" + reductions);
    }

    private static List<String> grouped(List<String> base, int groups) {
        return concat(base, "transitionGroups=" + groups, "channelShuffle=16");
    }

    private static List<String> concat(List<String> base, String... more) {
        var all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static void add(Family family, String name, String description, List<String> assignments, int depthGroup,
                            List<String> published) {
        NAMED.put(name, new NamedNetwork(name, family, assignments, false, description, published, depthGroup));
    }

    public static List<Family> families() {
        return List.of(DENSE, RESNETE, RESNET);
    }

    public static Family family(String name) {
        return families().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown family '" + name + "' (known: dense, resnete, resnet)"));
    }

    public static List<NamedNetwork> named() {
        return List.copyOf(NAMED.values());
    }

    public static List<String> names() {
        return List.copyOf(NAMED.keySet());
    }

    public static boolean exists(String name) {
        return NAMED.containsKey(name);
    }

    public static NamedNetwork get(String name) {
        NamedNetwork n = NAMED.get(name);
        if (n == null) {
            throw new IllegalArgumentException("unknown architecture '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return n;
    }

    /** The named network built for another input shape and class count (e.g. the data set's). */
    public static org.bnnworkbench.engine.spec.NetworkSpec build(String name, org.bnnworkbench.engine.spec.InputShape input,
                                                                int classes) {
        NamedNetwork n = get(name);
        return n.spec(n.parameters().withValue("input", input).withValue("classes", classes));
    }
}
