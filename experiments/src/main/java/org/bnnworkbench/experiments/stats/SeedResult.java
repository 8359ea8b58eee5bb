package org.bnnworkbench.experiments.stats;

/**
 * One completed run of a configuration: its seed and its test accuracy.
 *
 * @param accuracy   test top-1 as a fraction, 0 to 1
 * @param testImages the test images it was measured on; null if unknown
 */
public record SeedResult(long seed, double accuracy, Integer testImages) {

    /** The run's own sampling error on its test set; null if the number of test images is unknown. */
    public TestSetError testSetError() {
        return testImages == null || testImages < 1 ? null : new TestSetError(accuracy, testImages);
    }
}
