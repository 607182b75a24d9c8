package dev.vidgen.domain.validation;

import java.net.URI;

/** URL helpers shared by the request builders. */
public final class Urls {

    private Urls() {
    }

    /**
     * Parses text into a URI without throwing: text that is not a URI at all is kept as an opaque
     * {@code invalid:} URI holding the original text, so that validation (rule {@code url.absolute-http})
     * reports it with the field path instead of the builder throwing.
     */
    public static URI parseLenient(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            return URI.create("invalid:" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
