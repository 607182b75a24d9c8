package dev.vidgen.client.download;

import dev.vidgen.client.error.VidgenException;

/**
 * A download stopped at one of its {@link DownloadOptions} limits. Nothing was saved (no part file
 * is left either); the message says which limit ended it and how many bytes had arrived.
 */
public class DownloadLimitException extends VidgenException {

    private static final long serialVersionUID = 1L;

    /** Which limit ended the download. */
    public enum Limit {
        /** {@link DownloadOptions#timeout()}: the total deadline passed. */
        DEADLINE,
        /** {@link DownloadOptions#maxBytes()}: the body was larger. */
        SIZE
    }

    private final Limit limit;
    private final long bytesReceived;

    /** A download ended by {@code limit} after {@code bytesReceived} bytes of its last attempt. */
    public DownloadLimitException(String message, Limit limit, long bytesReceived, Throwable cause) {
        super(message, cause, false);
        this.limit = limit;
        this.bytesReceived = bytesReceived;
    }

    /** Which limit ended the download. */
    public Limit limit() {
        return limit;
    }

    /** Bytes of the body that had arrived in the last attempt when it stopped. */
    public long bytesReceived() {
        return bytesReceived;
    }
}
