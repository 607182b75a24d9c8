package dev.vidgen.client.observe;

import java.util.Locale;

/** What an HTTP attempt was for. */
public enum HttpOperation {
    /** {@code POST /v1/videos/generations}. */
    SUBMIT,
    /** {@code GET /v1/tasks/{id}}. */
    QUERY,
    /** {@code GET} of a result video. */
    DOWNLOAD;

    /** The lower-case name, as a metric tag: {@code submit}, {@code query}, {@code download}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
