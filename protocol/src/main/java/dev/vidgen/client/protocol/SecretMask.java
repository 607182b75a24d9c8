package dev.vidgen.client.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a secret (the API key) in text a server sent back and replaces it with {@value #MASK}, in
 * every form a server may echo it: as is, JSON-escaped ({@code sk\u002dtest}, any characters
 * escaped, {@code \/}), URL-encoded ({@code sk%2Dtest}), a mix of those, and base64 of the key or
 * of {@code Bearer KEY} (standard and URL-safe alphabets, padded or not). Immutable, thread-safe;
 * build one per key and reuse it.
 */
public final class SecretMask {

    /** What a masked secret is replaced with. */
    public static final String MASK = "***";

    private final Pattern pattern;
    private final String secret;
    private final List<String> base64Prefixes;

    private SecretMask(Pattern pattern, String secret, List<String> base64Prefixes) {
        this.pattern = pattern;
        this.secret = secret;
        this.base64Prefixes = List.copyOf(base64Prefixes);
    }

    /**
     * A mask for {@code secret}.
     *
     * @throws IllegalArgumentException for an empty secret (it would match everywhere)
     */
    public static SecretMask of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the secret to mask is empty");
        }
        List<String> forms = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        forms.add(escapedForms(secret));
        for (String plain : List.of(secret, "Bearer " + secret)) {
            byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String b64 = enc.withoutPadding().encodeToString(bytes);
                // the last base64 character also carries bits of what follows: leave it out of the match
                String prefix = b64.substring(0, Math.max(1, b64.length() - 1));
                prefixes.add(prefix);
                forms.add(Pattern.quote(prefix) + "[A-Za-z0-9+/_=-]*");
            }
        }
        return new SecretMask(Pattern.compile(String.join("|", forms)), secret, prefixes);
    }

    /** Each character as itself, JSON {@code \}{@code uXXXX}, URL {@code %XX}, or (for '/') JSON {@code \/}. */
    private static String escapedForms(String secret) {
        StringBuilder re = new StringBuilder();
        secret.codePoints().forEach(cp -> {
            re.append("(?:").append(Pattern.quote(new String(Character.toChars(cp))));
            if (cp < 0x80) {
                String hex = String.format("%02x", cp);
                re.append("|\\\\u00(?i:").append(hex).append(")");
                re.append("|%(?i:").append(hex).append(")");
                if (cp == '/') {
                    re.append("|\\\\/");
                }
            }
            re.append(')');
        });
        return re.toString();
    }

    /** Whether the secret appears in {@code text} in any of its forms. */
    public boolean appearsIn(String text) {
        return text != null && mayAppearIn(text) && pattern.matcher(text).find();
    }

    /**
     * A cheap test that is never wrong when it says no (every answer is masked, so the regex runs
     * only when this says yes): without an escape sequence in the text, the pattern can match only
     * the secret itself or a base64 prefix, both found by {@code indexOf}.
     */
    private boolean mayAppearIn(String text) {
        if (mayHoldEscapes(text) || text.contains(secret)) {
            return true;
        }
        for (String prefix : base64Prefixes) {
            if (text.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds {@code %hh}, {@code \}{@code u00} or {@code \/}: the escapes of {@link #escapedForms}. */
    private static boolean mayHoldEscapes(String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                return true;
            }
        }
        for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
            if (text.startsWith("u00", i + 1) || text.startsWith("/", i + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@code text} with every occurrence of the secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        return mayAppearIn(text) ? maskByPatternOnly(text) : text;
    }

    /** {@link #mask(String)} on UTF-8 bytes; the same array when nothing was masked. */
    /** {@link #mask(String)} without the cheap test: what the tests compare it against. */
    String maskByPatternOnly(String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(MASK) : text;
    }

    public byte[] mask(byte[] body) {
        if (body == null || body.length == 0) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String masked = mask(text);
        return masked == text ? body : masked.getBytes(StandardCharsets.UTF_8);
    }
}
