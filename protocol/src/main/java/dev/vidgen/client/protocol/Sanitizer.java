package dev.vidgen.client.protocol;

/**
 * Makes a server-supplied string safe to print on a terminal or in a log: control characters
 * (C0, DEL, C1), line and paragraph separators and every invisible formatting character (the
 * bidirectional overrides and isolates, zero-width characters) are shown escaped
 * ({@code \u001b}, {@code \r}, {@code \n}, {@code \t}, {@code \u200b}), so a hostile server cannot
 * clear the screen, set a window title, reorder or hide text or forge a line of output. Everything
 * else is kept. Every exception message that quotes the server goes through it, and so does
 * everything the CLI prints: it is the project's one sanitizer.
 */
public final class Sanitizer {

    private Sanitizer() {
    }

    /** {@code text} with every unsafe character escaped; {@code null} stays {@code null}. */
    public static String sanitize(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the common case: nothing to escape, no copy
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** Whether {@code c} would be escaped by {@link #sanitize(String)}. */
    public static boolean unsafe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return false; // printable ASCII: the common case, decided without a table look-up
        }
        int type = Character.getType(c);
        // CONTROL: C0, DEL, C1; FORMAT: bidi marks, overrides and isolates, zero-width characters
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
