package org.bnnworkbench.app.training;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.bnnworkbench.engine.data.DatasetCatalog;
import org.bnnworkbench.engine.data.DatasetSplit;

/**
 * Data sets loaded once per session, off the FX thread: the training view, its design check and the sweeps share
 * them. A load that failed is forgotten, so that the next request tries again (e.g. after the user put the files in
 * place).
 */
public final class DatasetCache {

    private final Executor background;
    private final Map<String, CompletableFuture<DatasetSplit>> loads = new ConcurrentHashMap<>();

    /** @param background where data sets are read (never the FX thread) */
    public DatasetCache(Executor background) {
        this.background = background;
    }

    /** The data set by name or folder, loaded now or earlier; completes exceptionally with the catalogue's reason. */
    public CompletableFuture<DatasetSplit> load(String nameOrFolder) {
        CompletableFuture<DatasetSplit> load = loads.computeIfAbsent(nameOrFolder, name ->
                CompletableFuture.supplyAsync(() -> new DatasetCatalog().resolve(name), background));
        load.whenComplete((data, failure) -> {
            if (failure != null) {
                loads.remove(nameOrFolder, load);
            }
        });
        return load;
    }

    /** For the threads that train: the data set, loading it if need be, waiting for it. */
    public DatasetSplit get(String nameOrFolder) {
        try {
            return load(nameOrFolder).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
