package dev.vidgen.reliability.support;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.TaskFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Collects every text a user could see (exception messages and whole cause chains, toStrings,
 * command output) and finds the secrets in them. A secret is searched by a distinctive core, so a
 * key cut after its {@code sk-} prefix or quoted differently is still found.
 */
public final class SecretScan {

    private final List<String> secrets;
    private final List<String> texts = new ArrayList<>();
    private final List<String> hits = new ArrayList<>();

    /** A scan for these secret cores. */
    public SecretScan(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Scans {@code text}, labelled {@code where} in a hit. */
    public void text(String where, String text) {
        if (text == null) {
            return;
        }
        texts.add(where);
        for (String s : secrets) {
            int at = text.indexOf(s);
            if (at >= 0) {
                int from = Math.max(0, at - 60);
                hits.add(where + ": ..." + text.substring(from, Math.min(text.length(), at + s.length() + 20)).replace('\n', ' ') + "...");
            }
        }
    }

    /** Scans a returned object's {@code toString}. */
    public <T> T object(String where, T value) {
        text(where + " toString", String.valueOf(value));
        return value;
    }

    /**
     * Scans an exception: its stack trace as printed (every message and toString of the cause chain
     * and suppressed ones), and what the typed exceptions carry besides (raw body, violations, snapshots).
     */
    public Throwable exception(String where, Throwable t) {
        if (t == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        text(where + " stack trace", trace.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            text(where + " message", c.getMessage());
            text(where + " localized message", c.getLocalizedMessage());
            text(where + " toString", c.toString());
            if (c instanceof ApiException api) {
                text(where + " raw body", api.rawBody());
                text(where + " server message", api.serverMessage());
                text(where + " error code", api.errorCode());
            }
            if (c instanceof RequestValidationException rve) {
                text(where + " violations", String.valueOf(rve.violations()));
            }
            if (c instanceof AwaitTimeoutException ate) {
                text(where + " last snapshot", String.valueOf(ate.lastSnapshot()));
            }
            if (c instanceof TaskFailedException tfe) {
                text(where + " task", String.valueOf(tfe.task()));
            }
            for (Throwable s : c.getSuppressed()) {
                exception(where + " suppressed", s);
            }
        }
        return t;
    }

    /** How many texts were scanned. */
    public int scanned() {
        return texts.size();
    }

    /** Where a secret was found, with some context. */
    public List<String> hits() {
        return List.copyOf(hits);
    }
}
