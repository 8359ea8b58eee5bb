package org.bnnworkbench.engine.data;

import java.net.URI;
import java.util.List;

/**
 * The data sets the workbench knows by name: what they are, whose they are, under what terms, and where to get them.
 */
public enum KnownDataset {

    FASHION_MNIST_SUBSET("fashion-mnist-subset", Format.EMBEDDED,
            "Fashion-MNIST, first 1,000 training and 200 test images of each class (embedded, always available)",
            "MIT", "https://github.com/zalandoresearch/fashion-mnist",
            "Subset of Fashion-MNIST, Copyright (c) 2017 Zalando SE, MIT licence (see NOTICE)",
            ClassNames.FASHION, List.of()),

    FASHION_MNIST("fashion-mnist", Format.IDX,
            "Fashion-MNIST: 60,000 + 10,000 grey 28x28 images of 10 kinds of clothing (Xiao et al. 2017)",
            "MIT", "https://github.com/zalandoresearch/fashion-mnist",
            "Fashion-MNIST, Copyright (c) 2017 Zalando SE, MIT licence; H. Xiao, K. Rasul, R. Vollgraf, "
                    + "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms, "
                    + "arXiv:1708.07747",
            ClassNames.FASHION,
            List.of(URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"))),

    MNIST("mnist", Format.IDX,
            "MNIST: 60,000 + 10,000 grey 28x28 handwritten digits (LeCun, Cortes, Burges)",
            "CC BY-SA 3.0 (as commonly stated; the original page names none)", "http://yann.lecun.com/exdb/mnist/",
            "MNIST database of handwritten digits, Y. LeCun, C. Cortes, C. J. C. Burges",
            ClassNames.DIGITS,
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"))),

    CIFAR10("cifar10", Format.CIFAR10,
            "CIFAR-10: 50,000 + 10,000 colour 32x32 images of 10 classes (Krizhevsky 2009)",
            "none stated; the authors ask that the report be cited", "https://www.cs.toronto.edu/~kriz/cifar.html",
            "CIFAR-10, A. Krizhevsky, Learning Multiple Layers of Features from Tiny Images, "
                    + "University of Toronto, 2009",
            ClassNames.CIFAR10,
            List.of(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")));

    /** How a data set is stored, which decides how it is found, read and downloaded. */
    public enum Format { EMBEDDED, IDX, CIFAR10 }

    private final String id;
    private final Format format;
    private final String description;
    private final String licence;
    private final String homepage;
    private final String licenceNotice;
    private final List<String> classNames;
    private final List<URI> sources;

    KnownDataset(String id, Format format, String description, String licence, String homepage,
                 String licenceNotice, List<String> classNames, List<URI> sources) {
        this.id = id;
        this.format = format;
        this.description = description;
        this.licence = licence;
        this.homepage = homepage;
        this.licenceNotice = licenceNotice;
        this.classNames = classNames;
        this.sources = sources;
    }

    /** The name users type, e.g. {@code fashion-mnist}; also the folder name it is looked for under. */
    public String id() {
        return id;
    }

    public Format format() {
        return format;
    }

    public String description() {
        return description;
    }

    public String licence() {
        return licence;
    }

    public String homepage() {
        return homepage;
    }

    /** The attribution to show wherever results on this data set are shown. */
    public String licenceNotice() {
        return licenceNotice;
    }

    public List<String> classNames() {
        return classNames;
    }

    /**
     * Where to download from, tried in order: for IDX data sets, folders holding the four {@code .gz} files; for
     * CIFAR-10, the {@code .tar.gz} archive itself.
     */
    public List<URI> sources() {
        return sources;
    }

    /** The data set called {@code id}, or null if there is none. */
    public static KnownDataset byId(String id) {
        for (KnownDataset known : values()) {
            if (known.id.equals(id)) {
                return known;
            }
        }
        return null;
    }

    /** Class names as the data sets' authors publish them. */
    private static final class ClassNames {
        static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck");
    }
}
