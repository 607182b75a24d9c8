package dev.vidgen.client.download;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one download; {@link #defaults()} plus withers, as {@code CallOptions}.
 *
 * @param timeout  the total deadline: every attempt, redirect and wait between attempts, from the
 *                 call to the last byte; past it the download stops ({@link DownloadLimitException})
 * @param maxBytes the largest video accepted; a longer body stops being read there
 *                 ({@link DownloadLimitException}), and a {@code Content-Length} above it is refused at once
 */
public record DownloadOptions(Duration timeout, long maxBytes) {

    /** The default deadline: 30 minutes (4 GiB at 2.4 MB/s). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** The default size cap: 4 GiB, well above any video the API makes. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024 * 1024;

    /** Checks both limits are positive. */
    public DownloadOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("download timeout must be positive, got " + timeout);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("download maxBytes must be at least 1, got " + maxBytes);
        }
    }

    /** 30 minutes, 4 GiB. */
    public static DownloadOptions defaults() {
        return new DownloadOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    /** These options with another total deadline. */
    public DownloadOptions withTimeout(Duration d) {
        return new DownloadOptions(d, maxBytes);
    }

    /** These options with another size cap. */
    public DownloadOptions withMaxBytes(long n) {
        return new DownloadOptions(timeout, n);
    }
}
