package dev.vidgen.fake.server;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour of the fake API, applied to one request by the {@link FaultPlan}. Immutable.
 *
 * <p>Unless said otherwise a fault hits before the request is handled, so a faulted submit creates
 * no task; {@link #afterProcessing()} makes the request take effect first (a task is created) and
 * then spoils the answer, which is what "a submit that failed may still have created a task" looks like.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** An error status with the documented error body (502: an HTML gateway page). */
        STATUS,
        /** The answer comes after a delay (real time: it is about the client's socket timeouts). */
        DELAY,
        /** A real TCP reset (RST) instead of an answer. */
        RESET,
        /** The connection is closed (FIN) before any byte of an answer. */
        DISCONNECT,
        /** The answer's headers promise the whole body, half of it comes, then the connection is closed. */
        TRUNCATED_BODY,
        /** A complete HTTP answer whose JSON body is cut off mid-object. */
        MALFORMED_JSON,
        /** The answer reports this unknown status text instead of the real one. */
        UNKNOWN_STATUS
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final boolean retryAfterAsDate;
    private final Duration delay;
    private final String rawStatus;
    private final boolean afterProcessing;

    private Fault(Kind kind, int status, Duration retryAfter, boolean retryAfterAsDate, Duration delay, String rawStatus,
                  boolean afterProcessing) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryAfterAsDate = retryAfterAsDate;
        this.delay = delay;
        this.rawStatus = rawStatus;
        this.afterProcessing = afterProcessing;
    }

    /**
     * An error status with the documented body {@code {"error":{"message","type"}}} and the
     * documented type for it (400 invalid_request_error, 401 authentication_error, 402
     * insufficient_quota, 404 not_found, 422 invalid_request_error, 429 rate_limit_error, 500
     * server_error, 503 service_unavailable_error); 502 and 504 answer an HTML page as a gateway would.
     */
    public static Fault status(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("a fault status must be 4xx or 5xx, got " + httpStatus);
        }
        return new Fault(Kind.STATUS, httpStatus, null, false, null, null, false);
    }

    /** 429 with {@code Retry-After} in whole seconds (rounded up; zero gives {@code Retry-After: 0}). */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, requireNotNegative(retryAfter), false, null, null, false);
    }

    /** 429 with {@code Retry-After} as an HTTP date, {@code retryAfter} after the fake's clock. */
    public static Fault rateLimitedUntilDate(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, requirePositive(retryAfter), true, null, null, false);
    }

    /** 503 with {@code Retry-After} in whole seconds (rounded up). */
    public static Fault unavailable(Duration retryAfter) {
        return new Fault(Kind.STATUS, 503, requireNotNegative(retryAfter), false, null, null, false);
    }

    /** The request is handled at once (a submit creates its task), but the answer leaves after {@code delay} of real time. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, false, requirePositive(delay), null, true);
    }

    /** A real TCP reset instead of an answer; the client sees "connection reset". */
    public static Fault reset() {
        return new Fault(Kind.RESET, 0, null, false, null, null, false);
    }

    /** The connection is closed without an answer; the client sees the connection closed before a response. */
    public static Fault disconnect() {
        return new Fault(Kind.DISCONNECT, 0, null, false, null, null, false);
    }

    /** The request is handled; its answer is cut in the middle of the body and the connection closed. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, null, false, null, null, true);
    }

    /** The request is handled; its answer is a complete HTTP response whose JSON is cut off. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 0, null, false, null, null, true);
    }

    /** The request is handled; the answer's {@code status} is {@code rawStatus} (for example {@code queued}). */
    public static Fault unknownStatus(String rawStatus) {
        Objects.requireNonNull(rawStatus, "rawStatus");
        return new Fault(Kind.UNKNOWN_STATUS, 0, null, false, null, rawStatus, true);
    }

    /**
     * This fault, hitting after the request took effect: a submit creates its task, then the
     * client gets the error status, the reset or the disconnect.
     */
    public Fault afterProcessing() {
        return new Fault(kind, status, retryAfter, retryAfterAsDate, delay, rawStatus, true);
    }

    /** What the fault does. */
    public Kind kind() {
        return kind;
    }

    /** The status of a {@link Kind#STATUS} fault, else 0. */
    public int status() {
        return status;
    }

    /** The {@code Retry-After} it sends, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether {@code Retry-After} is an HTTP date rather than seconds. */
    public boolean retryAfterAsDate() {
        return retryAfterAsDate;
    }

    /** The delay of a {@link Kind#DELAY} fault, else {@code null}. */
    public Duration delay() {
        return delay;
    }

    /** The status text of a {@link Kind#UNKNOWN_STATUS} fault, else {@code null}. */
    public String rawStatus() {
        return rawStatus;
    }

    /** Whether the request takes effect before the fault hits. */
    public boolean isAfterProcessing() {
        return afterProcessing;
    }

    private static Duration requireNotNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + d);
        }
        return d;
    }

    private static Duration requirePositive(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + d);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && kind == f.kind && status == f.status && Objects.equals(retryAfter, f.retryAfter)
                && retryAfterAsDate == f.retryAfterAsDate && Objects.equals(delay, f.delay)
                && Objects.equals(rawStatus, f.rawStatus) && afterProcessing == f.afterProcessing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, retryAfter, retryAfterAsDate, delay, rawStatus, afterProcessing);
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case STATUS -> "status " + status + (retryAfter == null ? "" : " retry-after " + retryAfter + (retryAfterAsDate ? " (date)" : ""));
            case DELAY -> "delay " + delay;
            case UNKNOWN_STATUS -> "unknown status '" + rawStatus + "'";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
        boolean optional = kind == Kind.STATUS || kind == Kind.RESET || kind == Kind.DISCONNECT;
        return what + (optional && afterProcessing ? " after processing" : "");
    }
}
