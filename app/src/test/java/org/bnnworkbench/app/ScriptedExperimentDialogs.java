package org.bnnworkbench.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Answers the Training, Runs and Sweeps tabs' questions the way a test tells it to, and records what was asked. A
 * question the test did not expect fails loudly instead of hanging on a dialog.
 */
public final class ScriptedExperimentDialogs implements ExperimentDialogs {

    public final List<String> asked = new ArrayList<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final Deque<Path> paths = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message, String goAhead) {
        asked.add(title);
        return next(confirmations, title);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        asked.add(title);
        return Optional.of(next(paths, title));
    }

    @Override
    public Optional<Path> openFile(String title, Path folder, String extension) {
        asked.add(title);
        return Optional.of(next(paths, title));
    }

    @Override
    public Optional<Path> saveFile(String title, Path folder, String suggestedName, String extension) {
        asked.add(title + " " + suggestedName);
        return Optional.of(next(paths, title));
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    private static <T> T next(Deque<T> answers, String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("the test did not expect the question: " + question);
        }
        return answers.poll();
    }
}
