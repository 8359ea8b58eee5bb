package org.bnnworkbench.app.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bnnworkbench.experiments.report.ReportInputs;

/**
 * The runs and sweeps the Compare tab offers: the app's run store ({@code <home>/runs/<id>}), its sweeps folder
 * ({@code <home>/sweeps/<name>}), and any run or sweep folder the user adds. Read off the FX thread.
 */
final class ComparisonSources {

    /** A run or sweep folder, as a check list shows it. */
    record Source(Path folder, boolean sweep) {
        @Override
        public String toString() {
            Path name = folder.getFileName();
            return name == null ? folder.toString() : name.toString();
        }
    }

    private ComparisonSources() {
    }

    static List<Source> scan(Path home, List<Path> added) {
        var sources = new ArrayList<Source>();
        children(home.resolve("runs")).filter(ReportInputs::isRun).forEach(p -> sources.add(new Source(p, false)));
        children(home.resolve("sweeps")).filter(ReportInputs::isSweep).forEach(p -> sources.add(new Source(p, true)));
        for (Path p : added) {
            if (ReportInputs.isSweep(p)) {
                sources.add(new Source(p, true));
            } else if (ReportInputs.isRun(p)) {
                sources.add(new Source(p, false));
            }
        }
        return sources;
    }

    private static Stream<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
