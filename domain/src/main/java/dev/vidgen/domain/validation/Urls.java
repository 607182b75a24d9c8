package dev.vidgen.domain.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL helpers shared by the request builders and the URL constraint. */
public final class Urls {

    /** The scheme of the placeholder URI that {@link #parseLenient} makes of text that is no URI. */
    private static final String INVALID_SCHEME = "invalid";

    private Urls() {
    }

    /**
     * Parses text into a URI without throwing: text that is not a URI at all is kept as an opaque
     * {@code invalid:} URI holding the original text, so that validation (rule {@code url.absolute-http})
     * reports it with the field path instead of the builder throwing. {@code null} gives {@code null}
     * (a field not set), so that builders can pass what they are given straight through.
     */
    public static URI parseLenient(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return URI.create(INVALID_SCHEME + ":" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }

    /** The text the URI was made from: for a placeholder of {@link #parseLenient} the original text, else the URI itself. */
    public static String originalText(URI uri) {
        if (INVALID_SCHEME.equals(uri.getScheme()) && uri.isOpaque()) {
            return URLDecoder.decode(uri.getRawSchemeSpecificPart(), StandardCharsets.UTF_8);
        }
        return uri.toString();
    }
}
