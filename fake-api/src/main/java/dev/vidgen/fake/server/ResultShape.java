package dev.vidgen.fake.server;

/**
 * How the fake API lists a completed task's videos. The API's pages show two shapes; a client must
 * read both, and a test can choose which one the fake answers with.
 */
public enum ResultShape {
    /** {@code "results": [{"url": ..., "width": ..., "height": ..., "duration": ...}]} (the newer page; the default). */
    RESULTS,
    /**
     * {@code "output": {"url": ..., "urls": [...], "duration": ..., "width": ..., "height": ...}} and no
     * {@code results} (an older page); {@code output} is {@code null} until the task completes.
     */
    OUTPUT
}
