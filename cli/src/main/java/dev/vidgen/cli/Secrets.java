package dev.vidgen.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The secrets of one run (the API key) and the writers that keep them out of every line the
 * command prints. The command never prints a key on purpose; this is the second line of defence
 * against a key echoed inside a server's or a library's message (or a raw body with
 * {@code --verbose}), in every form a server may echo it: as it is, JSON-escaped
 * (<code>sk&#92;u002dtest...</code>, any characters escaped), URL-encoded ({@code sk%2Dtest...}), or
 * base64-encoded anywhere inside a longer base64 text (such as {@code Bearer KEY} or a Basic
 * credential), standard or URL-safe.
 */
final class Secrets {

    /** What a secret is replaced with. */
    static final String MASK = "***";

    /** Shorter texts are not scrubbed: a one-letter "key" would otherwise mangle every line. */
    private static final int MIN_LENGTH = 4;

    /** Shorter base64 fragments are not scrubbed: they could occur by chance. */
    private static final int MIN_BASE64_LENGTH = 8;

    private final List<String> values = new CopyOnWriteArrayList<>();
    private final List<Pattern> patterns = new CopyOnWriteArrayList<>();

    /** Adds a secret (ignored when null or too short). */
    synchronized void add(String secret) {
        if (secret != null) {
            String s = secret.strip();
            if (s.length() >= MIN_LENGTH && !values.contains(s)) {
                values.add(s);
                patterns.add(pattern(s));
            }
        }
    }

    /** The text with every secret masked, in every form. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Pattern p : patterns) {
            result = p.matcher(result).replaceAll(MASK);
        }
        return result;
    }

    /**
     * One pattern for all forms of {@code secret}: each character as it is, <code>&#92;uXXXX</code> or
     * {@code %XX} (any mix, hex in either case), or one of the base64 fragments that encode the
     * secret at any of the three byte offsets within a longer text.
     */
    static Pattern pattern(String secret) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            String hex = String.format("%04x", (int) c);
            chars.append("(?:").append(Pattern.quote(String.valueOf(c))).append("|\\\\[uU]").append(caseless(hex));
            if (c < 0x80) {
                chars.append("|%").append(caseless(hex.substring(2)));
                if (c == '/') {
                    chars.append("|\\\\/"); // JSON may write '/' as '\/'
                } else if (c == ' ') {
                    chars.append("|\\+");
                }
            }
            chars.append(')');
        }
        List<String> alternatives = new ArrayList<>();
        alternatives.add(chars.toString());
        for (String fragment : base64Fragments(secret)) {
            alternatives.add(Pattern.quote(fragment));
        }
        return Pattern.compile(String.join("|", alternatives));
    }

    /**
     * The base64 text that only the secret's own bytes determine, when the secret starts at byte
     * offset 0, 1 or 2 of a longer encoded text: whatever surrounds it, its encoding contains one of these.
     */
    static List<String> base64Fragments(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        List<String> fragments = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + key.length];
            System.arraycopy(key, 0, shifted, offset, key.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // characters that hold bits of the prefix, or of whatever follows the secret, vary: drop them
            int start = (offset * 8 + 5) / 6;
            int end = shifted.length * 8 / 6;
            if (end - start >= MIN_BASE64_LENGTH) {
                String fragment = encoded.substring(start, end);
                fragments.add(fragment);
                String urlSafe = fragment.replace('+', '-').replace('/', '_');
                if (!urlSafe.equals(fragment)) {
                    fragments.add(urlSafe);
                }
            }
        }
        return fragments;
    }

    private static String caseless(String hex) {
        StringBuilder sb = new StringBuilder();
        for (char h : hex.toCharArray()) {
            char lower = Character.toLowerCase(h);
            char upper = Character.toUpperCase(h);
            sb.append(lower == upper ? String.valueOf(h) : "[" + lower + upper + "]");
        }
        return sb.toString();
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
