package org.bnnworkbench.engine.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes {@code java -jar} start with the Vector API. On Java 17 the incubating module
 * {@code jdk.incubator.vector} is only resolved when the JVM is started with {@code --add-modules
 * jdk.incubator.vector}, and a jar manifest cannot ask for that. Without it the engine still works,
 * on the plain-Java kernels, but about 15x slower; so the launchers run their main class again in
 * a child JVM with the flag, the same class path and JVM options, and the same arguments, standard
 * streams and exit code. The child ends itself when the parent dies (e.g. {@code kill -9}), so no
 * orphan keeps running. Set {@code BNN_NO_RELAUNCH=1} to stay in the first JVM.
 *
 * <p>The child also gets {@value #TRAP_LIMIT} (unless the options already set it). HotSpot 17 compiles a
 * Vector API loop without its intrinsics, i.e. boxing every vector, once the shared Vector API methods it
 * inlines have collected more than {@code PerMethodTrapLimit} (100) deoptimisation traps; the float
 * kernels' warm-up collects them, so whichever kernel is compiled later, in practice the binary
 * convolution, ran 6-12x slower for the rest of the run (docs/performance.md, "The trap limit").
 *
 * <p>The child runs on the JDK {@link JavaRuntimes#forChild()} picks: a newer installed JDK when this one lacks the
 * lane-wise popcount of the binary kernels, or the one {@code BNN_JAVA_HOME} names.
 */
public final class VectorModule {

    private static final String GUARD = "BNN_NO_RELAUNCH";
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final long CHILD_GRACE_SECONDS = 30;
    /** See the class comment; 10 000 leaves room for every kernel's warm-up traps. */
    public static final String TRAP_LIMIT = "-XX:PerMethodTrapLimit=10000";
    /** The first release that restricts native access (and warns about it unless enabled). */
    static final int NATIVE_ACCESS_FEATURE = 22;
    /** The first release that warns when a library (JavaFX's Marlin renderer) uses sun.misc.Unsafe memory access. */
    static final int UNSAFE_WARNING_FEATURE = 24;

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
        JavaRuntimes.Jdk jdk = JavaRuntimes.forChild();
        command.add(jdk.java().toString());
        command.addAll(childOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), jdk.feature()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        // standard error is piped, not inherited, only to drop the JVM's "Using incubator modules" warning: a
        // command whose contract is one line on stderr for a mistake must not print a second one
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(GUARD, Long.toString(ProcessHandle.current().pid()));
        try {
            Process child = builder.start();
            Thread copier = new Thread(() -> copyWithoutIncubatorWarning(child.getErrorStream(), System.err),
                    "bnn-child-stderr");
            copier.setDaemon(true);
            copier.start();
            // on Ctrl+C or kill: let the child end its work in its own shutdown hooks (e.g. write a run record).
            // The handle's destroy() only signals; Process.destroy() would also close the pipe the child's last
            // words (how it ended) still have to pass through.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                child.toHandle().destroy();
                try {
                    child.waitFor(CHILD_GRACE_SECONDS, TimeUnit.SECONDS);
                    copier.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            int code = child.waitFor();
            copier.join();
            return code;
        } catch (java.io.IOException e) {
            System.err.println("note: could not restart with the Vector API (" + e.getMessage()
                    + "); continuing on the slower plain-Java kernels");
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The child JVM's options: the Vector API, the {@link #TRAP_LIMIT} unless set, on JDK 22 and later the native
     * access JavaFX's libraries need and on JDK 24 and later the sun.misc.Unsafe memory access its renderer uses
     * (without them those JDKs print warnings on every start), then the parent's own.
     */
    static List<String> childOptions(List<String> parentOptions, int childFeature) {
        List<String> options = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
        if (parentOptions.stream().noneMatch(o -> o.startsWith("-XX:PerMethodTrapLimit="))) {
            options.add(TRAP_LIMIT);
        }
        if (childFeature >= NATIVE_ACCESS_FEATURE
                && parentOptions.stream().noneMatch(o -> o.startsWith("--enable-native-access"))) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (childFeature >= UNSAFE_WARNING_FEATURE
                && parentOptions.stream().noneMatch(o -> o.startsWith("--sun-misc-unsafe-memory-access"))) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        options.addAll(parentOptions);
        return options;
    }

    /**
     * Copies the child's standard error as it comes, without its first line if that is the JVM's incubator warning.
     * Flushes after every read: progress lines end in a carriage return, not a newline.
     */
    static void copyWithoutIncubatorWarning(InputStream from, PrintStream to) {
        byte[] warning = INCUBATOR_WARNING.getBytes(StandardCharsets.UTF_8);
        var firstLine = new java.io.ByteArrayOutputStream();
        try {
            int b;
            while ((b = from.read()) >= 0 && b != '\n') {
                firstLine.write(b);
                if (!startsWith(warning, firstLine.toByteArray())) {
                    break;
                }
            }
            byte[] first = firstLine.toByteArray();
            boolean isWarning = new String(first, StandardCharsets.UTF_8).strip().equals(INCUBATOR_WARNING);
            if (!isWarning) {
                to.write(first, 0, first.length);
                if (b == '\n') {
                    to.write('\n');
                }
                to.flush();
            }
            byte[] buffer = new byte[8192];
            int n;
            while ((n = from.read(buffer)) > 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (java.io.IOException e) {
            // the child has gone; nothing more will come
        }
    }

    /** Whether {@code text} could still become {@code prefix} (a CR before the newline counts as a match). */
    private static boolean startsWith(byte[] prefix, byte[] text) {
        for (int i = 0; i < text.length; i++) {
            boolean fits = i < prefix.length ? text[i] == prefix[i] : i == prefix.length && text[i] == '\r';
            if (!fits) {
                return false;
            }
        }
        return true;
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
