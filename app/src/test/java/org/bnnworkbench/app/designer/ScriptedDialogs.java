package org.bnnworkbench.app.designer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.bnnworkbench.app.designer.io.Autosave;

/**
 * Answers the designer's questions the way a test tells it to, and records what was asked. A
 * question the test did not expect fails loudly instead of hanging on a dialog.
 */
final class ScriptedDialogs implements DesignerActions.Dialogs {

    final List<String> asked = new ArrayList<>();
    final Deque<String> unsavedAnswers = new ArrayDeque<>();
    final Deque<Path> fileAnswers = new ArrayDeque<>();
    boolean recoverAnswer;
    final List<String> errors = new ArrayList<>();

    @Override
    public String unsavedChanges(String designName) {
        asked.add("unsaved changes in " + designName);
        return next(unsavedAnswers, "unsaved changes");
    }

    @Override
    public Optional<Path> openFile(Path folder) {
        asked.add("open file");
        return Optional.of(next(fileAnswers, "open file"));
    }

    @Override
    public Optional<Path> saveFile(Path folder, String suggestedName, String extension) {
        asked.add("save file " + suggestedName);
        return Optional.of(next(fileAnswers, "save file"));
    }

    @Override
    public boolean recover(Autosave.Recovery recovery) {
        asked.add("recover " + recovery.design().spec().name());
        return recoverAnswer;
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
