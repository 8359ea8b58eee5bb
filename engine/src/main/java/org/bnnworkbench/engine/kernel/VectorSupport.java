package org.bnnworkbench.engine.kernel;

/**
 * Whether the incubating Vector API ({@code jdk.incubator.vector}) is in the boot layer. Java 17
 * only resolves it when the JVM is started with {@code --add-modules jdk.incubator.vector}; the
 * launchers restart themselves with that flag (see {@link VectorModule}).
 */
final class VectorSupport {

    static final boolean AVAILABLE = !Boolean.getBoolean("bnn.scalar")
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {
    }
}
