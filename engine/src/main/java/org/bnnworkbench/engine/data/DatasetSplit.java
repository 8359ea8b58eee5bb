package org.bnnworkbench.engine.data;

import java.util.Objects;

/**
 * A data set as the trainer needs it: a training split and a held-out test split of the same image shape and
 * classes, plus where it came from and under what terms, so a run record and a report can say both.
 *
 * @param source        where it was loaded from (a folder, or a classpath location for the embedded subset)
 * @param licenceNotice the attribution its licence asks for, or null when unknown (e.g. a folder of IDX files
 *                      given by path)
 */
public record DatasetSplit(LabelledImages train, LabelledImages test, String source, String licenceNotice) {

    public DatasetSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width()) {
            throw new IllegalArgumentException(source + ": train images are " + shape(train)
                    + " but test images are " + shape(test));
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException(source + ": train and test splits name different classes");
        }
    }

    /** The same splits with another licence notice; the catalogue knows the terms, the readers do not. */
    public DatasetSplit withLicenceNotice(String notice) {
        return new DatasetSplit(train, test, source, notice);
    }

    private static String shape(LabelledImages images) {
        return images.channels() + "x" + images.height() + "x" + images.width();
    }
}
