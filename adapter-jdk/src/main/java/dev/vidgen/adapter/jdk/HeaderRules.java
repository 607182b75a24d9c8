package dev.vidgen.adapter.jdk;

/** Methods and header names must be HTTP tokens, header values free of control characters (no header injection). */
final class HeaderRules {

    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private HeaderRules() {
    }

    static void checkMethod(String method) {
        if (method.isEmpty() || firstNonToken(method) >= 0) {
            throw new IllegalArgumentException("method must be an HTTP token such as GET or POST");
        }
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        int bad = firstNonToken(name);
        if (bad >= 0) {
            throw new IllegalArgumentException("header name must be an HTTP token; character " + bad + " of a "
                    + name.length() + "-character name is not allowed");
        }
    }

    /** The message names the header and the position, never the value (it may be an API key). */
    static void checkValue(String name, String value) {
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
