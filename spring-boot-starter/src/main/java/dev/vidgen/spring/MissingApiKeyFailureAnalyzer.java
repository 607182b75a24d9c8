package dev.vidgen.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingApiKeyException} at startup into a short description and action instead of a stack trace. */
public final class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

    /** The analyzer, as {@code spring.factories} creates it. */
    public MissingApiKeyFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
        return new FailureAnalysis(
                "The vidgen VideoClient would call the foxapi API, but no API key is configured.",
                "Set the property 'vidgen.api-key' (for example in application.properties, or as VIDGEN_API_KEY) "
                        + "or the environment variable FOXAPI_API_KEY. In tests, define a TaskSubmissionPort bean "
                        + "(such as the fake API's) instead, which needs no key.",
                cause);
    }
}
