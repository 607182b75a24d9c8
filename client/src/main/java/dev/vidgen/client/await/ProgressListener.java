package dev.vidgen.client.await;

/**
 * Hears a wait's progress: called when the status, the percent or the ETA changes. Called on the
 * client's scheduler thread: keep it short and do not block. An exception it throws is logged and
 * ignored.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    /** Called on every change. */
    void onProgress(ProgressEvent event);
}
