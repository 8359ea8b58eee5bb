package org.bnnworkbench.app.designer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.bnnworkbench.app.designer.edit.MoveBlocks;
import org.bnnworkbench.app.designer.io.Autosave;
import org.bnnworkbench.app.designer.io.DesignFile;
import org.bnnworkbench.app.designer.io.RecentFiles;
import org.bnnworkbench.app.designer.model.AutoLayout;
import org.bnnworkbench.app.designer.model.Design;
import org.bnnworkbench.engine.spec.SpecException;

/**
 * The designer's file actions: new, open, open template, save, save as, recent files, export as
 * PNG, the guard against losing unsaved changes, and autosave with recovery after a crash. Dialogs
 * are injectable so tests can answer them.
 */
public final class DesignerActions {

    private static final Logger LOG = Logger.getLogger(DesignerActions.class.getName());

    /** The questions the actions ask; the app shows dialogs, tests answer directly. */
    public interface Dialogs {
        /** Save, discard or cancel unsaved changes: returns "save", "discard" or "cancel". */
        String unsavedChanges(String designName);

        Optional<Path> openFile(Path folder);

        Optional<Path> saveFile(Path folder, String suggestedName, String extension);

        boolean recover(Autosave.Recovery recovery);

        void error(String title, String message);
    }

    private final DesignerModel model;
    private final DesignerView view;
    private final RecentFiles recent;
    private final Autosave autosave;
    private final Dialogs dialogs;
    private final Timeline autosaveTimer;
    private final AtomicLong autosaveGeneration = new AtomicLong();
    private final Executor autosaveWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "design-autosave");
        t.setDaemon(true);
        return t;
    });

    /** @param autosaveEvery how often unsaved work is written to the autosave folder */
    public DesignerActions(DesignerModel model, DesignerView view, Path home, Dialogs dialogs, Duration autosaveEvery) {
        this.model = model;
        this.view = view;
        this.recent = new RecentFiles(home.resolve("recent-designs.txt"));
        this.autosave = new Autosave(home.resolve("autosave"));
        this.dialogs = dialogs;
        this.autosaveTimer = new Timeline(new KeyFrame(autosaveEvery, e -> autosaveNow()));
        autosaveTimer.setCycleCount(Timeline.INDEFINITE);
    }

    public void startAutosave() {
        autosaveTimer.play();
    }

    /** When the window closes normally: nothing more to keep. */
    public void stopAutosave() {
        autosaveTimer.stop();
    }

    /**
     * Writes the unsaved design to the autosave folder (called by the timer). The design is an
     * immutable value, so it is written on another thread: serialising a MeliusNet59 and forcing
     * the file to disk must not hold the FX thread.
     */
    public void autosaveNow() {
        if (!model.dirtyProperty().get()) {
            return;
        }
        Design design = model.design();
        Path origin = model.fileProperty().get();
        long generation = autosaveGeneration.get();
        autosaveWriter.execute(() -> {
            try {
                synchronized (autosave) {
                    // a save or discard since the timer fired makes this copy stale
                    if (generation == autosaveGeneration.get()) {
                        autosave.write(design, origin);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "autosave failed", e);
            }
        });
    }

    /** Removes the autosaved copy; an autosave already under way is not written afterwards. */
    private void clearAutosave() {
        autosaveGeneration.incrementAndGet();
        synchronized (autosave) {
            autosave.clear();
        }
    }

    /** At start: offers to recover an autosaved design; returns true when one was recovered. */
    public boolean offerRecovery() {
        Optional<Autosave.Recovery> found = autosave.find();
        if (found.isEmpty()) {
            return false;
        }
        if (dialogs.recover(found.get())) {
            model.load(found.get().design(), found.get().origin(), true);
            return true;
        }
        clearAutosave();
        return false;
    }

    public List<Path> recentFiles() {
        return recent.list();
    }

    /** Asks about unsaved changes; returns false when the user cancelled. */
    public boolean confirmDiscard() {
        if (!model.dirtyProperty().get()) {
            return true;
        }
        return switch (dialogs.unsavedChanges(model.design().spec().name())) {
            case "save" -> save();
            case "discard" -> {
                clearAutosave();
                yield true;
            }
            default -> false;
        };
    }

    public void newDesign() {
        if (confirmDiscard()) {
            model.load(Design.empty(), null, false);
            clearAutosave();
            view.canvas().fitToView();
        }
    }

    public void openTemplate(Window owner) {
        if (!confirmDiscard()) {
            return;
        }
        TemplateChooser.choose(owner).ifPresent(this::openTemplate);
    }

    public void openTemplate(Design template) {
        model.load(template, null, false);
        view.canvas().fitToView();
        clearAutosave();
    }

    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        dialogs.openFile(folder()).ifPresent(this::open);
    }

    /** Open Recent: asks about unsaved changes first; a file that is gone is said to be gone. */
    public void openRecent(Path file) {
        if (confirmDiscard()) {
            open(file);
        }
    }

    public void open(Path file) {
        try {
            Design d = DesignFile.load(file);
            if (d.layout().isEmpty()) {
                d = d.withLayout(AutoLayout.layout(d));
            }
            model.load(d, file, false);
            recent.add(file);
            view.canvas().fitToView();
        } catch (SpecException e) {
            dialogs.error("Cannot open design", e.getMessage());
        }
    }

    public boolean save() {
        Path file = model.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    public boolean saveAs() {
        Optional<Path> target = dialogs.saveFile(folder(), model.design().spec().name() + ".json", "json");
        return target.isPresent() && saveTo(target.get());
    }

    public boolean saveTo(Path file) {
        try {
            DesignFile.save(model.design(), file);
            model.markSaved(file);
            recent.add(file);
            clearAutosave();
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.error("Cannot save design", file + ": " + e.getMessage());
            return false;
        }
    }

    public void autoLayout() {
        model.perform(new MoveBlocks("Auto-layout", AutoLayout.layout(model.design())));
        view.canvas().fitToView();
    }

    /** Asks where, then writes the whole design as a PNG picture (see {@link #exportPng(Path)}). */
    public void exportPng() {
        dialogs.saveFile(folder(), model.design().spec().name() + ".png", "png").ifPresent(this::exportPng);
    }

    private static final int TILE = 512;

    /**
     * Writes the whole design as the canvas shows it (collapsed stages stay collapsed), at 100 %,
     * with a 20-pixel white margin, as a PNG picture. The picture is taken in tiles, one FX task
     * each, and encoded and written on another thread, so that even a MeliusNet59 (about 3000 x
     * 1500 pixels) never holds the FX thread for long. Completes when the file is written.
     */
    public CompletableFuture<Path> exportPng(Path file) {
        var canvas = view.canvas();
        Bounds b = canvas.contentBounds();
        double margin = 20;
        double x0 = Math.floor(b.getMinX() - margin);
        double y0 = Math.floor(b.getMinY() - margin);
        int width = (int) Math.ceil(b.getWidth() + 2 * margin);
        int height = (int) Math.ceil(b.getHeight() + 2 * margin);
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        CompletableFuture<Void> tiles = CompletableFuture.completedFuture(null);
        for (int ty = 0; ty < height; ty += TILE) {
            for (int tx = 0; tx < width; tx += TILE) {
                int x = tx;
                int y = ty;
                var area = new Rectangle2D(x0 + x, y0 + y, Math.min(TILE, width - tx), Math.min(TILE, height - ty));
                tiles = tiles
                        .thenCompose(v -> onFx(() -> canvas.snapshotOfDesign(area)))
                        // converting to AWT and drawing happen off the FX thread
                        .thenAcceptAsync(tile -> graphics.drawImage(SwingFXUtils.fromFXImage(tile, null), x, y, null));
            }
        }
        return tiles.thenApplyAsync(v -> {
            graphics.dispose();
            try {
                Path partial = file.resolveSibling(file.getFileName() + ".part");
                if (!ImageIO.write(picture, "png", partial.toFile())) {
                    throw new IOException("no PNG writer");
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Platform.runLater(() -> dialogs.error("Cannot export picture", file + ": " + cause.getMessage()));
            }
        });
    }

    private static <T> CompletableFuture<T> onFx(Supplier<T> task) {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private Path folder() {
        Path file = model.fileProperty().get();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            return file.toAbsolutePath().getParent();
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** The dialogs of the desktop app. */
    public static Dialogs standardDialogs(Window owner) {
        return new Dialogs() {
            @Override
            public String unsavedChanges(String designName) {
                var save = new ButtonType("Save", ButtonBar.ButtonData.YES);
                var discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
                var alert = new Alert(Alert.AlertType.CONFIRMATION, "The design '" + designName + "' has unsaved changes.",
                        save, discard, ButtonType.CANCEL);
                alert.initOwner(owner);
                alert.setHeaderText("Save changes?");
                ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
                return answer == save ? "save" : answer == discard ? "discard" : "cancel";
            }

            @Override
            public Optional<Path> openFile(Path folder) {
                var chooser = new FileChooser();
                chooser.setTitle("Open design");
                chooser.setInitialDirectory(folder.toFile());
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Network files", "*.json"));
                var f = chooser.showOpenDialog(owner);
                return Optional.ofNullable(f).map(java.io.File::toPath);
            }

            @Override
            public Optional<Path> saveFile(Path folder, String suggestedName, String extension) {
                var chooser = new FileChooser();
                chooser.setTitle("Save");
                chooser.setInitialDirectory(folder.toFile());
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
                var f = chooser.showSaveDialog(owner);
                return Optional.ofNullable(f).map(java.io.File::toPath);
            }

            @Override
            public boolean recover(Autosave.Recovery recovery) {
                String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                        .format(recovery.savedAt());
                var alert = new Alert(Alert.AlertType.CONFIRMATION, "An unsaved design '" + recovery.design().spec().name()
                        + "' from " + when + " was kept when the app last closed unexpectedly. Recover it?",
                        ButtonType.YES, ButtonType.NO);
                alert.initOwner(owner);
                alert.setHeaderText("Recover unsaved design?");
                return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
            }

            @Override
            public void error(String title, String message) {
                var alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
                alert.initOwner(owner);
                alert.setHeaderText(title);
                alert.showAndWait();
            }
        };
    }
}
