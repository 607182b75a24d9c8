package dev.vidgen.spring;

import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.ValidationPolicy;
import org.springframework.core.env.Environment;

/** Turns {@link VidgenProperties} (and the environment's fallbacks) into the client's configuration values. */
final class ClientConfigFactory {

    /** The fallback of {@code vidgen.api-key}. */
    static final String KEY_ENV = "FOXAPI_API_KEY";
    /** The fallback of {@code vidgen.base-url}. */
    static final String BASE_URL_ENV = "FOXAPI_BASE_URL";

    private ClientConfigFactory() {
    }

    static ClientConfig config(VidgenProperties p, Environment env, ModelCatalog catalog, ClientObserver observer) {
        ClientConfig.Builder b = ClientConfig.builder()
                .apiKey(blankToNull(p.apiKey() != null ? p.apiKey() : env.getProperty(KEY_ENV)))
                .baseUrl(blankToNull(p.baseUrl() != null ? p.baseUrl() : env.getProperty(BASE_URL_ENV)))
                .allowInsecureHttp(p.allowInsecureHttp())
                .transportName(blankToNull(p.transport()))
                .retryPolicy(retry(p.retry()))
                .observer(observer);
        if (p.connectTimeout() != null) {
            b.connectTimeout(p.connectTimeout());
        }
        if (p.attemptTimeout() != null) {
            b.attemptTimeout(p.attemptTimeout());
        }
        if (p.callTimeout() != null) {
            b.callTimeout(p.callTimeout());
        }
        if (!p.validation().disabledRules().isEmpty()) {
            b.validationPolicy(ValidationPolicy.defaults().disable(catalog, p.validation().disabledRules().toArray(String[]::new)));
        }
        return b.build();
    }

    static RetryPolicy retry(VidgenProperties.Retry r) {
        RetryPolicy.Builder b = RetryPolicy.defaults().toBuilder().retrySubmitWhenTaskMayExist(r.retrySubmitWhenTaskMayExist());
        if (r.maxAttempts() != null) {
            b.maxAttempts(r.maxAttempts());
        }
        if (r.initialBackoff() != null) {
            b.initialBackoff(r.initialBackoff());
        }
        if (r.maxBackoff() != null) {
            b.maxBackoff(r.maxBackoff());
        }
        if (r.multiplier() != null) {
            b.multiplier(r.multiplier());
        }
        if (r.jitter() != null) {
            b.jitter(r.jitter());
        }
        return b.build();
    }

    static AwaitOptions awaitOptions(VidgenProperties.Polling p) {
        AwaitOptions.Builder b = AwaitOptions.defaults().toBuilder();
        if (p.minInterval() != null) {
            b.minInterval(p.minInterval());
        }
        if (p.maxInterval() != null) {
            b.maxInterval(p.maxInterval());
        }
        if (p.timeout() != null) {
            b.timeout(p.timeout());
        }
        return b.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
