package dev.vidgen.client.retry;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.ports.http.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that says whether a failed attempt is worth repeating, used by the
 * {@link RetryEngine} (submit, task query, download) and by the wait (a failed poll that may be
 * retried keeps the wait alive; one that may not ends it).
 *
 * <table>
 *   <caption>outcomes</caption>
 *   <tr><th>outcome</th><th>verdict</th><th>may have had an effect</th></tr>
 *   <tr><td>no connection made ({@link TransportException.Kind#CONNECT})</td><td>SAFE</td><td>no</td></tr>
 *   <tr><td>429, 503 (the server says it did nothing)</td><td>SAFE</td><td>no</td></tr>
 *   <tr><td>500, 502, 504; a timeout or broken connection after sending; a 2xx body that is cut or not JSON</td>
 *       <td>IF_NOT_SENT</td><td>yes</td></tr>
 *   <tr><td>any other status, a redirect, a 2xx that is well-formed but wrong (missing fields, another task),
 *       an expired result, a bug</td><td>NEVER</td><td>yes for 5xx, a 2xx and bugs</td></tr>
 * </table>
 * Whether an {@link Retryability#IF_NOT_SENT} outcome is retried depends on the call:
 * see {@link #allowsRetry(Verdict, boolean, RetryPolicy)}.
 */
public final class RetryClassifier {

    private RetryClassifier() {
    }

    /**
     * The verdict on one failed attempt.
     *
     * @param retry             what retrying may do
     * @param mayHaveHadEffect  whether the attempt may have changed something at the server (for a
     *                          submit: created a task)
     * @param retryAfter        the wait the server asked for, {@code null} for none
     */
    public record Verdict(Retryability retry, boolean mayHaveHadEffect, Duration retryAfter) {
    }

    /** Classifies a failure (wrappers such as {@link CompletionException} are looked through). */
    public static Verdict classify(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ResultExpiredException) {
            return new Verdict(Retryability.NEVER, false, null);
        }
        if (e instanceof ApiException api) {
            int status = api.httpStatus();
            return new Verdict(retryability(status), mayHaveHadEffect(status), api.retryAfter().orElse(null));
        }
        if (e instanceof MalformedResponseException m) {
            return new Verdict(m.retryCanHelp() ? Retryability.IF_NOT_SENT : Retryability.NEVER, true, null);
        }
        if (e instanceof TransportException te) {
            return transport(te);
        }
        if (e instanceof TransportIoException io) {
            Throwable cause = io.getCause();
            if (cause instanceof TransportException te) {
                return transport(te);
            }
            // no transport error inside: a call deadline (cause: the last error, if any) is worth
            // another go; a transport that threw something else has a bug that retrying will not fix
            return cause == null || cause instanceof VidgenException
                    ? new Verdict(Retryability.IF_NOT_SENT, true, null)
                    : new Verdict(Retryability.NEVER, true, null);
        }
        return new Verdict(Retryability.NEVER, true, null);
    }

    /** What retrying an answer with this HTTP status may do. */
    public static Retryability retryability(int status) {
        return switch (status) {
            case 429, 503 -> Retryability.SAFE;
            case 500, 502, 504 -> Retryability.IF_NOT_SENT;
            default -> Retryability.NEVER;
        };
    }

    /** Whether an answer with this status may come after an effect (for a submit: a task): any 2xx or 5xx but 503. */
    public static boolean mayHaveHadEffect(int status) {
        return (status >= 200 && status <= 299) || (status >= 500 && status <= 599 && status != 503);
    }

    /** Whether a transport failure may come after the request reached the server. */
    public static boolean mayHaveHadEffect(TransportException e) {
        return e.requestMayHaveBeenSent();
    }

    private static Verdict transport(TransportException te) {
        boolean sent = mayHaveHadEffect(te);
        return new Verdict(sent ? Retryability.IF_NOT_SENT : Retryability.SAFE, sent, null);
    }

    /**
     * Whether a call may be retried after this verdict: {@link Retryability#SAFE} always,
     * {@link Retryability#NEVER} never, {@link Retryability#IF_NOT_SENT} when the call is idempotent
     * (a query, a download), when nothing may have happened, or when the policy opts in to
     * {@link RetryPolicy#retrySubmitWhenTaskMayExist()}.
     */
    public static boolean allowsRetry(Verdict verdict, boolean idempotent, RetryPolicy policy) {
        return switch (verdict.retry()) {
            case SAFE -> true;
            case NEVER -> false;
            case IF_NOT_SENT -> idempotent || !verdict.mayHaveHadEffect() || policy.retrySubmitWhenTaskMayExist();
        };
    }

    /** Whether an idempotent call (a poll of a wait) may be repeated after this failure. */
    public static boolean worthRepeating(Throwable failure) {
        return classify(failure).retry() != Retryability.NEVER;
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
