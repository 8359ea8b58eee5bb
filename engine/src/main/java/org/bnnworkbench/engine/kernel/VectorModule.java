package org.bnnworkbench.engine.kernel;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@code java -jar} start with the Vector API. On Java 17 the incubating module
 * {@code jdk.incubator.vector} is only resolved when the JVM is started with {@code --add-modules
 * jdk.incubator.vector}, and a jar manifest cannot ask for that. Without it the engine still works,
 * on the plain-Java kernels, but about 15x slower; so the launchers run their main class again in
 * a child JVM with the flag, the same class path and JVM options, and the same arguments, standard
 * streams and exit code. The child ends itself when the parent dies (e.g. {@code kill -9}), so no
 * orphan keeps running. Set {@code BNN_NO_RELAUNCH=1} to stay in the first JVM.
 */
public final class VectorModule {

    private static final String GUARD = "BNN_NO_RELAUNCH";

    private VectorModule() {
    }

    public static boolean present() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Returns -1 when this JVM should carry on (the module is present, or relaunching is off);
     * otherwise runs the child JVM to its end and returns its exit code.
     */
    public static int relaunchIfMissing(Class<?> mainClass, String[] args) {
        if (present()) {
            watchParentIfRelaunched();
            return -1;
        }
        if (System.getenv(GUARD) != null || Boolean.getBoolean("bnn.noRelaunch")) {
            return -1;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(GUARD, Long.toString(ProcessHandle.current().pid()));
        try {
            Process child = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } catch (java.io.IOException e) {
            System.err.println("note: could not restart with the Vector API (" + e.getMessage()
                    + "); continuing on the slower plain-Java kernels");
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** In a relaunched child: halt as soon as the parent JVM is gone. */
    private static void watchParentIfRelaunched() {
        String parent = System.getenv(GUARD);
        if (parent == null) {
            return;
        }
        try {
            long pid = Long.parseLong(parent);
            ProcessHandle.of(pid).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(137)),
                    () -> Runtime.getRuntime().halt(137));
        } catch (NumberFormatException e) {
            // the variable was set by hand to opt out of relaunching: nothing to watch
        }
    }
}
