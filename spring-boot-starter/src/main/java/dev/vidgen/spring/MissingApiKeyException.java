package dev.vidgen.spring;

/** The application would call the real API but no key is configured; {@link MissingApiKeyFailureAnalyzer} explains it at startup. */
public final class MissingApiKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The exception, saying where a key may be set. */
    public MissingApiKeyException() {
        super("vidgen has no API key: set the property vidgen.api-key or the environment variable FOXAPI_API_KEY");
    }
}
