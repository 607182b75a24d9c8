package dev.vidgen.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A foxapi API key ({@code sk-...}). Its {@link #toString()} is masked, so a key inside a config
 * object, a log line or an exception message prints as {@code ApiKey[***]}; only
 * {@link #reveal()} gives the text, for the {@code Authorization} header.
 */
public final class ApiKey {

    /** The environment variable read when no key is set explicitly. */
    public static final String ENV_VAR = "FOXAPI_API_KEY";

    /** What a call that needs a key and has none says: how to set one. */
    public static final String MISSING = "no API key: set one with apiKey(...) or in the environment variable " + ENV_VAR;

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * A key from its text (surrounding spaces trimmed).
     *
     * @throws IllegalArgumentException when {@code null}, empty, only spaces, or containing spaces or
     *         control characters (which could not travel in a header); the message says which, and
     *         never repeats the key
     */
    public static ApiKey of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("the API key is null; " + MISSING.substring("no API key: ".length()));
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("the API key is only whitespace");
        }
        String trimmed = value.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c > 0x7e)) {
            throw new IllegalArgumentException("the API key contains spaces, control or non-ASCII characters (key not shown)");
        }
        return new ApiKey(trimmed);
    }

    /** The key in {@value #ENV_VAR}, if that variable is set and not blank. */
    public static Optional<ApiKey> fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /** The key in {@value #ENV_VAR} as {@code env} reports it (tests pass a map's {@code get}). */
    static Optional<ApiKey> fromEnvironment(UnaryOperator<String> env) {
        String value = env.apply(ENV_VAR);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the environment variable " + ENV_VAR + " does not hold a usable key: " + e.getMessage(), e);
        }
    }

    /** The key's text, for the {@code Authorization} header only. Never log it. */
    public String reveal() {
        return value;
    }

    /** Masked: never shows the key. */
    @Override
    public String toString() {
        return "ApiKey[***]";
    }

    @Override
    public boolean equals(Object o) {
        // constant-time, as for any secret
        return o instanceof ApiKey other && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
