package dev.vidgen.domain.validation.constraints;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Helpers for validators that build messages at run time. A message template is interpolated by
 * the Bean Validation provider, so any user value put into one must be escaped, or text such as
 * {@code ${...}} or {@code {max}} in a URL or prompt would be evaluated (expression injection) or
 * replaced. Everything here uses only the Jakarta API, so messages come out the same with
 * Hibernate's EL interpolator, its {@code ParameterMessageInterpolator}, or another provider.
 */
public final class ConstraintMessages {

    /** Longest user value quoted in a message; longer values are cut, the violation still carries all of it. */
    static final int MAX_QUOTED = 200;

    private ConstraintMessages() {
    }

    /** Escapes {@code \ { } $} so that the text comes out of message interpolation unchanged. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The text in double quotes, cut to a readable length, escaped for a message template. */
    public static String quote(String text) {
        String cut = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return escape("\"" + cut + "\"");
    }

    /**
     * Replaces the default violation by one whose message is the constraint's own message followed
     * by {@code "; got <rejected>"}; the rejected text must already be escaped (see {@link #escape}).
     * Parameters such as {@code {min}} in the constraint's message still work.
     */
    public static boolean rejectWithGot(ConstraintValidatorContext context, String escapedRejected) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate() + "; got " + escapedRejected)
                .addConstraintViolation();
        return false;
    }
}
