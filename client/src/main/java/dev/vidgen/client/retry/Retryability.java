package dev.vidgen.client.retry;

/** What repeating a failed attempt may do; see {@link RetryClassifier}. */
public enum Retryability {
    /** Nothing happened at the server: any call may be repeated. */
    SAFE,
    /** Something may have happened: repeat an idempotent call, a non-idempotent one only if nothing was sent. */
    IF_NOT_SENT,
    /** The same attempt would fail the same way (or must not be repeated): never. */
    NEVER
}
