package dev.vidgen.ports.http;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Checks and file steps every transport needs, so that each adapter keeps the SPI's contract the
 * same way: methods and header names must be HTTP tokens, header values free of control characters
 * (no header injection), and a download reaches its target whole or not at all.
 */
public final class TransportSupport {

    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private TransportSupport() {
    }

    /** Refuses a method that is not an HTTP token. */
    public static void checkMethod(String method) {
        if (method.isEmpty() || firstNonToken(method) >= 0) {
            throw new IllegalArgumentException("method must be an HTTP token such as GET or POST");
        }
    }

    /** Refuses a header name that is not an HTTP token. */
    public static void checkHeaderName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        int bad = firstNonToken(name);
        if (bad >= 0) {
            throw new IllegalArgumentException("header name must be an HTTP token; character " + bad + " of a "
                    + name.length() + "-character name is not allowed");
        }
    }

    /** Refuses a header value with a control character; the message names the header and the position, never the value (it may be an API key). */
    public static void checkHeaderValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + ": value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("header " + name + ": value has a control or non-Latin-1 character at index " + i
                        + " (line breaks would inject headers)");
            }
        }
    }

    /**
     * Where a download is written before it is complete: a hidden, uniquely named sibling of the
     * target, so that a failed download never leaves a truncated target.
     */
    public static Path partFileFor(Path absoluteTarget) {
        return absoluteTarget.resolveSibling("." + absoluteTarget.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
    }

    /**
     * Moves a completely written download from its part file to the target, atomically where the
     * file system can.
     *
     * @throws TransportException of kind IO when the file cannot be moved
     */
    public static void moveIntoPlace(Path part, Path target, String method, java.net.URI uri) {
        try {
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.IO, method + " " + uri + ": cannot write " + target + ": " + e, e);
        }
    }

    /** Deletes a part file if it is there; best effort (its name is unique and hidden). */
    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static int firstNonToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_PUNCTUATION.indexOf(c) >= 0;
            if (!token) {
                return i;
            }
        }
        return -1;
    }
}
