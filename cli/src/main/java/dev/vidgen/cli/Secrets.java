package dev.vidgen.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The secrets of one run (the API key) and the writers that keep them out of every line the
 * command prints. The command never prints a key on purpose; this is the second line of defence
 * against a key echoed inside a server's or a library's message.
 */
final class Secrets {

    /** What a secret is replaced with. */
    static final String MASK = "***";

    /** Shorter texts are not scrubbed: a one-letter "key" would otherwise mangle every line. */
    private static final int MIN_LENGTH = 4;

    private final List<String> values = new CopyOnWriteArrayList<>();

    /** Adds a secret (ignored when null or too short). */
    void add(String secret) {
        if (secret != null) {
            String s = secret.strip();
            if (s.length() >= MIN_LENGTH && !values.contains(s)) {
                values.add(s);
            }
        }
    }

    /** The text with every secret masked. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String s : values) {
            result = result.replace(s, MASK);
        }
        return result;
    }

    /** A writer that masks secrets before {@code delegate} sees them. */
    Writer scrubbing(Writer delegate) {
        return new ScrubbingWriter(delegate, this);
    }

    /**
     * Holds text back until a line ends (or a progress bar's carriage return, or a flush), so that a
     * secret written in pieces is still whole when it is scrubbed.
     */
    private static final class ScrubbingWriter extends Writer {
        private final Writer delegate;
        private final Secrets secrets;
        private final StringBuilder pending = new StringBuilder();

        ScrubbingWriter(Writer delegate, Secrets secrets) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            this.secrets = secrets;
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) throws IOException {
            pending.append(cbuf, off, len);
            int end = Math.max(pending.lastIndexOf("\n"), pending.lastIndexOf("\r"));
            if (end >= 0) {
                String ready = pending.substring(0, end + 1);
                pending.delete(0, end + 1);
                delegate.write(secrets.scrub(ready));
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (pending.length() > 0) {
                delegate.write(secrets.scrub(pending.toString()));
                pending.setLength(0);
            }
            delegate.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            flush();
            delegate.close();
        }
    }
}
