package dev.vidgen.jobs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a job's results are saved as soon as it completes, before their URLs expire. vidgen
 * downloads each result to a file in {@link #staging()}, then hands it to {@link #store}; a store
 * for another medium (object storage...) uploads it from there. Must be safe to call again for the
 * same key and index (a crash may repeat a store).
 */
public interface ResultStore {

    /** A directory for downloads in progress (on the same file system as the store, for atomic moves). */
    Path staging() throws IOException;

    /**
     * Saves result {@code index} (of {@code count}) of job {@code key}, whose bytes are the file
     * {@code downloaded} in {@link #staging()}; the store owns that file afterwards.
     *
     * @return where it is, its size and SHA-256
     * @throws IOException when it could not be saved (vidgen tries again later)
     */
    StoredResult store(JobKey key, int index, int count, Path downloaded) throws IOException;
}
