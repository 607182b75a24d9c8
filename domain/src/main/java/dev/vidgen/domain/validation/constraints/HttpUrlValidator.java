package dev.vidgen.domain.validation.constraints;

import dev.vidgen.domain.validation.Urls;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The validators of {@link HttpUrl}. */
public final class HttpUrlValidator {

    private HttpUrlValidator() {
    }

    /** Whether the URI is an absolute http(s) URL with a host (a {@link URI} cannot hold spaces). */
    static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            return false;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        return (s.equals("http") || s.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
    }

    /** {@link HttpUrl} on a {@link URI}. */
    public static final class ForUri implements ConstraintValidator<HttpUrl, URI> {
        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            if (value == null || isHttpUrl(value)) {
                return true;
            }
            return ConstraintMessages.rejectWithGot(context, ConstraintMessages.quote(Urls.originalText(value)));
        }
    }

    /** {@link HttpUrl} on text. */
    public static final class ForText implements ConstraintValidator<HttpUrl, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString();
            try {
                if (isHttpUrl(new URI(text))) {
                    return true;
                }
            } catch (URISyntaxException e) {
                // not a URL at all: reported below like any other bad value
            }
            return ConstraintMessages.rejectWithGot(context, ConstraintMessages.quote(text));
        }
    }
}
