package dev.vidgen.cli;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AuthenticationException;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.InsufficientQuotaException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.TaskNotFoundException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Turns any failure into an exit code and one sentence on standard error; {@code --verbose} adds
 * the chain of causes. Never a stack trace.
 */
final class Errors {

    private Errors() {
    }

    /**
     * Reports {@code error} on {@code err} and returns the exit code.
     *
     * @param verbose  whether to add the cause chain
     * @param embedded whether the command ran on the embedded fake API (which starts empty: a task id from elsewhere is unknown there)
     */
    static int report(Throwable error, PrintWriter err, boolean verbose, boolean embedded) {
        Throwable e = unwrap(error);
        int code;
        String message;
        List<String> details = new ArrayList<>();
        if (e instanceof CliException c) {
            code = c.exitCode();
            message = c.getMessage();
        } else if (e instanceof RequestValidationException rve) {
            code = ExitCode.INVALID_REQUEST;
            List<Violation> vs = rve.violations();
            message = "the request is invalid (" + vs.size() + (vs.size() == 1 ? " violation" : " violations") + "); nothing was sent";
            for (Violation v : vs) {
                details.add("  " + Printable.text(violationLine(v)));
            }
        } else if (e instanceof TaskFailedException tfe) {
            code = ExitCode.TASK_FAILED;
            VideoTask t = tfe.task();
            String errorCode = tfe.errorCode() == null ? "none given" : tfe.errorCode();
            String detail = t.error() == null || t.error().message() == null ? "" : " (" + t.error().message() + ")";
            message = "task " + t.id() + " ended " + t.status().raw() + " with error code " + errorCode + detail;
        } else if (e instanceof AwaitTimeoutException ate) {
            code = ExitCode.TIMEOUT;
            VideoTask last = ate.lastSnapshot();
            String state = last == null ? "" : " (last seen " + last.status().raw()
                    + (last.progress() == null ? "" : " " + last.progress() + "%") + ")";
            message = "task " + ate.taskId() + " did not finish in time" + state + (embedded
                    ? "; it ran on the embedded fake API, which ended with this command, so it cannot be resumed:"
                            + " give a longer --timeout, or run 'vidgen fake-server' and set FOXAPI_BASE_URL to keep tasks between commands"
                    : "; it is still running: resume with 'vidgen wait " + ate.taskId() + "'");
        } else if (e instanceof VidgenException ve) {
            code = ExitCode.API_ERROR;
            message = Wording.of(ve).sentence(ve);
        } else if (e instanceof UncheckedIOException io) {
            code = ExitCode.API_ERROR;
            message = "input/output failed: " + io.getCause().getMessage();
        } else if (e instanceof IllegalArgumentException iae) {
            // what the client's builder says about a bad setting (base URL, key, transport)
            code = ExitCode.USAGE;
            message = iae.getMessage();
        } else if (e instanceof CancellationException) {
            code = ExitCode.API_ERROR;
            message = "interrupted";
        } else {
            code = ExitCode.API_ERROR;
            message = "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        err.println("error: " + Printable.error(sentence(message)));
        details.forEach(err::println);
        if (embedded && e instanceof TaskNotFoundException) {
            err.println("note: this ran on a fresh embedded fake API, which knows no tasks; start 'vidgen fake-server' and"
                    + " set FOXAPI_BASE_URL to keep tasks between commands");
        }
        if (verbose) {
            for (String line : causeChain(e)) {
                err.println("  " + Printable.error(line));
            }
        } else if (code == ExitCode.API_ERROR && !(e instanceof ApiException)) {
            err.println("(run again with --verbose for details)");
        }
        err.flush();
        return code;
    }

    /**
     * The sentence of a library failure around its own message, for the failures whose exit code is
     * {@link ExitCode#API_ERROR} and nothing else to say; the first type that matches wins, so
     * subclasses come before their superclasses.
     *
     * @param format        the sentence, {@code %s} for the library's message
     * @param mayExist whether to add the warning that a task may exist
     */
    private record Wording(Class<? extends VidgenException> type, String format, boolean mayExist) {

        private static final List<Wording> ALL = List.of(
                new Wording(AuthenticationException.class, "the API refused the key (%s); check FOXAPI_API_KEY or --api-key", false),
                new Wording(TaskNotFoundException.class, "no such task (%s)", false),
                new Wording(InsufficientQuotaException.class, "the account balance is too low (%s)", false),
                new Wording(RateLimitException.class, "the API is rate limiting this key (%s); try again later", false),
                new Wording(ApiException.class, "the API answered an error: %s", true),
                new Wording(TransportIoException.class, "could not talk to the API: %s", true),
                new Wording(MalformedResponseException.class, "the API answered something unreadable: %s", true),
                new Wording(ResultExpiredException.class, "%s", false),
                new Wording(VidgenException.class, "%s", true));

        static Wording of(VidgenException e) {
            return ALL.stream().filter(w -> w.type.isInstance(e)).findFirst().orElseThrow();
        }

        String sentence(VidgenException e) {
            return String.format(java.util.Locale.ROOT, format, e.getMessage()) + (mayExist ? mayHaveCreated(e) : "");
        }
    }

    /** {@code [rule.id] field: message}, the field in the API's JSON names. */
    static String violationLine(Violation v) {
        String field = v.path() == null || v.path().isEmpty() ? "(request)" : jsonPath(v.path());
        return "[" + v.ruleId() + "] " + field + ": " + v.message();
    }

    /** {@code imageList[1].imageUrl} as {@code image_list[1].image_url}. */
    static String jsonPath(String javaPath) {
        StringBuilder sb = new StringBuilder(javaPath.length() + 8);
        for (char ch : javaPath.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The warning that a task may exist, unless the library's message already says so. */
    private static String mayHaveCreated(VidgenException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (!e.taskMayHaveBeenCreated() || m.contains("task may have been created") || m.contains("task may exist")) {
            return "";
        }
        return "; a task may have been created anyway: check before submitting again";
    }

    private static String sentence(String message) {
        String m = message == null || message.isBlank() ? "failed" : message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static List<String> causeChain(Throwable e) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        lines.add("(" + e.getClass().getName() + ")");
        if (e instanceof ApiException api && api.rawBody() != null) {
            lines.add("response body: " + api.rawBody());
        }
        seen.add(e);
        for (Throwable c = e.getCause(); c != null && seen.add(c); c = c.getCause()) {
            lines.add("caused by " + c.getClass().getName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        }
        return lines;
    }
}
