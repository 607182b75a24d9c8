package dev.vidgen.jobs;

import java.util.Objects;

/**
 * One result saved by a {@link ResultStore}.
 *
 * @param index    the result's index in the task (0-based)
 * @param location where it is (a path for {@link DirectoryResultStore}, a URI or key for others)
 * @param bytes    its size
 * @param sha256   its SHA-256, lower-case hex
 */
public record StoredResult(int index, String location, long bytes, String sha256) {

    /** Checks the fields. */
    public StoredResult {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
        if (index < 0 || bytes < 0) {
            throw new IllegalArgumentException("index and bytes must be >= 0, got " + index + " and " + bytes);
        }
    }
}
