package org.bnnworkbench.app.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bnnworkbench.experiments.run.RunRecord;
import org.bnnworkbench.experiments.store.RunQuery;
import org.bnnworkbench.experiments.store.RunStore;
import org.bnnworkbench.experiments.store.RunSummary;

/**
 * The Runs tab's model: every run of the store, listed off the FX thread (with the number of test images of each, for
 * the standard error of its accuracy), and those a filter keeps. A filter is
 * {@link RunQuery} conditions separated by spaces or commas ({@code status=completed clip>=1 testTop1>0.8}); a word
 * without an operator keeps runs whose id, architecture or data set contains it.
 */
public final class RunsModel {

    private final RunStore store;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<RunSummary> all = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> shown = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicLong listing = new AtomicLong();
    /** Test images by run id (0: unknown), read once per run from its record: a run's data set never changes. */
    private final Map<String, Integer> testImages = new ConcurrentHashMap<>();
    private List<RunQuery.Condition> conditions = List.of();
    private List<String> words = List.of();

    public RunsModel(RunStore store, Executor background, Executor fx) {
        this.store = store;
        this.background = background;
        this.fx = fx;
    }

    public RunStore store() {
        return store;
    }

    /** The runs the filter keeps, in the store's order (the table sorts its own view). */
    public ObservableList<RunSummary> shown() {
        return shown;
    }

    public ObservableList<RunSummary> all() {
        return all;
    }

    /** Why the filter was not taken; empty when it was. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** What the last action did or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the store again in the background; only the newest listing is shown. */
    public CompletableFuture<Void> refresh() {
        long n = listing.incrementAndGet();
        var done = new CompletableFuture<Void>();
        background.execute(() -> {
            try {
                List<RunSummary> runs = store.list();
                for (RunSummary run : runs) {
                    testImages.computeIfAbsent(run.id(), this::readTestImages);
                }
                fx.execute(() -> {
                    if (n == listing.get()) {
                        all.setAll(runs);
                        applyFilter();
                    }
                    done.complete(null);
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    message.set("Cannot list the runs in " + store.folder() + ": " + e.getMessage());
                    done.complete(null);
                });
            }
        });
        return done;
    }

    /**
     * The number of test images a run's test top-1 was measured on, for its test-set standard error; null if its
     * record does not say or the run was not listed yet.
     */
    public Integer testImages(String id) {
        Integer n = testImages.get(id);
        return n == null || n < 1 ? null : n;
    }

    /** 0 for a record without a data set; null (not kept, read again next time) for one that cannot be read now. */
    private Integer readTestImages(String id) {
        try {
            RunRecord record = store.record(id);
            return record.dataset() == null ? 0 : record.dataset().testImages();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Takes a filter; an unreadable one keeps the previous filter and says why. */
    public void setFilter(String text) {
        var parsed = new ArrayList<RunQuery.Condition>();
        var plain = new ArrayList<String>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().anyMatch(c -> "=<>!".indexOf(c) >= 0)) {
                try {
                    RunQuery.Condition c = RunQuery.Condition.parse(part);
                    if (c.value().isEmpty() || "=<>!".indexOf(c.value().charAt(0)) >= 0) {
                        throw new IllegalArgumentException("'" + part + "' is not key, operator, value (operators: ="
                                + " != < <= > >=)");
                    }
                    if (!all.isEmpty() && all.stream().noneMatch(r -> r.value(c.key()) != null)) {
                        throw new IllegalArgumentException("no run has a value named '" + c.key() + "' (see the "
                                + "table's columns)");
                    }
                    parsed.add(c);
                } catch (IllegalArgumentException e) {
                    filterProblem.set(e.getMessage());
                    return;
                }
            } else {
                plain.add(part.toLowerCase(Locale.ROOT));
            }
        }
        filterProblem.set("");
        conditions = parsed;
        words = plain;
        applyFilter();
    }

    private void applyFilter() {
        RunQuery query = RunQuery.all();
        for (RunQuery.Condition c : conditions) {
            query = query.where(c.key(), c.operator(), c.value());
        }
        List<RunSummary> kept = query.apply(all).stream().filter(this::hasWords).toList();
        shown.setAll(kept);
    }

    private boolean hasWords(RunSummary run) {
        String text = (run.id() + " " + run.arch() + " " + run.dataset() + " " + run.status().id())
                .toLowerCase(Locale.ROOT);
        return words.stream().allMatch(text::contains);
    }

    /** Deletes runs in the background, then lists the store again. */
    public CompletableFuture<Void> delete(List<String> ids) {
        var done = new CompletableFuture<Void>();
        background.execute(() -> {
            var problems = new ArrayList<String>();
            for (String id : ids) {
                try {
                    store.delete(id);
                    testImages.remove(id);
                } catch (IOException | RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
            fx.execute(() -> {
                message.set(problems.isEmpty() ? "Deleted " + ids.size() + (ids.size() == 1 ? " run." : " runs.")
                        : "Not deleted: " + String.join("; ", problems));
                refresh().thenRun(() -> done.complete(null));
            });
        });
        return done;
    }

    /** The records of these runs, read in the background; runs whose record cannot be read are left out. */
    public CompletableFuture<Map<String, RunRecord>> records(List<String> ids) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, RunRecord> records = new LinkedHashMap<>();
            for (String id : ids) {
                try {
                    records.put(id, store.record(id));
                } catch (IOException | RuntimeException e) {
                    // gone or half-written: nothing to draw
                }
            }
            return records;
        }, background);
    }

    void say(String text) {
        message.set(text);
    }
}
